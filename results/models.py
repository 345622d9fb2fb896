"""Contests and their results. Unknown numbers stay unknown (NULL), never 0.

Invariants the database can hold are constraints here; the ones spanning rows
(votes summing above ballots cast, delegates won above those at stake) are checked in
`clean()` with a message on the field, and delegates are also guarded by triggers
(migration 0002) because a CHECK constraint cannot see another table.
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from candidates.models import Candidate, Party, precision_field
from newsroom.dates import (
    format_partial_date,
    not_in_future,
    partial_date_constraint,
    truncate_to_precision,
)
from newsroom.models import Outlet, Source
from newsroom.publishing import Publishable, PublishableQuerySet, Versioned, tracked_history


class Jurisdiction(Publishable):
    """A place that holds contests, identified by its Open Civic Data division id."""

    class Kind(models.TextChoices):
        COUNTRY = "country", "Country"
        STATE = "state", "State"
        TERRITORY = "territory", "Territory"
        DISTRICT = "district", "District"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    ocd_id = models.CharField(
        "OCD division id",
        max_length=300,
        unique=True,
        help_text="Open Civic Data division, e.g. ocd-division/country:us/territory:as",
    )
    description = models.TextField(blank=True, help_text="In our own words.")
    casts_electoral_votes = models.BooleanField(
        "casts electoral votes for president", null=True, blank=True
    )

    citations = GenericRelation("newsroom.Citation")
    identifiers = GenericRelation("newsroom.ExternalIdentifier")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        self.ocd_id = self.ocd_id.strip().lower()
        if not self.ocd_id.startswith("ocd-division/country:"):
            raise ValidationError(
                {"ocd_id": "An OCD division id starts with “ocd-division/country:”."}
            )

    def get_absolute_url(self):
        return reverse("results:jurisdiction_detail", args=[self.slug])


class ContestQuerySet(PublishableQuerySet):
    public_parents = ("jurisdiction__",)


class Contest(Publishable):
    """One party's caucus or primary in one jurisdiction and year."""

    class Kind(models.TextChoices):
        CAUCUS = "caucus", "Caucus"
        PRIMARY = "primary", "Primary"
        NOT_STATED = "not_stated", "Nominating contest (kind not stated in sources)"

    class CountStatus(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        COUNTING = "counting", "Counting"
        FINAL = "final", "Final"

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="contests"
    )
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="contests")
    office = models.CharField(max_length=100, default="President")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    year = models.PositiveSmallIntegerField()
    held_on = models.DateField("date", null=True, blank=True)
    held_on_precision = precision_field("date precision")
    held_on_as_reported = models.CharField(
        "date, as reported",
        max_length=200,
        blank=True,
        help_text="The sources' own words, e.g. “Friday”, kept beside the date we derived.",
    )
    delegates_at_stake = models.PositiveSmallIntegerField(null=True, blank=True)
    ballots_cast = models.PositiveIntegerField(null=True, blank=True)
    count_status = models.CharField(
        "count status", max_length=20, choices=CountStatus.choices, default=CountStatus.SCHEDULED
    )
    reporting_percent = models.DecimalField(
        "reporting %", max_digits=5, decimal_places=2, null=True, blank=True
    )
    reporting_as_of = models.DateTimeField(
        "reporting as of", null=True, blank=True, validators=[not_in_future]
    )
    reporting_as_of_as_reported = models.CharField(
        "reporting as of, as reported", max_length=200, blank=True, help_text="e.g. Tuesday night"
    )
    summary = models.TextField(blank=True, help_text="In our own words.")

    citations = GenericRelation("newsroom.Citation")
    identifiers = GenericRelation("newsroom.ExternalIdentifier")

    objects = ContestQuerySet.as_manager()

    #: False while a form holding the contest's results checks the totals from the rows it
    #: submits: the saved rows are stale until that form is saved.
    check_totals_against_saved_results = True

    class Meta:
        ordering = ["-year", "jurisdiction__name", "party__name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reporting_percent__isnull=True)
                | models.Q(reporting_percent__gte=0, reporting_percent__lte=100),
                name="contest_reporting_percent_range",
                violation_error_message="Reporting % must be between 0 and 100.",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=1788, year__lte=2200),
                name="contest_year_plausible",
                violation_error_message="Enter a four-digit year.",
            ),
            partial_date_constraint("held_on", "contest_held_on_precision"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        self.held_on = truncate_to_precision(self.held_on, self.held_on_precision)
        errors = {}
        if self.held_on and self.held_on.year != self.year:
            errors["held_on"] = f"The date is not in {self.year}, the contest's year."
        if self.pk and self.check_totals_against_saved_results:
            totals = self.results.aggregate(votes=Sum("votes"), delegates=Sum("delegates_won"))
            if self.ballots_cast is not None and (totals["votes"] or 0) > self.ballots_cast:
                errors["ballots_cast"] = (
                    f"The results already hold {totals['votes']} votes, "
                    f"more than {self.ballots_cast} ballots cast."
                )
            if (
                self.delegates_at_stake is not None
                and (totals["delegates"] or 0) > self.delegates_at_stake
            ):
                errors["delegates_at_stake"] = (
                    f"The results already award {totals['delegates']} delegates, "
                    f"more than {self.delegates_at_stake} at stake."
                )
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("results:contest_detail", args=[self.slug])

    def results_over_totals(self, *, votes: int, delegates: int) -> dict[str, str]:
        """Messages, by Result field, when results would total more than this contest allows."""
        errors = {}
        if self.ballots_cast is not None and votes > self.ballots_cast:
            errors["votes"] = (
                f"Votes for all candidates would total {votes}, "
                f"more than the {self.ballots_cast} ballots cast."
            )
        if self.delegates_at_stake is not None and delegates > self.delegates_at_stake:
            errors["delegates_won"] = (
                f"Delegates won would total {delegates}, "
                f"more than the {self.delegates_at_stake} at stake."
            )
        return errors

    @property
    def held_on_display(self) -> str:
        return format_partial_date(self.held_on, self.held_on_precision)


class ResultQuerySet(models.QuerySet):
    def published(self):
        """Results are public with their contest."""
        return self.filter(contest__in=Contest.objects.published())


class Result(Versioned):
    """One candidate's result in a contest. Results are public with their contest."""

    class Outcome(models.TextChoices):
        WON = "won", "Won"
        LOST = "lost", "Lost"
        UNDETERMINED = "", "Not determined"

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="results")
    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="results")
    votes = models.PositiveIntegerField(null=True, blank=True, help_text="Empty if not reported.")
    reported_share = models.DecimalField(
        "reported vote share %",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The share a source reported, kept even where votes are known.",
    )
    delegates_won = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Empty if not reported."
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    locked_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Fields an editor confirmed; imports never overwrite them.",
    )
    position = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    citations = GenericRelation("newsroom.Citation")
    history = tracked_history()

    objects = ResultQuerySet.as_manager()

    #: False while a form of the whole contest (its results inline) checks the totals from
    #: every submitted row, which the saved siblings do not reflect yet.
    check_totals_against_saved_results = True

    class Meta:
        ordering = ["contest", "position", "-votes", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "candidate"],
                name="result_one_per_candidate",
                violation_error_message="This candidate already has a result in this contest.",
            ),
            models.CheckConstraint(
                condition=models.Q(votes__isnull=True) | models.Q(votes__gte=0),
                name="result_votes_not_negative",
                violation_error_message="Votes cannot be negative.",
            ),
            models.CheckConstraint(
                condition=models.Q(delegates_won__isnull=True) | models.Q(delegates_won__gte=0),
                name="result_delegates_not_negative",
                violation_error_message="Delegates cannot be negative.",
            ),
            models.CheckConstraint(
                condition=models.Q(reported_share__isnull=True)
                | models.Q(reported_share__gte=0, reported_share__lte=100),
                name="result_share_range",
                violation_error_message="A vote share must be between 0 and 100.",
            ),
        ]

    def __str__(self):
        return f"{self.candidate} in {self.contest}"

    def clean(self):
        if not self.contest_id or not self.check_totals_against_saved_results:
            return
        others = (
            Result.objects.filter(contest_id=self.contest_id)
            .exclude(pk=self.pk)
            .aggregate(votes=Sum("votes"), delegates=Sum("delegates_won"))
        )
        errors = self.contest.results_over_totals(
            votes=(others["votes"] or 0) + (self.votes or 0),
            delegates=(others["delegates"] or 0) + (self.delegates_won or 0),
        )
        errors = {
            field: message for field, message in errors.items() if getattr(self, field) is not None
        }
        if errors:
            raise ValidationError(errors)

    def computed_share(self, denominator: int | None) -> Decimal | None:
        """Share of `denominator` to one decimal, or None when either number is unknown."""
        if self.votes is None or not denominator:
            return None
        return (Decimal(self.votes) * 100 / denominator).quantize(Decimal("0.1"))


class ContestFactQuerySet(PublishableQuerySet):
    public_parents = ("contest__", "contest__jurisdiction__")


class ContestFact(Publishable):
    """A sourced statement about a contest, in our own words."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="facts")
    statement = models.TextField(help_text="In our own words, not the source's.")
    position = models.PositiveSmallIntegerField(default=0)

    citations = GenericRelation("newsroom.Citation")

    objects = ContestFactQuerySet.as_manager()

    class Meta:
        ordering = ["contest", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(statement=""), name="contest_fact_statement_not_empty"
            ),
        ]

    def __str__(self):
        return self.statement if len(self.statement) <= 80 else f"{self.statement[:79]}…"


class RaceCallQuerySet(models.QuerySet):
    def published(self):
        """Confirmed by a second person, not retracted, in a public contest."""
        return self.filter(
            confirmed_at__isnull=False,
            retracted_at__isnull=True,
            contest__in=Contest.objects.published(),
        )

    def on_record(self):
        """Every call that was once public, retracted ones included, so readers see retractions."""
        return self.filter(confirmed_at__isnull=False, contest__in=Contest.objects.published())

    def awaiting_confirmation(self):
        """Calls entered by one person and not yet confirmed by a second: shown to staff only."""
        return self.filter(confirmed_at__isnull=True, retracted_at__isnull=True)


class RaceCall(Versioned):
    """Who declared the winner, when and on what basis; public once confirmed."""

    class Basis(models.TextChoices):
        PARTY_CONFIRMATION = "party_confirmation", "Confirmed by the party"
        VOTE_COUNT = "vote_count", "Complete vote count"
        PROJECTION = "projection", "Projection"
        OTHER = "other", "Other"

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="race_calls")
    winner = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="race_calls")
    called_by = models.CharField(
        max_length=200, help_text="Who declared it, e.g. the local Democratic Party chair."
    )
    reported_by = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, null=True, blank=True, related_name="race_calls"
    )
    basis = models.CharField(max_length=30, choices=Basis.choices)
    basis_note = models.CharField(max_length=300, blank=True)
    called_at = models.DateTimeField(null=True, blank=True, validators=[not_in_future])
    called_at_as_reported = models.CharField(
        max_length=200, blank=True, help_text="e.g. Tuesday night"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="race_calls_entered",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="race_calls_confirmed",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    retracted_at = models.DateTimeField(null=True, blank=True)
    retraction_note = models.TextField(blank=True)
    retracted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="race_calls_retracted",
    )

    citations = GenericRelation("newsroom.Citation")
    history = tracked_history()

    objects = RaceCallQuerySet.as_manager()

    class CannotConfirm(Exception):
        """The user may not confirm or retract this call; the message says why."""

    class Meta:
        ordering = ["contest", "-called_at", "pk"]
        permissions = [
            ("confirm_racecall", "Can confirm or retract a race call entered by someone else"),
        ]

    def __str__(self):
        return f"{self.winner} wins {self.contest} ({self.called_by})"

    def clean(self):
        if self.retracted_at and not self.retraction_note.strip():
            raise ValidationError({"retraction_note": "Say why the call was retracted."})
        if self.entered_by_id and self.entered_by_id == self.confirmed_by_id:
            raise ValidationError(
                {"confirmed_by": "A race call must be confirmed by a second person."}
            )

    def why_user_cannot_confirm(self, user) -> str:
        """Empty when `user` may confirm this call, else the reason, in the desk's words."""
        if not user.has_perm("results.confirm_racecall"):
            return "Only editors with the “confirm race calls” permission can confirm a call."
        if self.entered_by_id is not None and user.pk == self.entered_by_id:
            return "A race call must be confirmed by a second person, not the one who entered it."
        if self.retracted_at:
            return "This call was retracted; enter a new call instead."
        if self.confirmed_at:
            return "This call is already confirmed."
        return ""

    def user_can_confirm(self, user) -> bool:
        return not self.why_user_cannot_confirm(user)

    def confirm(self, *, by) -> None:
        """The second person's confirmation, which makes the call public."""
        reason = self.why_user_cannot_confirm(by)
        if reason:
            raise self.CannotConfirm(reason)
        self.confirmed_by = by
        self.confirmed_at = timezone.now()
        self.save(update_fields=["confirmed_by", "confirmed_at"])

    def retract(self, *, by, note: str) -> None:
        """Withdraw the call; a retracted call that was public stays on record with the note."""
        if not by.has_perm("results.confirm_racecall"):
            raise self.CannotConfirm(
                "Only editors with the “confirm race calls” permission can retract a call."
            )
        if self.retracted_at:
            raise self.CannotConfirm("This call is already retracted.")
        if not note.strip():
            raise self.CannotConfirm("Say why the call is retracted.")
        self.retracted_by = by
        self.retracted_at = timezone.now()
        self.retraction_note = note.strip()
        self.save(update_fields=["retracted_by", "retracted_at", "retraction_note"])


class ImportBatch(models.Model):
    """One applied results file: who imported it, its exact text and what it changed."""

    filename = models.CharField(max_length=255)
    sha256 = models.CharField(
        "SHA-256", max_length=64, db_index=True, help_text="Of the file's bytes, as uploaded."
    )
    content = models.TextField(help_text="The file as imported, for audit.")
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="result_imports",
        help_text="Empty when imported from the command line.",
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    rows_added = models.PositiveIntegerField(default=0)
    rows_changed = models.PositiveIntegerField(default=0)
    rows_unchanged = models.PositiveIntegerField(default=0)
    fields_skipped = models.PositiveIntegerField(
        default=0, help_text="Figures left alone because an editor locked them."
    )

    class Meta:
        ordering = ["-imported_at", "-pk"]
        verbose_name_plural = "import batches"

    def __str__(self):
        return f"{self.filename} ({self.imported_at:%Y-%m-%d %H:%M})"


class SnapshotQuerySet(models.QuerySet):
    def published(self):
        return self.filter(contest__in=Contest.objects.published())

    def in_count_order(self):
        """Oldest first; undated snapshots (from articles) before dated ones, on every database."""
        return self.order_by(models.F("taken_at").asc(nulls_first=True), "pk")


class Snapshot(Versioned):
    """The state of a count at one moment, kept so readers can see how it moved."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="snapshots")
    taken_at = models.DateTimeField(null=True, blank=True, validators=[not_in_future])
    as_of_as_reported = models.CharField(max_length=200, blank=True)
    reporting_percent = models.DecimalField(
        "reporting %", max_digits=5, decimal_places=2, null=True, blank=True
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="snapshots"
    )
    note = models.CharField(max_length=300, blank=True)
    import_batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="snapshots",
        help_text="The import that recorded this update; empty when entered by hand.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["contest", "taken_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reporting_percent__isnull=True)
                | models.Q(reporting_percent__gte=0, reporting_percent__lte=100),
                name="snapshot_reporting_percent_range",
            ),
        ]

    def __str__(self):
        when = self.as_of_as_reported or (self.taken_at and self.taken_at.isoformat()) or "undated"
        return f"{self.contest} as of {when}"


class SnapshotEntry(Versioned):
    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="entries")
    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="+")
    votes = models.PositiveIntegerField(null=True, blank=True)
    share = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name_plural = "snapshot entries"
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "candidate"], name="snapshot_entry_one_per_candidate"
            ),
            models.CheckConstraint(
                condition=models.Q(share__isnull=True) | models.Q(share__gte=0, share__lte=100),
                name="snapshot_entry_share_range",
            ),
        ]

    def __str__(self):
        return f"{self.candidate}: {self.votes if self.votes is not None else 'not reported'}"
