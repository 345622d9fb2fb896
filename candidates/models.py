"""Candidates and everything said of or by them, each piece citing its sources."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models

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
from newsroom.editorial.publishing import Publishable, PublishableQuerySet
from newsroom.models import Outlet
from newsroom.routes import route_path


class Party(Versioned):
    """A political party, as reference data for candidates and contests.

    It has no workflow of its own: readers see it on its candidates' and contests' pages,
    so once one of those is published, only editors may change it (newsroom.editorial.workflow)."""

    #: The relations whose published items show the party to readers.
    shown_publicly_with = ("candidates", "contests")

    name = models.CharField(max_length=100, unique=True, help_text="e.g. Democratic Party")
    adjective = models.CharField(max_length=100, help_text="e.g. Democratic")
    slug = models.SlugField(max_length=100, unique=True)
    abbreviation = models.CharField(max_length=10, blank=True, help_text="e.g. DEM")

    identifiers = GenericRelation("newsroom.ExternalIdentifier")
    external_ids = IdentifiersField()
    history = tracked_history()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "parties"

    def __str__(self):
        return self.name


class Candidate(Publishable):
    """A person standing in a contest. Field-level sources live in `citations` by field name."""

    full_name = models.CharField(max_length=200, help_text="As commonly reported.")
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    slug = models.SlugField(max_length=200, unique=True)
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, null=True, blank=True, related_name="candidates"
    )
    summary = models.TextField(blank=True, help_text="A short introduction in our own words.")
    age = models.PositiveSmallIntegerField(null=True, blank=True, help_text="As reported.")
    age_as_of = models.DateField("age as of", null=True, blank=True, validators=[not_in_future])
    age_as_of_precision = precision_field("age date precision")
    hometown = models.CharField(max_length=200, blank=True)
    occupation = models.CharField(max_length=200, blank=True, help_text="As our sources put it.")
    campaign_launched_on = models.DateField(
        "entered the race", null=True, blank=True, validators=[not_in_future]
    )
    campaign_launched_on_precision = precision_field("entry date precision")
    self_funding_amount = models.DecimalField(
        "self-funding", max_digits=14, decimal_places=2, null=True, blank=True
    )
    self_funding_currency = models.CharField(max_length=3, default="USD", blank=True)
    self_funding_kind = models.CharField(
        max_length=20,
        blank=True,
        choices=[("loan", "Loan to own campaign"), ("contribution", "Contribution")],
    )
    website = models.URLField("campaign website", blank=True, help_text="Leave empty if unknown.")
    campaign_staff_on_ground = models.PositiveSmallIntegerField(
        "campaign staff on the ground", null=True, blank=True
    )
    staff_location = models.CharField(
        max_length=200, blank=True, help_text="Where those staff work, e.g. American Samoa."
    )
    has_held_office = models.BooleanField(
        "has held political office", null=True, blank=True, help_text="Unknown if left empty."
    )

    citations = GenericRelation("newsroom.Citation")
    identifiers = GenericRelation("newsroom.ExternalIdentifier")
    external_ids = IdentifiersField()

    constraint_error_fields = {"candidate_age_has_date": "age_as_of"}
    # A profile is published only with a source, and each key fact it shows with its own
    # footnote (`cited_fields`). Merging duplicates: the website is never dropped, and two
    # parties suggest two people, so the editor confirms.
    editorial = EditorialPolicy(
        needs_citation=True,
        cited_fields=(
            "party",
            "age",
            "hometown",
            "occupation",
            "campaign_launched_on",
            "self_funding_amount",
            "campaign_staff_on_ground",
            "has_held_office",
        ),
        public_fields=(
            "full_name",
            "party",
            "summary",
            "age",
            "age_as_of",
            "hometown",
            "occupation",
            "campaign_launched_on",
            "self_funding_amount",
            "self_funding_kind",
            "website",
            "campaign_staff_on_ground",
            "staff_location",
            "has_held_office",
        ),
        mergeable=True,
        merge_keeps=("website",),
        merge_warns_if_different=("party",),
    )

    class Meta:
        ordering = ["family_name", "full_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age__isnull=True) | models.Q(age__lte=130),
                name="candidate_age_plausible",
                violation_error_message="An age above 130 cannot be right.",
            ),
            models.CheckConstraint(
                condition=models.Q(age__isnull=True) | models.Q(age_as_of__isnull=False),
                name="candidate_age_has_date",
                violation_error_message="Give the date the age was reported for.",
            ),
            models.CheckConstraint(
                condition=models.Q(self_funding_amount__isnull=True)
                | models.Q(self_funding_amount__gte=0),
                name="candidate_self_funding_not_negative",
                violation_error_message="Self-funding cannot be negative.",
            ),
            partial_date_constraint("age_as_of", "candidate_age_as_of_precision"),
            partial_date_constraint("campaign_launched_on", "candidate_launch_precision"),
        ]

    def __str__(self):
        return self.full_name

    def clean(self):
        self.age_as_of = truncate_to_precision(self.age_as_of, self.age_as_of_precision)
        self.campaign_launched_on = truncate_to_precision(
            self.campaign_launched_on, self.campaign_launched_on_precision
        )
        if self.age is not None and self.age_as_of is None:
            raise ValidationError({"age_as_of": "Give the date the age was reported for."})

    def get_absolute_url(self):
        return route_path("candidates:candidate_detail", self.slug)

    @property
    def age_as_of_display(self) -> str:
        return format_partial_date(self.age_as_of, self.age_as_of_precision)

    @property
    def campaign_launched_on_display(self) -> str:
        return format_partial_date(self.campaign_launched_on, self.campaign_launched_on_precision)


class CandidatePartQuerySet(PublishableQuerySet):
    """Career entries, positions, quotes and facts are public only under a public candidate."""

    public_parents = ("candidate__",)


class CareerEntry(Publishable):
    """A position held, with dates as precise as the sources allow."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="career")
    organisation = models.CharField(max_length=200)
    organisation_description = models.CharField(
        max_length=200, blank=True, help_text="e.g. venture capital firm"
    )
    role = models.CharField(max_length=200, blank=True, help_text="Leave empty if unknown.")
    started_on = models.DateField(null=True, blank=True, validators=[not_in_future])
    started_on_precision = precision_field("start precision")
    ended_on = models.DateField(null=True, blank=True)
    ended_on_precision = precision_field("end precision")
    is_current = models.BooleanField(null=True, blank=True, help_text="Unknown if left empty.")
    position = models.PositiveSmallIntegerField(default=0, help_text="Order on the profile.")

    citations = GenericRelation("newsroom.Citation")

    objects = CandidatePartQuerySet.as_manager()

    constraint_error_fields = {"career_ends_after_start": "ended_on"}
    editorial = EditorialPolicy(
        needs_citation=True,
        owner="candidate",
        cited_fields=(),
        public_fields=(
            "candidate",
            "organisation",
            "organisation_description",
            "role",
            "started_on",
            "ended_on",
            "is_current",
        ),
    )

    class Meta:
        ordering = ["candidate", "position", "pk"]
        verbose_name_plural = "career entries"
        constraints = [
            partial_date_constraint("started_on", "career_started_on_precision"),
            partial_date_constraint("ended_on", "career_ended_on_precision"),
            models.CheckConstraint(
                condition=models.Q(started_on__isnull=True)
                | models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="career_ends_after_start",
                violation_error_message="A position cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return f"{self.role or 'Position'} at {self.organisation}"

    def clean(self):
        super().clean()
        self.started_on = truncate_to_precision(self.started_on, self.started_on_precision)
        self.ended_on = truncate_to_precision(self.ended_on, self.ended_on_precision)
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": "A position cannot end before it starts."})

    @property
    def period_display(self) -> str:
        start = format_partial_date(self.started_on, self.started_on_precision)
        end = format_partial_date(self.ended_on, self.ended_on_precision)
        if self.is_current:
            end = "present"
        if not start and not end:
            return "dates not reported"
        return f"{start or 'date not reported'} – {end or 'date not reported'}"


class PlatformPosition(Publishable):
    """A policy position, summarised in our own words."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="platform")
    topic = models.CharField(max_length=100)
    summary = models.TextField(help_text="In our own words, not the source's.")
    position = models.PositiveSmallIntegerField(default=0, help_text="Order on the profile.")

    citations = GenericRelation("newsroom.Citation")

    objects = CandidatePartQuerySet.as_manager()

    editorial = EditorialPolicy(
        needs_citation=True,
        owner="candidate",
        cited_fields=(),
        public_fields=("candidate", "topic", "summary"),
    )

    class Meta:
        ordering = ["candidate", "position", "pk"]

    def __str__(self):
        return f"{self.candidate}: {self.topic}"


class Quote(Publishable):
    """Words said or written, verbatim, with who said them, where and when."""

    class Venue(models.TextChoices):
        SOCIAL_POST = "social_post", "Social media post"
        INTERVIEW = "interview", "Interview"
        STATEMENT = "statement", "Statement to the press"
        CAMPAIGN_WEBSITE = "campaign_website", "Campaign website"
        VIDEO = "video", "Video"
        REMARKS = "remarks", "Remarks"
        NOT_STATED = "not_stated", "Not stated in the sources"

    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="quotes",
        help_text="The candidate whose profile carries the quote (the speaker or their campaign).",
    )
    text = models.TextField("verbatim text", help_text="Word for word, punctuation included.")
    is_partial = models.BooleanField(
        "fragment", default=False, help_text="Only part of a sentence was quoted by the source."
    )
    speaker_name = models.CharField(max_length=200, help_text="e.g. Jason Palmer")
    speaker_role = models.CharField(
        max_length=200, blank=True, help_text="e.g. Biden campaign spokesperson"
    )
    venue = models.CharField(
        "where it was said", max_length=20, choices=Venue.choices, default=Venue.NOT_STATED
    )
    venue_outlet = models.ForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes_said_here",
        help_text="The platform or outlet it was said on or to (X, The Associated Press …).",
    )
    interviewer = models.CharField(max_length=200, blank=True, help_text="e.g. Laura Coates")
    said_on = models.DateField("date said", null=True, blank=True, validators=[not_in_future])
    said_on_precision = precision_field("date precision")
    said_when_as_reported = models.CharField(
        "when, as reported",
        max_length=200,
        blank=True,
        help_text="The source's own words for when, e.g. “early Wednesday”.",
    )
    context = models.TextField(blank=True, help_text="In our own words: what it was about.")

    citations = GenericRelation("newsroom.Citation")

    objects = CandidatePartQuerySet.as_manager()

    editorial = EditorialPolicy(
        needs_citation=True,
        corrected=True,
        owner="candidate",
        cited_fields=(),
        verbatim_field="text",
        fragment_field="is_partial",
        public_fields=(
            "text",
            "is_partial",
            "speaker_name",
            "speaker_role",
            "candidate",
            "venue",
            "venue_outlet",
            "interviewer",
            "said_on",
            "said_when_as_reported",
            "context",
        ),
    )

    class Meta:
        ordering = ["-said_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(text=""),
                name="quote_text_not_empty",
                violation_error_message="A quote needs its words.",
            ),
            partial_date_constraint("said_on", "quote_said_on_precision"),
        ]
        indexes = [
            # The sitemap index's latest change of the quotes: the newest row, not a scan.
            models.Index(fields=["-updated_at"], name="quote_latest_change"),
        ]

    def __str__(self):
        words = self.text if len(self.text) <= 60 else f"{self.text[:59]}…"
        return f"{self.speaker_name}: “{words}”"

    def clean(self):
        super().clean()
        self.said_on = truncate_to_precision(self.said_on, self.said_on_precision)
        if not self.text.strip():
            raise ValidationError({"text": "A quote needs its words."})

    def get_absolute_url(self):
        return route_path("candidates:quote_detail", self.pk)

    @property
    def said_on_display(self) -> str:
        return format_partial_date(self.said_on, self.said_on_precision)


class Fact(Publishable):
    """Any other sourced statement about a candidate, in our own words."""

    class Topic(models.TextChoices):
        BACKGROUND = "background", "Background"
        CAMPAIGN = "campaign", "Campaign"
        REACTION = "reaction", "Reactions"
        EVENT = "event", "Events"

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="facts")
    topic = models.CharField(max_length=20, choices=Topic.choices, default=Topic.BACKGROUND)
    statement = models.TextField(help_text="In our own words, not the source's.")
    occurred_on = models.DateField(null=True, blank=True, validators=[not_in_future])
    occurred_on_precision = precision_field("date precision")
    position = models.PositiveSmallIntegerField(default=0)

    citations = GenericRelation("newsroom.Citation")

    objects = CandidatePartQuerySet.as_manager()

    editorial = EditorialPolicy(
        needs_citation=True,
        corrected=True,
        owner="candidate",
        cited_fields=(),
        public_fields=("candidate", "topic", "statement", "occurred_on"),
    )

    class Meta:
        ordering = ["candidate", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(statement=""),
                name="fact_statement_not_empty",
                violation_error_message="A fact needs its statement.",
            ),
            partial_date_constraint("occurred_on", "fact_occurred_on_precision"),
        ]

    def __str__(self):
        return self.statement if len(self.statement) <= 80 else f"{self.statement[:79]}…"

    def clean(self):
        super().clean()
        self.occurred_on = truncate_to_precision(self.occurred_on, self.occurred_on_precision)

    def get_absolute_url(self):
        return route_path("candidates:fact_detail", self.pk)

    @property
    def occurred_on_display(self) -> str:
        return format_partial_date(self.occurred_on, self.occurred_on_precision)
