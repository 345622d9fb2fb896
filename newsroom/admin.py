"""The editors' admin for outlets, sources and citations, and the pieces other apps reuse.

`PublishableAdmin`, `CitationInline`, `ExternalIdentifierInline` and
`SharedChoicesFormSet` are imported by the candidates and results admins; nothing here
imports them back. A source's text is pasted or uploaded here (kept for editors only); each
citation shows its provenance checks, and only an editor may write why a failing one stands.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from . import provenance
from .citations.admin_actions import export_citations
from .editorial import workflow
from .editorial.admin import (
    WORKFLOW_ACTIONS,
    AttachedRowAdmin,
    EditorialAdmin,
    EditorialGenericInlineMixin,
    EditorialInlineMixin,
)
from .editorial.admin.forms import (
    AttachedRowForm,
    EditorialForm,
    EditorialGenericInlineFormSet,
)
from .editorial.publishing import Status
from .models import Citation, Contributor, ExternalIdentifier, Outlet, Source
from .paragraphs import split_paragraphs

#: The largest article text an editor may upload.
MAX_ARTICLE_BYTES = 2_000_000

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


def record_override(form, user) -> None:
    """Only an editor may write why a citation stands despite a failed check; who wrote it
    and when are kept with it."""
    if "check_override_reason" not in form.changed_data:
        return
    if not workflow.can_publish(user):
        form.add_error("check_override_reason", "Only editors can override a failed check.")
        return
    written = bool(form.cleaned_data.get("check_override_reason", "").strip())
    form.instance.check_overridden_by = user if written else None
    form.instance.check_overridden_at = timezone.now() if written else None


def refuse_failing_rows(formset) -> None:
    """A citation of a published item is saved only if its checks pass (or an editor wrote
    why it stands): the reason goes on the row's field. A published quote's words, as the
    form would save them, are checked against its citations as they would be saved."""
    item = formset.instance
    if getattr(item, "status", None) != Status.PUBLISHED:
        return
    kept = [
        form.instance
        for form in formset.forms
        if hasattr(form, "cleaned_data")
        and not formset._should_delete_form(form)
        and form.instance.source_id is not None
    ]
    for finding in provenance.check_quote(item, kept):
        if not finding.overridden:
            raise forms.ValidationError(f"This {item._meta.verbose_name}: {finding.message}.")
    for form in formset.forms:
        if not hasattr(form, "cleaned_data") or formset._should_delete_form(form):
            continue
        if not form.has_changed() or form.errors or form.instance.source_id is None:
            continue
        for finding in provenance.check_citation(form.instance, item):
            if not finding.overridden:
                form.add_error(
                    finding.field,
                    f"{finding.message}. Correct the citation, or, as an editor, write why "
                    "it stands.",
                )


def check_results(citation) -> str:
    """What the editor sees of a saved citation's checks."""
    if citation.pk is None or citation.source_id is None:
        return "–"
    findings = provenance.check_citation(citation)
    if not findings:
        return "passes"
    lines = []
    for finding in findings:
        if finding.overridden:
            lines.append(f"fails: {finding.message} (overridden: {citation.check_override_reason})")
        else:
            lines.append(f"fails: {finding.message}")
    return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines))


class CitationForm(AttachedRowForm):
    def clean(self):
        cleaned = super().clean()
        record_override(self, self.workflow_user)
        return cleaned


class CitationFormSet(EditorialGenericInlineFormSet):
    def save(self, commit=True):
        # A row supports the item's value as this same save writes it, even when the item
        # itself is saved after its rows (the contest admin).
        settled = getattr(self.instance, "_settled_citations", {})
        for form in self.forms:
            form.instance._cited_item = self.instance
            # The item's save just retired (or restored) this row: the editor's copy was
            # current before it, so their change applies on top of the settled row.
            done = settled.get(form.instance.pk)
            if done is not None:
                form.instance.version = done.version
                form.instance.retired_at = done.retired_at
                form.instance.supported_value = done.supported_value
        return super().save(commit)

    def clean(self):
        super().clean()
        for form in self.forms:
            if hasattr(form, "cleaned_data") and not self._should_delete_form(form):
                record_override(form, self.workflow_user)
        refuse_failing_rows(self)


class CitationInline(EditorialGenericInlineMixin, GenericTabularInline):
    """The sources behind any cited item, field by field, and how each fares against the
    provenance checks (newsroom.provenance)."""

    model = Citation
    formset = CitationFormSet
    extra = 0
    autocomplete_fields = ["source"]
    fields = [
        "source",
        "field_name",
        "pinpoint",
        "quoted_passage",
        "value_as_reported",
        "derivation",
        "note",
        "check_results",
        "check_override_reason",
    ]
    readonly_fields = ["check_results"]
    formfield_overrides = COMPACT_TEXT

    def get_queryset(self, request):
        # Each row is labelled with its __str__, which reads these relations.
        return super().get_queryset(request).select_related("source__outlet")

    @admin.display(description="checks")
    def check_results(self, citation):
        return check_results(citation)


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


class SourceForm(EditorialForm):
    """The source, with its text pasted or uploaded as a .txt file (read into the text)."""

    article_file = forms.FileField(
        label="or upload the article text",
        required=False,
        help_text="A plain-text (.txt) file, UTF-8; it replaces the text above.",
    )

    #: Said on the form itself; the change page also warns of what is missing
    #: (`Source.citation_gaps`).
    nudges = {
        "url": "Every citation prints it. Leave empty only if it is not known yet.",
        "accessed_on": "The day you read the article online; styles print it with the URL.",
        "archive_url": "A copy in a web archive (web.archive.org, archive.today), so citations "
        "still lead somewhere if the article moves or goes.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, text in self.nudges.items():
            if name in self.fields:
                self.fields[name].help_text = text

    def clean_article_file(self):
        upload = self.cleaned_data.get("article_file")
        if not upload:
            return None
        if not upload.name.lower().endswith(".txt"):
            raise forms.ValidationError("Upload a plain-text file ending in .txt.")
        if upload.size > MAX_ARTICLE_BYTES:
            raise forms.ValidationError("The file is too large for an article (2 MB at most).")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError("The file is not UTF-8 text.") from error

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("article_file"):
            cleaned["article_text"] = cleaned["article_file"]
        return cleaned


@admin.register(Source)
class SourceAdmin(PublishableAdmin):
    form = SourceForm
    actions = [*PublishableAdmin.actions, *export_citations]
    list_display = ["title", "outlet", "published_on_display", "kind", "status"]
    list_filter = ["status", "kind", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["headline", "untitled_description", "slug", "url", "outlet__name"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["outlet"]
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [ContributorInline]
    readonly_fields = ["numbered_paragraphs"]
    # The work, where it is and when it appeared first; its wording, address and
    # bookkeeping are set once, collapsed; the article's text is collapsed once it is kept
    # (get_fieldsets), being pages long.
    fieldsets = [
        (None, {"fields": ["outlet", "kind", "headline", "url", "published_on"]}),
        ("Publishing", {"fields": ["status", "publish_at", "editor_note", "internal_note"]}),
        ("Article text", {"fields": ["article_file", "article_text", "numbered_paragraphs"]}),
        (
            "Address, wording and archive",
            {
                "classes": ["collapse"],
                "fields": [
                    "slug",
                    "untitled_description",
                    "standfirst",
                    "published_on_precision",
                    "accessed_on",
                    "archive_url",
                    "update_note",
                    "language",
                ],
            },
        ),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.article_text:
            return fieldsets
        return [
            (name, {**options, "classes": ["collapse"]})
            if name == "Article text"
            else (name, options)
            for name, options in fieldsets
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            source = self.get_object(request, object_id)
            if source is not None:
                self.warn_citation_gaps(request, source)
        return super().change_view(request, object_id, form_url, extra_context)

    def response_add(self, request, obj, post_url_continue=None):
        if "_continue" not in request.POST:
            self.warn_citation_gaps(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_continue" not in request.POST:
            # "Save and continue" lands on the change page, which warns on its own.
            self.warn_citation_gaps(request, obj)
        return super().response_change(request, obj)

    def warn_citation_gaps(self, request, source) -> None:
        for gap in source.citation_gaps():
            messages.warning(request, gap)

    @admin.display(description="paragraphs as pinpoints count them")
    def numbered_paragraphs(self, source):
        paragraphs = split_paragraphs(
            source.article_text, headline=source.headline, standfirst=source.standfirst
        )
        if not paragraphs:
            return "No text on file."
        return format_html_join(
            "",
            "<p><strong>para. {}</strong> {}</p>",
            ((number, text) for number, text in enumerate(paragraphs, start=1)),
        )

    @admin.display(description="title", ordering="headline")
    def title(self, source):
        return source.title

    @admin.display(description="published", ordering="published_on")
    def published_on_display(self, source):
        return source.published_on_display


class CurrentFilter(admin.SimpleListFilter):
    title = "current"
    parameter_name = "current"

    def lookups(self, request, model_admin):
        return [("yes", "Current"), ("no", "Retired (an earlier value)")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.current()
        if self.value() == "no":
            return queryset.retired()
        return queryset


@admin.register(Citation)
class CitationAdmin(AttachedRowAdmin):
    form = CitationForm
    list_display = ["source", "cited_item", "field_name", "pinpoint", "source_status", "current"]
    readonly_fields = [
        "check_results",
        "check_overridden_by",
        "check_overridden_at",
        "supported_value",
        "retired_at",
    ]
    list_filter = ["content_type", "source__status"]
    list_select_related = ["source__outlet", "content_type"]
    search_fields = ["source__headline", "field_name", "pinpoint", "quoted_passage"]
    autocomplete_fields = ["source"]

    def get_queryset(self, request):
        # Retired citations too: the support of earlier values, kept (newsroom.cited_values).
        return Citation.all_objects.select_related(*self.list_select_related)

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), CurrentFilter]

    @admin.display(description="current", boolean=True)
    def current(self, citation):
        return citation.retired_at is None

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

    @admin.display(description="checks")
    def check_results(self, citation):
        return check_results(citation)

    @admin.display(description="source status", ordering="source__status")
    def source_status(self, citation):
        return citation.source.get_status_display()


@admin.register(ExternalIdentifier)
class ExternalIdentifierAdmin(AttachedRowAdmin):
    list_display = ["value", "scheme", "content_type", "object_id"]
    list_filter = ["scheme", "content_type"]
    list_select_related = ["content_type"]
    search_fields = ["value"]
