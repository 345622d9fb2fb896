"""What every endpoint of the API shares: pages, strict query parameters, conditional GET.

* Page-number pagination; a page or page size that is not a positive whole number, or a page
  size above the maximum, is a 400 with a message, like any other bad query parameter.
* A query parameter the endpoint does not know, or one given empty, is a 400 naming it, so
  a typo in a filter never silently returns everything.
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

conditional_get = decorator_from_middleware(ConditionalGetMiddleware)

#: Parameters every endpoint accepts besides its filters.
COMMON_PARAMETERS = {"format"}
PAGE_PARAMETERS = {"page", "page_size"}


class PagePagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        for name, maximum in (("page", None), ("page_size", self.max_page_size)):
            if name in request.query_params:
                field = forms.IntegerField(min_value=1, max_value=maximum)
                try:
                    field.clean(request.query_params[name])
                except forms.ValidationError as error:
                    raise ValidationError({name: error.messages}) from error
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as error:
            raise NotFound("This page is past the last page of results.") from error

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
                parameter["description"] = f"Results per page, 1 to {self.max_page_size}."
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
        list=extend_schema(responses={200: serializer(many=True), **ERRORS}),
        retrieve=extend_schema(parameters=[parameter], responses={200: serializer, **ERRORS}),
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
        super().initial(request, *args, **kwargs)
        if self.action not in ("list", "retrieve"):
            return  # a method the endpoint lacks: let dispatch answer 405
        allowed = set(COMMON_PARAMETERS)
        if self.action == "list":
            allowed |= PAGE_PARAMETERS
            if self.filterset_class:
                allowed |= set(self.filterset_class.base_filters)
        problems = {
            name: [f"Unknown query parameter. Allowed here: {', '.join(sorted(allowed))}."]
            for name in request.query_params
            if name not in allowed
        }
        problems.update(
            (name, ["Empty value. Give a value, or leave the parameter out."])
            for name, value in request.query_params.items()
            if name not in problems and not value.strip()
        )
        if problems:
            raise ValidationError(dict(sorted(problems.items())))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, no_cache=True)
        return response
