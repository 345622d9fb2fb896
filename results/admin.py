"""The editors' admin for places, contests, results, race calls and count snapshots.

A contest's page is where its results are entered. Its results inline is the authority on
the totals while it is being edited: it checks the votes and delegates of every submitted
row against the ballots cast and delegates at stake submitted beside them.
"""

from contextlib import nullcontext

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery, Sum
from django.utils import timezone

from newsroom.admin import (
    COMPACT_TEXT,
    CitationInline,
    ExternalIdentifierInline,
    PublishableAdmin,
    SharedChoicesFormSet,
)
from newsroom.editorial import versions
from newsroom.editorial.admin import (
    EditorialAdmin,
    EditorialForm,
    EditorialFormSetMixin,
    EditorialInlineMixin,
    VersionedInlineForm,
    VersionedModelForm,
)

from .importing import admin as importing_admin  # noqa: F401  registers ImportBatch
from .models import (
    RACE_CALL_CONTENT,
    RESULT_TOTALS,
    Contest,
    ContestFact,
    Jurisdiction,
    RaceCall,
    Result,
    Snapshot,
    SnapshotEntry,
)
from .race_call_review import confirm_race_calls, retract_race_calls

#: Each total a contest's results must stay within, by Result field: the Contest field.
RESULT_LIMITS = {field: limit for field, (limit, _message) in RESULT_TOTALS.items()}


class ResultTotalsFormSet(SharedChoicesFormSet):
    """A contest's results, validated together against the contest as submitted."""

    shared_choice_fields = ("candidate",)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # The saved siblings a lone result is checked against are stale here; clean() below
        # checks the totals of the rows as submitted instead.
        form.instance.check_totals_against_saved_results = False

    def clean(self):
        super().clean()
        contest = self.instance
        rows = [form for form in self.forms if self._is_kept(form)]
        elsewhere = self._totals_of_rows_not_on_this_page()
        totals = {
            field: elsewhere[field] + sum(form.cleaned_data.get(field) or 0 for form in rows)
            for field in RESULT_LIMITS
        }
        errors = contest.results_over_totals(
            votes=totals["votes"], delegates=totals["delegates_won"]
        )
        for field, message in errors.items():
            limit = getattr(contest, RESULT_LIMITS[field])
            self._blame_row(rows, field, elsewhere[field], limit, message)

    def _is_kept(self, form):
        if self.can_delete and self._should_delete_form(form):
            return False
        return form in self.initial_forms or form.has_changed()

    def _totals_of_rows_not_on_this_page(self):
        """Results saved since the page was loaded are not in the form but still count."""
        if not self.instance.pk:
            return dict.fromkeys(RESULT_LIMITS, 0)
        on_page = [form.instance.pk for form in self.initial_forms if form.instance.pk]
        saved = (
            Result.objects.filter(contest=self.instance)
            .exclude(pk__in=on_page)
            .aggregate(**{field: Sum(field) for field in RESULT_LIMITS})
        )
        return {field: saved[field] or 0 for field in RESULT_LIMITS}

    @staticmethod
    def _blame_row(rows, field, running, limit, message):
        """Put the error on the first row whose value takes the total over the limit."""
        for form in rows:
            value = form.cleaned_data.get(field)
            if value is None:
                continue
            running += value
            if running > limit:
                form.add_error(field, message)
                return
        raise ValidationError(message)


class ResultFormSet(EditorialFormSetMixin, ResultTotalsFormSet):
    """The results inline's rows: their totals first, then the desk's rules for rows."""


class ResultInline(EditorialInlineMixin, admin.TabularInline):
    """The contest's results grid: one compact row per candidate.

    Without JavaScript it is a plain tabular form. `results_grid.js` adds what a grid needs
    (Enter to the same cell of the next row, live totals against the ballots cast and the
    delegates at stake, computed shares), reading from each limited cell the contest field
    it counts against and the words `Contest.results_over_totals` uses past it, so the
    message while typing is the one a save gives.
    """

    model = Result
    formset = ResultFormSet
    extra = 0
    show_change_link = True
    classes = ["results-grid"]
    fields = ["candidate", "votes", "reported_share", "delegates_won", "outcome", "position"]

    class Media:
        js = ["admin/results/results_grid.js"]
        css = {"all": ["admin/results/results_grid.css"]}

    def get_queryset(self, request):
        # Each row is labelled with its __str__, which reads these relations.
        return super().get_queryset(request).select_related("candidate", "contest")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(formfield.widget, RelatedFieldWidgetWrapper):
            # Add, change, delete and view icons are four tab stops in every row of a grid
            # typed from the keyboard; candidates are edited on their own page.
            formfield.widget = formfield.widget.widget
        if db_field.name in RESULT_TOTALS:
            limit, message = RESULT_TOTALS[db_field.name]
            formfield.widget.attrs.update(
                {"data-total-of": f"id_{limit}", "data-over-message": message}
            )
        return formfield


class ContestFactInline(EditorialInlineMixin, admin.TabularInline):
    model = ContestFact
    extra = 0
    show_change_link = True
    fields = ["statement", "position", "status"]
    formfield_overrides = COMPACT_TEXT


RACE_CALL_REVIEW_FIELDS = ["entered_by", "confirmed_by", "confirmed_at", "retracted_at"]


class RaceCallInline(EditorialInlineMixin, admin.TabularInline):
    """A contest's calls. The call's own rules (RaceCall.clean) refuse, at the row, a change
    to a confirmed or retracted call or a winner without a result in the contest."""

    model = RaceCall
    extra = 0
    show_change_link = True
    autocomplete_fields = ["winner", "reported_by"]
    # Who entered, confirmed or retracted a call is recorded by the desk, never typed in:
    # confirming and retracting go through the permission-checked race call actions.
    readonly_fields = [*RACE_CALL_REVIEW_FIELDS, "retraction_note"]
    fields = [
        "winner",
        "called_by",
        "reported_by",
        "basis",
        "called_at",
        "entered_by",
        "confirmed_by",
        "confirmed_at",
        "retracted_at",
        "retraction_note",
    ]
    formfield_overrides = COMPACT_TEXT

    def get_queryset(self, request):
        # Each row is labelled with its __str__, which reads these relations.
        return super().get_queryset(request).select_related("winner", "contest")

    # A confirmed or retracted call stays on record; the inline cannot tell rows apart, so
    # pending calls are deleted from their own page.
    can_delete = False


class ContestWithResultsForm(EditorialForm):
    """The contest form beside its results inline, which checks the totals itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.check_totals_against_saved_results = False


@admin.register(Jurisdiction)
class JurisdictionAdmin(PublishableAdmin):
    list_display = ["name", "kind", "ocd_id", "status"]
    list_filter = ["status", "kind", "casts_electoral_votes"]
    search_fields = ["name", "slug", "ocd_id"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CitationInline, ExternalIdentifierInline]


@admin.register(Contest)
class ContestAdmin(PublishableAdmin):
    list_display = [
        "name",
        "year",
        "party",
        "jurisdiction",
        "count_status",
        "ballots_cast",
        "votes_counted",
        "status",
    ]
    list_filter = ["status", "kind", "party", "year", "count_status", "jurisdiction__kind"]
    list_select_related = ["party", "jurisdiction"]
    search_fields = ["name", "slug", "office", "jurisdiction__name"]
    autocomplete_fields = ["jurisdiction", "party"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "held_on"
    readonly_fields = ["votes_counted", "delegates_awarded"]
    # What editors change most first: the contest, its count and its publication; the
    # address, the dates' precision and the wording as reported are set once, collapsed.
    fieldsets = [
        (None, {"fields": ["name", ("jurisdiction", "party"), "office", ("kind", "year")]}),
        (
            "Count",
            {
                "fields": [
                    ("ballots_cast", "votes_counted"),
                    ("delegates_at_stake", "delegates_awarded"),
                    ("count_status", "reporting_percent"),
                    "reporting_as_of",
                ]
            },
        ),
        ("Date", {"fields": ["held_on"]}),
        (None, {"fields": ["summary"]}),
        ("Publication", {"fields": ["status", "publish_at", "editor_note"]}),
        (
            "Address, precision and wording as reported",
            {
                "classes": ["collapse"],
                "fields": [
                    "slug",
                    "held_on_precision",
                    "held_on_as_reported",
                    "reporting_as_of_as_reported",
                ],
            },
        ),
    ]
    inlines = [
        ResultInline,
        ContestFactInline,
        RaceCallInline,
        CitationInline,
        ExternalIdentifierInline,
    ]

    def get_queryset(self, request):
        results = Result.objects.filter(contest=OuterRef("pk")).order_by().values("contest")
        return (
            super()
            .get_queryset(request)
            .annotate(
                votes_total=Subquery(results.annotate(total=Sum("votes")).values("total")),
                delegates_total=Subquery(
                    results.annotate(total=Sum("delegates_won")).values("total")
                ),
            )
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        inlines = self.get_inline_instances(request, obj)
        if any(isinstance(inline, ResultInline) for inline in inlines):
            kwargs["form"] = ContestWithResultsForm
        return super().get_form(request, obj, change, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        contest = form.instance
        # The contest's history record is dated when this edit began, before its rows: the
        # version it opens holds the rows saved with it, and the version before keeps the
        # rows readers saw until then (version permalinks: newsroom.editorial.versions).
        began = timezone.now()
        if change:
            # The delegate triggers check each result as it is written, so rows saved one by
            # one can pass through a total above the stake although the final one is within
            # it (two candidates swapping delegates, or stake and delegates lowered together).
            # Lift the stake while the results are written; saving the contest last puts it
            # back, and the trigger then checks the final total.
            Contest.objects.filter(pk=contest.pk).update(delegates_at_stake=None)
        with versions.saved_after_rows(contest) if change else nullcontext():
            super().save_related(request, form, formsets, change)
        if change:
            contest._history_date = began
            try:
                super().save_model(request, contest, form, change)
            finally:
                del contest._history_date

    @admin.display(description="votes counted")
    def votes_counted(self, contest):
        return _out_of(getattr(contest, "votes_total", None), contest.ballots_cast, "ballots cast")

    @admin.display(description="delegates awarded")
    def delegates_awarded(self, contest):
        total = getattr(contest, "delegates_total", None)
        return _out_of(total, contest.delegates_at_stake, "at stake")


def _out_of(total, limit, of_what):
    if total is None:
        return "none reported"
    if limit is None:
        return f"{total:,} ({of_what} not reported)"
    return f"{total:,} of {limit:,} {of_what}"


class ResultForm(EditorialForm):
    """Locked fields as a checkbox per lockable figure, not raw JSON."""

    locked_fields = forms.MultipleChoiceField(
        choices=Result.lockable_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=Result._meta.get_field("locked_fields").help_text,
    )


@admin.register(Result)
class ResultAdmin(EditorialAdmin):
    form = ResultForm
    list_display = [
        "candidate",
        "contest",
        "votes",
        "reported_share",
        "delegates_won",
        "outcome",
        "contest_status",
    ]
    list_filter = ["outcome", "contest__status", "contest__year", "contest__party", "contest"]
    list_select_related = ["candidate", "contest"]
    search_fields = ["candidate__full_name", "contest__name"]
    autocomplete_fields = ["contest", "candidate"]
    inlines = [CitationInline]

    @admin.display(description="contest status", ordering="contest__status")
    def contest_status(self, result):
        return result.contest.get_status_display()


@admin.register(ContestFact)
class ContestFactAdmin(PublishableAdmin):
    list_display = ["__str__", "contest", "position", "status"]
    list_filter = ["status", "contest__year", "contest"]
    list_select_related = ["contest"]
    search_fields = ["statement", "contest__name"]
    autocomplete_fields = ["contest"]
    inlines = [CitationInline]


class FixedRaceCallForm(EditorialForm):
    """The form of a confirmed or retracted call, whose content the page shows read-only.

    Content submitted anyway comes from a page opened while the call was still pending:
    refuse it with a message rather than drop it unseen.
    """

    def clean(self):
        submitted = [
            name
            for name in RACE_CALL_CONTENT
            if any(key == name or key.startswith(f"{name}_") for key in self.data)
        ]
        if submitted:
            raise ValidationError(
                f"This call is {self.instance.get_state_display().lower()}: its winner, "
                "contest, basis, caller and time cannot change. Retract it and enter a new "
                "call."
            )
        return super().clean()


@admin.register(RaceCall)
class RaceCallAdmin(EditorialAdmin):
    list_display = [
        "winner",
        "contest",
        "called_by",
        "basis",
        "called_at",
        "state_display",
        "confirmed_at",
    ]
    list_filter = [
        "basis",
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("retracted_at", admin.EmptyFieldListFilter),
        "contest__year",
        "contest__status",
    ]
    list_select_related = ["winner", "contest"]
    search_fields = ["winner__full_name", "contest__name", "called_by"]
    autocomplete_fields = ["contest", "winner", "reported_by"]
    readonly_fields = [*RACE_CALL_REVIEW_FIELDS, "retracted_by", "retraction_note"]
    date_hierarchy = "called_at"
    inlines = [CitationInline]
    actions = [confirm_race_calls, retract_race_calls]

    @admin.display(description="state")
    def state_display(self, call):
        return call.get_state_display()

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not obj.is_pending:
            fields += [name for name in RACE_CALL_CONTENT if name not in fields]
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None and not obj.is_pending:
            kwargs["form"] = FixedRaceCallForm
        return super().get_form(request, obj, change, **kwargs)

    def has_change_permission(self, request, obj=None):
        # A retracted call stays on record as it was: its page is view-only.
        if obj is not None and obj.state == RaceCall.State.RETRACTED:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not obj.is_pending:
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        kept = queryset.exclude(confirmed_at__isnull=True, retracted_at__isnull=True)
        if kept.exists():
            self.message_user(
                request,
                f"Kept {kept.count()} confirmed or retracted call(s): they stay on record; "
                "retract a call instead.",
                messages.WARNING,
            )
        super().delete_queryset(
            request, queryset.filter(confirmed_at__isnull=True, retracted_at__isnull=True)
        )


class SnapshotEntryFormSet(SharedChoicesFormSet):
    shared_choice_fields = ("candidate",)


class SnapshotEntryInline(admin.TabularInline):
    form = VersionedInlineForm
    model = SnapshotEntry
    formset = SnapshotEntryFormSet
    extra = 0
    fields = ["candidate", "votes", "share", "edit_version"]

    def get_queryset(self, request):
        # Each row is labelled with its __str__, which reads these relations.
        return super().get_queryset(request).select_related("candidate")


@admin.register(Snapshot)
class SnapshotAdmin(admin.ModelAdmin):
    form = VersionedModelForm
    list_display = ["__str__", "contest", "taken_at", "reporting_percent", "source"]
    list_filter = ["contest__year", "contest"]
    list_select_related = ["contest", "source__outlet"]
    search_fields = ["contest__name", "as_of_as_reported", "note"]
    autocomplete_fields = ["contest", "source"]
    date_hierarchy = "taken_at"
    inlines = [SnapshotEntryInline]
