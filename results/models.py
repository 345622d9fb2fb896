"""Contests and their results. Unknown numbers stay unknown (NULL), never 0.

Invariants the database can hold are constraints here; the ones spanning rows
(votes summing above ballots cast, delegates won above those at stake) are checked in
`clean()` with a message on the field, and delegates are also guarded by triggers
(migration 0002) because a CHECK constraint cannot see another table.
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.text import capfirst
from simple_history.models import HistoricalRecords

from candidates.models import Candidate, Party
from newsroom.dates import (
    format_partial_date,
    not_in_future,
    partial_date_constraint,
    precision_field,
    truncate_to_precision,
)
from newsroom.editorial.history import tracked_history
from newsroom.editorial.identifiers import IdentifiersField
from newsroom.editorial.locking import Versioned
from newsroom.editorial.policy import EditorialPolicy
from newsroom.editorial.publishing import (
    Publishable,
    PublishableQuerySet,
    Status,
    parent_changed,
    refuse_hidden_parent,
)
from newsroom.models import Citation, Outlet, Source
from newsroom.routes import route_path


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
    external_ids = IdentifiersField()

    # A place holds cited contests and needs no source of its own.
    editorial = EditorialPolicy(needs_citation=False, cited_fields=())

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
        return route_path("results:jurisdiction_detail", self.slug)


#: The totals a contest's results must stay within, by Result field: the Contest field
#: holding the limit and what `Contest.results_over_totals` says past it. The results grid
#: of the admin shows the same words while an editor types (static/admin/results/).
RESULT_TOTALS = {
    "votes": (
        "ballots_cast",
        "Votes for all candidates would total {total}, more than the {limit} ballots cast.",
    ),
    "delegates_won": (
        "delegates_at_stake",
        "Delegates won would total {total}, more than the {limit} at stake.",
    ),
}


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
    external_ids = IdentifiersField()

    objects = ContestQuerySet.as_manager()

    # Its sources may be on the contest, its results or its count updates
    # (`why_sources_missing`); the results desk updates its count while it is published.
    editorial = EditorialPolicy(
        needs_citation=True,
        live_while_published=True,
        number_fields=("ballots_cast", "delegates_at_stake", "reporting_percent"),
        cited_fields=(
            "held_on",
            "delegates_at_stake",
            "ballots_cast",
            "count_status",
            "reporting_percent",
            "reporting_as_of",
        ),
        public_fields=(
            "name",
            "jurisdiction",
            "party",
            "office",
            "kind",
            "year",
            "held_on",
            "held_on_as_reported",
            "delegates_at_stake",
            "ballots_cast",
            "count_status",
            "reporting_percent",
            "reporting_as_of",
            "reporting_as_of_as_reported",
            "summary",
        ),
    )

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
                violation_error_message="Reporting %% must be between 0 and 100.",
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
        errors = self.hidden_parent_errors()
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
        return route_path("results:contest_detail", self.slug)

    def why_sources_missing(self) -> str:
        """Why the contest cannot be published for want of sources, or "": it needs a
        published source cited on the contest or on one of its results, or a count
        update taken from one."""
        published_sources = Source.objects.published()
        cited = (
            Citation.objects.filter(source__in=published_sources)
            .filter(
                Q(content_type=ContentType.objects.get_for_model(self), object_id=self.pk)
                | Q(
                    content_type=ContentType.objects.get_for_model(Result),
                    object_id__in=self.results.values("pk"),
                )
            )
            .exists()
        )
        if cited or self.snapshots.filter(source__in=published_sources).exists():
            return ""
        return (
            "has no source: cite a published source on the contest or its results, or record a "
            "count snapshot from one"
        )

    def why_publishing_would_reveal(self) -> str:
        """Publishing would name the candidates of its results; each must be published."""
        hidden = self.results.exclude(candidate__status=Status.PUBLISHED).select_related(
            "candidate"
        )
        names = [f"“{result.candidate}”" for result in hidden[:5]]
        if not names:
            return ""
        return (
            f"has results of candidates who are not published ({', '.join(names)}): "
            "publish them first, or remove their results"
        )

    def results_over_totals(self, *, votes: int, delegates: int) -> dict[str, str]:
        """Messages, by Result field, when results would total more than this contest allows."""
        totals = {"votes": votes, "delegates_won": delegates}
        errors = {}
        for field, (limit_field, message) in RESULT_TOTALS.items():
            limit = getattr(self, limit_field)
            if limit is not None and totals[field] > limit:
                errors[field] = message.format(total=totals[field], limit=limit)
        return errors

    @property
    def held_on_display(self) -> str:
        return format_partial_date(self.held_on, self.held_on_precision)


class ResultQuerySet(models.QuerySet):
    def published(self):
        """Results are public with their contest."""
        return self.filter(contest__in=Contest.objects.published())


def validate_locked_fields(value):
    """Locked fields name figures an import writes (Result.LOCKABLE_FIELDS), nothing else:
    a misspelt name would lock nothing while looking locked."""
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise ValidationError("Give a list of field names.", code="invalid")
    unknown = sorted(set(value) - set(Result.LOCKABLE_FIELDS))
    if unknown:
        raise ValidationError(
            "%(unknown)s cannot be locked. The figures that can: %(lockable)s.",
            code="not_lockable",
            params={
                "unknown": ", ".join(unknown),
                "lockable": ", ".join(Result.LOCKABLE_FIELDS),
            },
        )


class Result(Versioned):
    """One candidate's result in a contest. Results are public with their contest."""

    #: The figures an import writes, which an editor can lock against it.
    LOCKABLE_FIELDS = ("votes", "reported_share", "delegates_won")

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
        validators=[validate_locked_fields],
        help_text="Figures an editor confirmed; imports never overwrite them.",
    )
    position = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    citations = GenericRelation("newsroom.Citation")
    history = tracked_history()

    objects = ResultQuerySet.as_manager()

    # Public with its contest, on the contest's page.
    editorial = EditorialPolicy(
        corrected=True,
        number_fields=("votes", "reported_share", "delegates_won"),
        owner="contest",
        extra_parents=("contest",),
        cited_fields=("votes", "reported_share", "delegates_won", "outcome"),
        public_fields=(
            "contest",
            "candidate",
            "votes",
            "reported_share",
            "delegates_won",
            "outcome",
        ),
    )

    #: False while a form of the whole contest (its results inline) checks the totals from
    #: every submitted row, which the saved siblings do not reflect yet.
    check_totals_against_saved_results = True

    constraint_error_fields = {"result_one_per_candidate": "candidate"}

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
        refusal = self.hidden_candidate_error()
        if refusal:
            raise ValidationError({"candidate": refusal})
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

    def hidden_candidate_error(self) -> str:
        """Refuse a new result (or one moved) in a published contest for a candidate
        readers cannot see: the contest page, API and exports would name them. Results
        already there are left alone, so their counts can still be updated."""
        contest = self.contest if self.contest_id else None
        return _hidden_candidate_error(self, contest, parent_field="contest")

    @classmethod
    def lockable_choices(cls) -> list[tuple[str, str]]:
        return [
            (name, capfirst(cls._meta.get_field(name).verbose_name)) for name in cls.LOCKABLE_FIELDS
        ]

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

    editorial = EditorialPolicy(
        needs_citation=True,
        corrected=True,
        owner="contest",
        cited_fields=(),
        public_fields=("contest", "statement"),
    )

    class Meta:
        ordering = ["contest", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(statement=""),
                name="contest_fact_statement_not_empty",
                violation_error_message="A contest fact needs its statement.",
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


#: What a call says: fixed once it is confirmed (retract it and enter a new one).
RACE_CALL_CONTENT = (
    "contest",
    "winner",
    "called_by",
    "reported_by",
    "basis",
    "basis_note",
    "called_at",
    "called_at_as_reported",
)
RACE_CALL_CONFIRMATION = ("entered_by", "confirmed_by", "confirmed_at")
RACE_CALL_RETRACTION = ("retracted_by", "retracted_at", "retraction_note")


def _changer(instance):
    """The logged-in person saving `instance`: the admin's, else the request's (middleware)."""
    user = getattr(instance, "_history_user", None)
    if user is None:
        request = getattr(HistoricalRecords.context, "request", None)
        user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


class RaceCall(Versioned):
    """Who declared the winner, when and on what basis; public once confirmed.

    A call is a small state machine, entered → confirmed → retracted, guarded here so the
    admin, its inlines and actions, the seed and the shell all obey it (only a queryset's
    `update()` bypasses the guard, and the constraints below still hold then):

    - entered: its content may change; whoever changes it becomes the person who entered it.
    - confirmed by a second person with the confirm permission, once the winner stands in
      the contest and the call cites a published source: its content is fixed.
    - retracted with a note: fixed entirely; a call that was public stays on record.
    """

    class Basis(models.TextChoices):
        PARTY_CONFIRMATION = "party_confirmation", "Confirmed by the party"
        VOTE_COUNT = "vote_count", "Complete vote count"
        PROJECTION = "projection", "Projection"
        OTHER = "other", "Other"

    class State(models.TextChoices):
        ENTERED = "entered", "Entered, awaiting confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        RETRACTED = "retracted", "Retracted"

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="race_calls")
    winner = models.ForeignKey(
        Candidate,
        on_delete=models.PROTECT,
        related_name="race_calls",
        help_text="A candidate with a result in the contest.",
    )
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
        help_text="Who last chose what the call says; someone else confirms it.",
    )
    # Who confirmed or retracted a call is its audit trail: the person cannot be deleted
    # while their step is on record.
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="race_calls_confirmed",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    retracted_at = models.DateTimeField(null=True, blank=True)
    retraction_note = models.TextField(blank=True)
    retracted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="race_calls_retracted",
    )

    citations = GenericRelation("newsroom.Citation")
    history = tracked_history()

    objects = RaceCallQuerySet.as_manager()

    editorial = EditorialPolicy(owner="contest", cited_fields=())

    class CannotConfirm(Exception):
        """The user may not confirm or retract this call; the message says why."""

    class Meta:
        ordering = ["contest", "-called_at", "pk"]
        permissions = [
            ("confirm_racecall", "Can confirm or retract a race call entered by someone else"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(confirmed_at__isnull=True, confirmed_by__isnull=True)
                | models.Q(confirmed_at__isnull=False, confirmed_by__isnull=False),
                name="racecall_confirmed_by_someone_at_a_time",
                violation_error_message="A confirmed call records who confirmed it and when.",
            ),
            models.CheckConstraint(
                condition=models.Q(entered_by__isnull=True)
                | models.Q(confirmed_by__isnull=True)
                | ~models.Q(confirmed_by=models.F("entered_by")),
                name="racecall_confirmed_by_a_second_person",
                violation_error_message="A race call must be confirmed by a second person.",
            ),
            models.CheckConstraint(
                condition=models.Q(retracted_at__isnull=True, retracted_by__isnull=True)
                | (
                    models.Q(retracted_at__isnull=False, retracted_by__isnull=False)
                    & ~models.Q(retraction_note="")
                ),
                name="racecall_retracted_with_a_note",
                violation_error_message="A retracted call records who retracted it, when and why.",
            ),
        ]

    def __str__(self):
        return f"{self.winner} wins {self.contest} ({self.called_by})"

    @property
    def state(self) -> str:
        if self.retracted_at:
            return self.State.RETRACTED
        if self.confirmed_at:
            return self.State.CONFIRMED
        return self.State.ENTERED

    def get_state_display(self) -> str:
        return self.State(self.state).label

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.ENTERED

    # The guard ---------------------------------------------------------------------------

    def _saved(self) -> dict | None:
        """The call as stored now (not as this copy was loaded), or None if new."""
        if self._state.adding or self.pk is None:
            return None
        names = [
            self._meta.get_field(name).attname
            for name in (*RACE_CALL_CONTENT, *RACE_CALL_CONFIRMATION, *RACE_CALL_RETRACTION)
        ]
        return type(self)._base_manager.filter(pk=self.pk).values(*names).first()

    def _changed(self, saved: dict, names) -> list[str]:
        return [
            name
            for name in names
            if getattr(self, self._meta.get_field(name).attname)
            != saved[self._meta.get_field(name).attname]
        ]

    def state_errors(self, saved: dict | None) -> dict[str, str]:
        """What this save would break of the state machine, by field ("__all__" for the call)."""
        if saved is None:
            if self.confirmed_by_id or self.confirmed_at or self.retracted_at:
                return {
                    NON_FIELD_ERRORS: "A call is entered first, then confirmed by a second "
                    "person: save it unconfirmed."
                }
            return self.content_errors()
        if saved["retracted_at"]:
            changed = self._changed(
                saved, (*RACE_CALL_CONTENT, *RACE_CALL_CONFIRMATION, *RACE_CALL_RETRACTION)
            )
            message = "This call was retracted and stays on record as it was: enter a new call."
            return self._blame(changed, message)
        if saved["confirmed_at"]:
            changed = self._changed(saved, (*RACE_CALL_CONTENT, *RACE_CALL_CONFIRMATION))
            message = (
                "This call is confirmed, so what it says cannot change: retract it and enter "
                "a new call."
            )
            return self._blame(changed, message)
        if self.retracted_at and not self.confirmed_at:
            return {}
        if self.confirmed_at:
            if self._changed(saved, RACE_CALL_CONTENT):
                reason = "Save the change first; someone else then confirms the call as saved."
            else:
                reason = self._why_confirmer_cannot(self.confirmed_by)
                reason = reason or self.why_cannot_be_confirmed()
            return {NON_FIELD_ERRORS: reason} if reason else {}
        return self.content_errors()

    @staticmethod
    def _blame(changed: list[str], message: str) -> dict[str, str]:
        content = [name for name in changed if name in RACE_CALL_CONTENT]
        if content:
            return dict.fromkeys(content, message)
        return {NON_FIELD_ERRORS: message} if changed else {}

    def content_errors(self) -> dict[str, str]:
        """What is wrong with what the call says, by field."""
        if not (self.contest_id and self.winner_id):
            return {}
        if not Result.objects.filter(contest_id=self.contest_id, candidate_id=self.winner_id):
            return {
                "winner": f"{self.winner} has no result in {self.contest}: add the result "
                "first, or name a candidate who stands in it."
            }
        return {}

    def why_cannot_be_confirmed(self) -> str:
        """What the call lacks before anyone may confirm it, or ""."""
        errors = self.content_errors()
        if errors:
            return next(iter(errors.values()))
        if self.entered_by_id is None:
            return (
                "Nobody is recorded as entering this call: whoever checks it saves it, then "
                "someone else confirms it."
            )
        citations = self.citations.all()
        if not citations.exists():
            return "This call cites no source: cite one before it is confirmed."
        if not citations.published().exists():
            return "This call cites no published source: publish one of its sources first."
        return ""

    def _why_confirmer_cannot(self, user) -> str:
        if user is None or not user.has_perm("results.confirm_racecall"):
            return "Only editors with the “confirm race calls” permission can confirm a call."
        if self.entered_by_id is not None and user.pk == self.entered_by_id:
            return "A race call must be confirmed by a second person, not the one who entered it."
        return ""

    def clean(self):
        errors = self.state_errors(self._saved())
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        saved = self._saved()
        if saved is None or (
            not saved["confirmed_at"]
            and not saved["retracted_at"]
            and not self.confirmed_at
            and (self.entered_by_id is None or self._changed(saved, RACE_CALL_CONTENT))
        ):
            # Whoever chooses what a pending call says is the one who entered it, and so
            # cannot be the one who confirms it.
            changer = _changer(self)
            if changer is not None:
                self.entered_by = changer
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "entered_by"}
        errors = self.state_errors(saved)
        if errors:
            raise ValidationError(errors)
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if not self.is_pending:
            raise ValidationError(
                "A confirmed or retracted call stays on record: retract it instead."
            )
        return super().delete(*args, **kwargs)

    # Permission questions and the two steps ----------------------------------------------

    def why_user_cannot_confirm(self, user) -> str:
        """Empty when `user` may confirm this call, else the reason, in the desk's words."""
        if self.retracted_at:
            return "This call was retracted; enter a new call instead."
        if self.confirmed_at:
            return "This call is already confirmed."
        return self._why_confirmer_cannot(user) or self.why_cannot_be_confirmed()

    def user_can_confirm(self, user) -> bool:
        return not self.why_user_cannot_confirm(user)

    def confirm(self, *, by) -> None:
        """The second person's confirmation, which makes the call public."""
        reason = self.why_user_cannot_confirm(by)
        if reason:
            raise self.CannotConfirm(reason)
        self.confirmed_by = by
        self.confirmed_at = timezone.now()
        self._history_user = by
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
        self._history_user = by
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

    editorial = EditorialPolicy(owner="contest")

    class Meta:
        ordering = ["contest", "taken_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reporting_percent__isnull=True)
                | models.Q(reporting_percent__gte=0, reporting_percent__lte=100),
                name="snapshot_reporting_percent_range",
                violation_error_message="Reporting %% must be between 0 and 100.",
            ),
        ]

    def __str__(self):
        when = self.as_of_as_reported or (self.taken_at and self.taken_at.isoformat()) or "undated"
        return f"{self.contest} as of {when}"

    def clean(self):
        # Moving an update into a published contest would show its figures' candidates.
        if not self.contest_id or self.contest.status != Status.PUBLISHED or self.pk is None:
            return
        if not parent_changed(self, "contest"):
            return
        hidden = self.entries.exclude(candidate__status=Status.PUBLISHED).select_related(
            "candidate"
        )
        names = [f"“{entry.candidate}”" for entry in hidden[:5]]
        if names:
            raise ValidationError(
                {
                    "contest": f"This update has figures for candidates who are not published "
                    f"({', '.join(names)}), and “{self.contest}” is public. Choose a contest "
                    "that is not public, or have an editor publish them first."
                }
            )


def _hidden_candidate_error(row, contest, *, parent_field: str) -> str:
    """A row naming `row.candidate` in `contest`: refused when new or moved (its candidate
    or its `parent_field`) into a published contest while the candidate is not public by
    the time the contest is."""
    if contest is None or contest.status != Status.PUBLISHED or row.candidate_id is None:
        return ""
    if not row.candidate.why_hidden(from_time=contest.publish_at):
        return ""
    moved = parent_changed(row, "candidate") or parent_changed(row, parent_field)
    return refuse_hidden_parent(row, "candidate", public_from=contest.publish_at, moved=moved)


class SnapshotEntry(Versioned):
    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="entries")
    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="+")
    votes = models.PositiveIntegerField(null=True, blank=True)
    share = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)

    constraint_error_fields = {"snapshot_entry_one_per_candidate": "candidate"}
    editorial = EditorialPolicy(owner="snapshot")

    class Meta:
        verbose_name_plural = "snapshot entries"
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "candidate"],
                name="snapshot_entry_one_per_candidate",
                violation_error_message="This candidate already has an entry in this update.",
            ),
            models.CheckConstraint(
                condition=models.Q(share__isnull=True) | models.Q(share__gte=0, share__lte=100),
                name="snapshot_entry_share_range",
                violation_error_message="A vote share must be between 0 and 100.",
            ),
        ]

    def __str__(self):
        return f"{self.candidate}: {self.votes if self.votes is not None else 'not reported'}"

    def clean(self):
        contest = self.snapshot.contest if self.snapshot_id else None
        refusal = _hidden_candidate_error(self, contest, parent_field="snapshot")
        if refusal:
            raise ValidationError({"candidate": refusal})
