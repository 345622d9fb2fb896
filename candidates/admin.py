"""The editors' admin for parties, candidates and what is said of or by them."""

from django.contrib import admin

from newsroom.admin import (
    COMPACT_TEXT,
    CitationInline,
    ExternalIdentifierInline,
    PublishableAdmin,
)
from newsroom.citations.admin_actions import export_citations
from newsroom.editorial.admin import INLINE_ROW_LIMIT, EditorialAdmin, EditorialInlineMixin

from .models import Candidate, CareerEntry, Fact, Party, PlatformPosition, Quote


class CandidatePartInline(EditorialInlineMixin, admin.TabularInline):
    """A compact row per item; its sources are edited on the item's own page. Past
    INLINE_ROW_LIMIT rows of a kind, the candidate's form links to the kind's list filtered
    to the candidate instead (newsroom/editorial/admin/long_inlines.py)."""

    extra = 0
    row_limit = INLINE_ROW_LIMIT
    show_change_link = True
    formfield_overrides = COMPACT_TEXT


class CareerEntryInline(CandidatePartInline):
    model = CareerEntry
    fields = [
        "organisation",
        "role",
        "started_on",
        "started_on_precision",
        "ended_on",
        "ended_on_precision",
        "is_current",
        "position",
        "status",
    ]


class PlatformPositionInline(CandidatePartInline):
    model = PlatformPosition
    fields = ["topic", "summary", "position", "status"]

    def get_queryset(self, request):
        # Each row is labelled with its __str__, which reads these relations.
        return super().get_queryset(request).select_related("candidate")


class QuoteInline(CandidatePartInline):
    model = Quote
    fields = ["text", "speaker_name", "venue", "said_on", "said_on_precision", "status"]


class FactInline(CandidatePartInline):
    model = Fact
    fields = ["topic", "statement", "occurred_on", "occurred_on_precision", "position", "status"]


@admin.register(Party)
class PartyAdmin(EditorialAdmin):
    list_display = ["name", "adjective", "abbreviation"]
    search_fields = ["name", "adjective", "abbreviation"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ExternalIdentifierInline]


@admin.register(Candidate)
class CandidateAdmin(PublishableAdmin):
    list_display = ["full_name", "party", "occupation", "status", "updated_at"]
    list_filter = ["status", "party", "has_held_office"]
    list_select_related = ["party"]
    search_fields = ["full_name", "given_name", "family_name", "slug", "occupation"]
    autocomplete_fields = ["party"]
    prepopulated_fields = {"slug": ["full_name"]}
    # What editors edit together, in the order of the profile's key facts; the address and
    # the dates' precision, set once, are collapsed at the end; the change note follows
    # (EditorialAdmin).
    fieldsets = [
        (
            "Identity",
            {"fields": ["full_name", ("given_name", "family_name"), "party", "website"]},
        ),
        (
            "Background",
            {"fields": ["summary", ("age", "age_as_of"), "hometown", "occupation"]},
        ),
        (
            "Campaign and office",
            {
                "fields": [
                    "campaign_launched_on",
                    ("self_funding_amount", "self_funding_currency", "self_funding_kind"),
                    ("campaign_staff_on_ground", "staff_location"),
                    "has_held_office",
                ]
            },
        ),
        ("Publishing", {"fields": ["status", "publish_at", "editor_note"]}),
        (
            "Address and date precision",
            {
                "classes": ["collapse"],
                "fields": ["slug", "age_as_of_precision", "campaign_launched_on_precision"],
            },
        ),
    ]
    inlines = [
        CareerEntryInline,
        PlatformPositionInline,
        QuoteInline,
        FactInline,
        CitationInline,
        ExternalIdentifierInline,
    ]


class CandidatePartAdmin(PublishableAdmin):
    list_filter = ["status", "candidate__party", "candidate"]
    list_select_related = ["candidate"]
    autocomplete_fields = ["candidate"]
    inlines = [CitationInline]


@admin.register(CareerEntry)
class CareerEntryAdmin(CandidatePartAdmin):
    list_display = ["organisation", "role", "candidate", "period_display", "status"]
    search_fields = ["organisation", "role", "candidate__full_name"]

    @admin.display(description="period")
    def period_display(self, entry):
        return entry.period_display


@admin.register(PlatformPosition)
class PlatformPositionAdmin(CandidatePartAdmin):
    list_display = ["topic", "candidate", "position", "status"]
    search_fields = ["topic", "summary", "candidate__full_name"]


@admin.register(Quote)
class QuoteAdmin(CandidatePartAdmin):
    actions = [*PublishableAdmin.actions, *export_citations]
    list_display = ["short_text", "speaker_name", "venue", "candidate", "said_on_display", "status"]
    list_filter = ["status", "venue", "is_partial", "candidate__party", "candidate", "venue_outlet"]
    list_select_related = ["candidate"]
    search_fields = ["text", "speaker_name", "speaker_role", "interviewer", "candidate__full_name"]
    autocomplete_fields = ["candidate", "venue_outlet"]
    date_hierarchy = "said_on"
    # The words and who said them where first; the date's precision and its wording as
    # the article gave it are set once, collapsed.
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "candidate",
                    "text",
                    "is_partial",
                    ("speaker_name", "speaker_role"),
                    ("venue", "venue_outlet"),
                    "interviewer",
                    "said_on",
                    "context",
                ]
            },
        ),
        ("Publishing", {"fields": ["status", "publish_at", "editor_note"]}),
        (
            "Date precision and wording as reported",
            {"classes": ["collapse"], "fields": ["said_on_precision", "said_when_as_reported"]},
        ),
    ]

    @admin.display(description="text")
    def short_text(self, quote):
        return quote.text if len(quote.text) <= 80 else f"{quote.text[:79]}…"

    @admin.display(description="said", ordering="said_on")
    def said_on_display(self, quote):
        return quote.said_on_display


@admin.register(Fact)
class FactAdmin(CandidatePartAdmin):
    actions = [*PublishableAdmin.actions, *export_citations]
    list_display = ["__str__", "topic", "candidate", "occurred_on_display", "status"]
    list_filter = ["status", "topic", "candidate__party", "candidate"]
    search_fields = ["statement", "candidate__full_name"]
    date_hierarchy = "occurred_on"

    @admin.display(description="date", ordering="occurred_on")
    def occurred_on_display(self, fact):
        return fact.occurred_on_display
