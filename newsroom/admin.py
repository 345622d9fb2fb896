"""The editors' admin for outlets, sources and citations, and the pieces other apps reuse.

`PublishableAdmin`, `CitationInline`, `ExternalIdentifierInline` and
`SharedChoicesFormSet` are imported by the candidates and results admins; nothing here
imports them back.
"""

from django import forms
from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html

from .citations.admin_actions import export_citations
from .editorial.admin import (
    WORKFLOW_ACTIONS,
    AttachedRowAdmin,
    EditorialAdmin,
    EditorialGenericInlineMixin,
    EditorialInlineMixin,
)
from .models import Citation, Contributor, ExternalIdentifier, Outlet, Source

#: Text areas small enough for a row of a tabular inline.
COMPACT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}


class PublishableAdmin(EditorialAdmin):
    """Base admin for publishable models: the workflow's bulk actions (submit for review,
    publish, publish at a time, unpublish, send back to draft; see newsroom.editorial.workflow)."""

    actions = WORKFLOW_ACTIONS


class SharedChoicesFormSet(BaseInlineFormSet):
    """An inline formset whose select fields load their choices once, not once per row."""

    shared_choice_fields: tuple[str, ...] = ()

    @cached_property
    def shared_choices(self):
        return {name: list(self.form.base_fields[name].choices) for name in self.shared_fields}

    @cached_property
    def shared_fields(self):
        return [name for name in self.shared_choice_fields if name in self.form.base_fields]

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for name in self.shared_fields:
            form.fields[name].choices = self.shared_choices[name]


class CitationInline(EditorialGenericInlineMixin, GenericTabularInline):
    """The sources behind any cited item, field by field."""

    model = Citation
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "field_name", "pinpoint", "quoted_passage", "value_as_reported", "note"]
    formfield_overrides = COMPACT_TEXT

    def get_queryset(self, request):
        # Each row is labelled with its __str__, which reads these relations.
        return super().get_queryset(request).select_related("source__outlet")


class ExternalIdentifierInline(EditorialGenericInlineMixin, GenericTabularInline):
    model = ExternalIdentifier
    extra = 0
    fields = ["scheme", "value"]


class ContributorInline(EditorialInlineMixin, admin.TabularInline):
    model = Contributor
    extra = 0
    autocomplete_fields = ["outlet"]
    fields = ["name", "role", "is_organisation", "outlet", "position"]


@admin.register(Outlet)
class OutletAdmin(PublishableAdmin):
    list_display = ["name", "kind", "homepage_url", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "slug", "homepage_url"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ExternalIdentifierInline]


@admin.register(Source)
class SourceAdmin(PublishableAdmin):
    actions = [*PublishableAdmin.actions, *export_citations]
    list_display = ["title", "outlet", "published_on_display", "kind", "status"]
    list_filter = ["status", "kind", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["headline", "untitled_description", "slug", "url", "outlet__name"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["outlet"]
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [ContributorInline]

    @admin.display(description="title", ordering="headline")
    def title(self, source):
        return source.title

    @admin.display(description="published", ordering="published_on")
    def published_on_display(self, source):
        return source.published_on_display


@admin.register(Citation)
class CitationAdmin(AttachedRowAdmin):
    list_display = ["source", "cited_item", "field_name", "pinpoint", "source_status"]
    list_filter = ["content_type", "source__status"]
    list_select_related = ["source__outlet", "content_type"]
    search_fields = ["source__headline", "field_name", "pinpoint", "quoted_passage"]
    autocomplete_fields = ["source"]

    @admin.display(description="cites for")
    def cited_item(self, citation):
        # A link built from the content type alone: loading every cited object would cost
        # a query per row.
        model = citation.content_type
        label = f"{model.name} #{citation.object_id}"
        try:
            url = reverse(
                f"admin:{model.app_label}_{model.model}_change", args=[citation.object_id]
            )
        except NoReverseMatch:
            return label
        return format_html('<a href="{}">{}</a>', url, label)

    @admin.display(description="source status", ordering="source__status")
    def source_status(self, citation):
        return citation.source.get_status_display()


@admin.register(ExternalIdentifier)
class ExternalIdentifierAdmin(AttachedRowAdmin):
    list_display = ["value", "scheme", "content_type", "object_id"]
    list_filter = ["scheme", "content_type"]
    list_select_related = ["content_type"]
    search_fields = ["value"]
