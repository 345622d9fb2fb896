"""What every endpoint of the API shares: pages, strict query parameters, conditional GET.

* Cursor pagination in id order (`next` / `previous` links, no total): a page costs the same
  however long the list and however far into it.
* Every query parameter is checked before anything is read, and all that is wrong is
  answered at once: a 400 whose JSON body maps each bad parameter to its messages. A
  parameter the endpoint does not know, one given empty or more than once, and a value the
  OpenAPI schema does not allow (`parameters` says what each kind of value may look like,
  and nothing is stripped) are refused, so a typo or a stray character never silently
  returns everything or nothing.
* `format` selects the renderer; `json` is the only one.
* A slug whose page moved (a merged duplicate: its page answers 301 to the one that stays,
  newsroom.middleware) answers 301 to the resource at the new slug, query string kept, as
  the site does; a slug that never was, or whose target is not public, stays a 404.
* Every response carries an ETag computed from its body and `Cache-Control: no-cache`:
  clients revalidate on every request (an update shows on the very next one) and an
  unchanged resource answers 304 Not Modified to `If-None-Match`.
"""

import re
from base64 import b64decode
from urllib import parse

from django import forms
from django.core.validators import RegexValidator
from django.http import Http404, HttpResponsePermanentRedirect
from django.middleware.http import ConditionalGetMiddleware
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.utils.decorators import decorator_from_middleware, method_decorator
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.settings import api_settings

from newsroom.editorial.records import Redirect
from newsroom.routes import route_path

from .parameters import WHOLE_NUMBER, WHOLE_NUMBER_HELP, WholeNumberField, select_one_of

conditional_get = decorator_from_middleware(ConditionalGetMiddleware)

#: The values of `format`, one per renderer.
FORMATS = [renderer.format for renderer in api_settings.DEFAULT_RENDERER_CLASSES]
FORMAT_PARAMETER = OpenApiParameter(
    "format",
    str,
    OpenApiParameter.QUERY,
    enum=FORMATS,
    description="The response format; JSON is also the default.",
)


#: The characters of a cursor (base64); what they decode to is checked by `CursorField`.
CURSOR_PATTERN = r"^[A-Za-z0-9+/=]+$"


class CursorField(forms.CharField):
    """A `cursor` as the schema describes it: base64 characters, at most 200. One that is
    well formed but not a cursor this API wrote is a 404, like an unknown id (see
    `ListPagination.decode_cursor`)."""

    default_validators = [
        RegexValidator(
            CURSOR_PATTERN,
            "Not a cursor: copy it from the `next` or `previous` link of a list.",
        )
    ]

    def __init__(self, **kwargs):
        super().__init__(strip=False, max_length=200, **kwargs)


class ListPagination(CursorPagination):
    """Lists in the order their rows were added, a page at a time, by cursor.

    A page costs the same whatever the size of the list or how far into it: no COUNT over
    the table and no OFFSET past the rows skipped, only `id > position … LIMIT n` on the
    primary key. A list has `next` and `previous` links and no total."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "pk"

    def page_fields(self) -> dict[str, forms.Field]:
        return {
            self.cursor_query_param: CursorField(),
            self.page_size_query_param: WholeNumberField(min_value=1, max_value=self.max_page_size),
        }

    def decode_cursor(self, request):
        """DRF's reading of a cursor, and what DRF lets through refused too: other keys, a
        key given twice, a position that is not an id (the database would be asked)."""
        cursor = super().decode_cursor(request)
        if cursor is None:
            return None
        encoded = request.query_params[self.cursor_query_param]
        tokens = parse.parse_qs(b64decode(encoded.encode("ascii")).decode("ascii"))
        position = cursor.position
        if (
            not set(tokens) <= {"o", "r", "p"}
            or any(len(values) > 1 for values in tokens.values())
            or ("p" not in tokens and cursor.offset == 0 and not cursor.reverse)
            or (
                position is not None
                and not (WHOLE_NUMBER.fullmatch(position) and len(position) <= 18)
            )
        ):
            raise NotFound(self.invalid_cursor_message)
        return cursor

    invalid_cursor_message = (
        "This cursor is not one this API wrote: follow the `next` or `previous` link of a list."
    )

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
                parameter["description"] = (
                    f"Results per page, 1 to {self.max_page_size}. {WHOLE_NUMBER_HELP}"
                )
            else:
                parameter["schema"].update(maxLength=200, pattern=CURSOR_PATTERN)
                parameter["description"] = (
                    "Where to continue: copy it from the `next` or `previous` link of a list."
                )
        return parameters


def checked_parameters(
    request, fields: dict[str, forms.Field], *, required: tuple[str, ...] = ()
) -> dict:
    """The value of each query parameter given, cleaned by its field, once every parameter
    is checked: an unknown one, one given empty or twice, a `format` that is not one of
    `FORMATS`, a value its field refuses and a missing one of `required` are each named,
    all at once, in one ValidationError (a 400)."""
    allowed = {"format", *fields}
    problems, values = {}, {}
    for name, given in request.query_params.lists():
        if name not in allowed:
            problems[name] = [
                f"Unknown query parameter. Allowed here: {', '.join(sorted(allowed))}."
            ]
        elif len(given) > 1:
            problems[name] = ["Given more than once. Give it once."]
        elif given[0] == "":
            problems[name] = ["Empty value. Give a value, or leave the parameter out."]
        elif name == "format":
            if given[0] not in FORMATS:
                problems[name] = [select_one_of(FORMATS)]
        else:
            try:
                values[name] = fields[name].clean(given[0])
            except forms.ValidationError as error:
                problems[name] = error.messages
    for name in required:
        if name not in request.query_params:
            problems[name] = [fields[name].error_messages["required"]]
    if problems:
        raise ValidationError(dict(sorted(problems.items())))
    return values


class ErrorSerializer(serializers.Serializer):
    """A 404's `detail`; a 400 names each bad parameter with a list of messages."""

    detail = serializers.CharField(required=False)


ERRORS = {
    400: OpenApiResponse(
        description="A query parameter is unknown or invalid; the body names it and says why."
    ),
    404: OpenApiResponse(ErrorSerializer, description="Not found, or not published."),
}


#: What a slug or an id in a URL may look like; anything else is a 404 without a query.
LOOKUP_PATTERNS = {"slug": r"^[-a-zA-Z0-9_]+$", "id": r"^[0-9]{1,18}$"}


def documented(serializer, *, lookup: str):
    """The schema of a list and a detail endpoint, errors and the lookup's pattern included."""
    parameter = OpenApiParameter(
        lookup,
        str if lookup == "slug" else int,
        OpenApiParameter.PATH,
        pattern=LOOKUP_PATTERNS[lookup],
        description="The resource's slug." if lookup == "slug" else "The resource's id.",
    )
    return extend_schema_view(
        list=extend_schema(
            parameters=[FORMAT_PARAMETER], responses={200: serializer(many=True), **ERRORS}
        ),
        retrieve=extend_schema(
            parameters=[parameter, FORMAT_PARAMETER], responses={200: serializer, **ERRORS}
        ),
    )


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    """Read-only, published data only, strict about its query parameters."""

    pagination_class = ListPagination
    filter_backends = [DjangoFilterBackend]
    #: Any path segment reaches the view, so a malformed id is this API's JSON 404.
    lookup_value_regex = "[^/]+"
    #: The site's route of the resource's page, by slug: a slug whose page redirects (a
    #: merged duplicate) redirects here too.
    page_route: str | None = None

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except (NotFound, Http404):
            moved = self.moved_slug(kwargs[self.lookup_url_kwarg or self.lookup_field])
            if moved is None:
                raise
        path = route_path(f"api:{self.basename}-detail", moved, keyword=self.lookup_field)
        url = request.build_absolute_uri(path)
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    def moved_slug(self, slug: str) -> str | None:
        """The public slug the page of `slug` redirects to, if it does."""
        if self.page_route is None or not re.match(LOOKUP_PATTERNS["slug"], slug):
            return None
        target = (
            Redirect.objects.filter(old_path=route_path(self.page_route, slug))
            .values_list("new_path", flat=True)
            .first()
        )
        if not target:
            return None
        try:
            match = resolve(target)
        except Resolver404:
            return None
        moved = match.kwargs.get("slug")
        if match.view_name != self.page_route or not moved or moved == slug:
            return None
        return moved if self.get_queryset().filter(slug=moved).exists() else None

    def get_object(self):
        value = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        if not re.match(LOOKUP_PATTERNS["slug" if self.lookup_field == "slug" else "id"], value):
            raise NotFound()
        return super().get_object()

    @method_decorator(conditional_get)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        # Before content negotiation, which would answer an unknown `format` with a bare 404.
        if self.action in ("list", "retrieve"):  # any other method: let dispatch answer 405
            self.check_query_parameters(request)
        super().initial(request, *args, **kwargs)

    def check_query_parameters(self, request):
        fields = {}
        if self.action == "list":
            fields.update(self.paginator.page_fields())
            if self.filterset_class:
                filters = self.filterset_class.base_filters
                fields.update((name, filter_.field) for name, filter_ in filters.items())
        checked_parameters(request, fields)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, no_cache=True)
        return response
