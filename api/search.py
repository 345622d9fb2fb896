"""The search endpoint, `/api/v1/search/?q=…`: the site's search (newsroom.search, the same
ranked list, facets, pages and "Did you mean …?" as /search/) as JSON.

Its parameters follow the API's conventions (api.conventions): `q` is required and read
exactly as sent (a control character is refused, not stripped; at most the site's
`MAX_QUERY_LENGTH`), `type` is one of the kinds' keys, `page` a whole number; anything
unknown, empty or given twice is a 400 naming it. A `q` without a word to look for (only
punctuation, or only `-excluded` words) is well formed, so it finds nothing, with the
search page's message as `notice`. A page past the last is a 404, as on the site. Only
published items are found or counted: the search reads each kind's `published()` and
nothing else.
"""

from django import forms
from django.core.validators import RegexValidator
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from newsroom import search
from newsroom.routes import fixed_path

from .conventions import ERRORS, FORMAT_PARAMETER, checked_parameters, conditional_get
from .parameters import WHOLE_NUMBER_HELP, WholeNumberField, choice_messages

#: No control character (Unicode's Cc: U+0000–U+001F, U+007F–U+009F), at least one character.
QUERY_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]+$"
QUERY_SCHEMA = {
    "type": "string",
    "pattern": QUERY_PATTERN,
    "maxLength": search.MAX_QUERY_LENGTH,
}
#: A bound on `page`, so that a string of thousands of digits is refused by its length; a
#: page past a search's last one is a 404.
MAX_PAGE = 9999

NO_WORD = (
    "Holds no word to look for. Type a name, a place or a few words from a quote, "
    "for example: delegates."
)
ONLY_EXCLUDES = (
    "A minus sign leaves a word out, so this looks for nothing. Add a word to look for, "
    "for example: delegates -Biden."
)


def query_fields() -> dict[str, forms.Field]:
    choices = [(kind.key, kind.label) for kind in search.kinds()]
    return {
        "q": forms.CharField(
            strip=False,
            max_length=search.MAX_QUERY_LENGTH,
            validators=[
                RegexValidator(
                    # `$` would let a final newline through (Python's `$` matches before it).
                    QUERY_PATTERN.removesuffix("$") + r"\Z",
                    "Control characters are not allowed: send the words as typed.",
                )
            ],
            error_messages={"required": "Required: the words to look for, e.g. q=delegates."},
        ),
        "type": forms.ChoiceField(choices=choices, error_messages=choice_messages(choices)),
        "page": WholeNumberField(min_value=1, max_value=MAX_PAGE),
    }


def nothing_found(query, *, kind, page: int) -> search.Results:
    """The answer to a query that looks for nothing: no hit, every facet 0, one page."""
    if page > 1:
        raise search.PageOutOfRange(page)
    return search.Results(query, [search.Facet(each, 0) for each in search.kinds()], kind, page)


class Links:
    """Addresses of this endpoint for the same search with other parameters, absolute, with
    `format` kept as the request gave it."""

    def __init__(self, request, text: str):
        self.request, self.text = request, text
        self.format = request.query_params.get("format")

    def url(self, *, text: str | None = None, key: str = "", page: int = 1) -> str:
        parameters = {"q": self.text if text is None else text}
        if key:
            parameters["type"] = key
        if page > 1:
            parameters["page"] = page
        if self.format:
            parameters["format"] = self.format
        path = fixed_path("api:search")
        return self.request.build_absolute_uri(f"{path}?{urlencode(parameters)}")

    def page(self, results, page: int) -> str | None:
        if 1 <= page <= results.pages:
            return self.url(key=results.kind.key if results.kind else "", page=page)
        return None


class SearchHitSerializer(serializers.Serializer):
    type = serializers.CharField(
        source="kind_key", help_text="The kind found, one of the `type` values, e.g. “quote”."
    )
    type_label = serializers.CharField(source="kind", help_text="The kind, e.g. “Quote”.")
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    snippet = serializers.CharField(
        help_text="HTML, as the search page shows it: the item's words escaped, each match "
        "in <mark>. Empty when the item has no text to show."
    )
    snippet_text = serializers.CharField(help_text="The snippet as plain text, without marks.")
    detail = serializers.CharField(help_text="A word about the item, e.g. a contest's count.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, hit) -> str:
        return self.context["request"].build_absolute_uri(hit.url)


class SearchFacetSerializer(serializers.Serializer):
    key = serializers.CharField(source="kind.key", help_text="The `type` value of this kind.")
    label = serializers.CharField(source="kind.label", help_text="e.g. “Quotes”.")
    count = serializers.IntegerField(
        help_text="Matches counted, at most `window`: with `more`, at least this many "
        "(the search page shows “500+”)."
    )
    more = serializers.BooleanField(help_text="Whether more match than `window`.")
    url = serializers.SerializerMethodField(help_text="This search narrowed to this kind.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, facet) -> str:
        return self.context["links"].url(key=facet.kind.key)


class SearchSuggestionSerializer(serializers.Serializer):
    query = serializers.CharField(help_text="The search with a word's spelling corrected.")
    url = serializers.URLField(help_text="That search, on this endpoint.")


class SearchResultsSerializer(serializers.Serializer):
    query = serializers.CharField(source="query.text", help_text="`q`, as sent.")
    type = serializers.SerializerMethodField(help_text="`type`, or null: every kind.")
    page = serializers.IntegerField()
    pages = serializers.IntegerField(help_text="Pages of this list; at least 1.")
    count = serializers.IntegerField(
        source="shown_total",
        help_text="Matches in this list (of `type`, or of every kind), each kind counted "
        "up to `window`.",
    )
    more = serializers.BooleanField(
        source="capped", help_text="Whether more match than are counted and ranked."
    )
    window = serializers.SerializerMethodField(
        help_text="Of each kind, at most this many matches, the newest, are ranked and counted."
    )
    results = SearchHitSerializer(source="hits", many=True, help_text="Best first.")
    facets = SearchFacetSerializer(
        many=True, help_text="Every kind with its count, in the search page's order."
    )
    suggestion = serializers.SerializerMethodField(
        help_text="“Did you mean …?”: offered when little matches and the corrected "
        "spelling finds more; null otherwise."
    )
    notice = serializers.SerializerMethodField(
        help_text="Why nothing was looked for, when `q` holds no word (only punctuation) or "
        "only leaves words out (-word), as the search page says it; null otherwise."
    )
    next = serializers.SerializerMethodField()
    previous = serializers.SerializerMethodField()

    def get_type(self, results) -> str | None:
        return results.kind.key if results.kind else None

    def get_window(self, results) -> int:
        return search.ranking_window()

    def get_notice(self, results) -> str | None:
        return self.context["notice"]

    @extend_schema_field(SearchSuggestionSerializer(allow_null=True))
    def get_suggestion(self, results):
        if not results.suggestion:
            return None
        links = self.context["links"]
        return {"query": results.suggestion, "url": links.url(text=results.suggestion)}

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_next(self, results):
        return self.context["links"].page(results, results.page + 1)

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_previous(self, results):
        return self.context["links"].page(results, results.page - 1)


SEARCH_SCHEMA = extend_schema(
    operation_id="search",
    summary="Search everything published",
    description="The site's search (/search/): one list of every published kind ranked "
    "together, facets counting each kind, “Did you mean …?” and pages of 20.",
    parameters=[
        OpenApiParameter(
            "q",
            QUERY_SCHEMA,
            OpenApiParameter.QUERY,
            required=True,
            description="What to look for, as typed in the search box: words all must "
            "match, “a quoted phrase” matches those words in order, -word leaves out what "
            "holds it, `or` between two terms takes either. Sent as typed: a control "
            "character is refused, not removed.",
        ),
        OpenApiParameter(
            "type",
            str,
            OpenApiParameter.QUERY,
            enum=[kind.key for kind in search.kinds()],
            description="Only this kind; leave it out to search every kind.",
        ),
        OpenApiParameter(
            "page",
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
            OpenApiParameter.QUERY,
            description=f"The page, from 1; past the last is a 404. {WHOLE_NUMBER_HELP}",
        ),
        FORMAT_PARAMETER,
    ],
    responses={200: SearchResultsSerializer, **ERRORS},
)


class SearchView(APIView):
    """Search the published newsroom, as /search/ does."""

    @method_decorator(conditional_get)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        # Before content negotiation, which would answer an unknown `format` with a bare 404.
        if request.method in ("GET", "HEAD"):
            self.parameters = checked_parameters(request, query_fields(), required=("q",))
        super().initial(request, *args, **kwargs)

    @SEARCH_SCHEMA
    def get(self, request, *args, **kwargs):
        text = self.parameters["q"]
        query = search.parse(text)
        key = self.parameters.get("type")
        kind = search.kind_named(key) if key else None
        page = self.parameters.get("page", 1)
        notice = None
        try:
            if query.looks_for_something:
                results = search.search(query, kind=kind, page=page)
            else:
                # As the search page: nothing is looked for, so nothing is found, and the
                # notice says what to type instead.
                notice = ONLY_EXCLUDES if query.terms else NO_WORD
                results = nothing_found(query, kind=kind, page=page)
        except search.PageOutOfRange:
            raise NotFound("No such page of results.") from None
        context = {"request": request, "links": Links(request, text), "notice": notice}
        return Response(SearchResultsSerializer(results, context=context).data)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, no_cache=True)
        return response
