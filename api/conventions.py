"""What every endpoint of the API shares: pages, strict query parameters, conditional GET.

* Page-number pagination; a page past the last one is a 404.
* Every query parameter is checked before anything is read, and all that is wrong is
  answered at once: a 400 whose JSON body maps each bad parameter to its messages. A
  parameter the endpoint does not know, one given empty or more than once, and a value the
  OpenAPI schema does not allow (`parameters` says what each kind of value may look like,
  and nothing is stripped) are refused, so a typo or a stray character never silently
  returns everything or nothing.
* `format` selects the renderer; `json` is the only one.
* Every response carries an ETag computed from its body and `Cache-Control: no-cache`:
  clients revalidate on every request (an update shows on the very next one) and an
  unchanged resource answers 304 Not Modified to `If-None-Match`.
"""

import re

from django import forms
from django.middleware.http import ConditionalGetMiddleware
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
from rest_framework.pagination import PageNumberPagination
from rest_framework.settings import api_settings

from .parameters import WHOLE_NUMBER_HELP, WholeNumberField, select_one_of

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


class PagePagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    #: Bounded so a number of any length is refused by its length alone; no list comes near.
    max_page = 1_000_000_000

    def page_fields(self) -> dict[str, forms.Field]:
        return {
            self.page_query_param: WholeNumberField(min_value=1, max_value=self.max_page),
            self.page_size_query_param: WholeNumberField(min_value=1, max_value=self.max_page_size),
        }

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as error:
            raise NotFound("This page is past the last page of results.") from error

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        fields = self.page_fields()
        for parameter in parameters:
            field = fields[parameter["name"]]
            parameter["schema"].update(minimum=field.min_value, maximum=field.max_value)
            parameter["description"] = (
                f"Results per page, 1 to {self.max_page_size}. {WHOLE_NUMBER_HELP}"
                if parameter["name"] == self.page_size_query_param
                else f"A page number; past the last page is a 404. {WHOLE_NUMBER_HELP}"
            )
        return parameters


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

    pagination_class = PagePagination
    filter_backends = [DjangoFilterBackend]
    #: Any path segment reaches the view, so a malformed id is this API's JSON 404.
    lookup_value_regex = "[^/]+"

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
        allowed = {"format", *fields}
        problems = {}
        for name, values in request.query_params.lists():
            if name not in allowed:
                problems[name] = [
                    f"Unknown query parameter. Allowed here: {', '.join(sorted(allowed))}."
                ]
            elif len(values) > 1:
                problems[name] = ["Given more than once. Give it once."]
            elif values[0] == "":
                problems[name] = ["Empty value. Give a value, or leave the parameter out."]
            elif name == "format":
                if values[0] not in FORMATS:
                    problems[name] = [select_one_of(FORMATS)]
            else:
                try:
                    fields[name].clean(values[0])
                except forms.ValidationError as error:
                    problems[name] = error.messages
        if problems:
            raise ValidationError(dict(sorted(problems.items())))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, no_cache=True)
        return response
