"""Outlets, the source documents they publish, and citations tying any fact to a source.

Nothing here knows the other apps: a `Citation` or an `ExternalIdentifier` points at any
model through a generic relation, so candidates and results cite sources without newsroom
importing them.
"""

import functools
import operator
import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete

from .dates import (
    DatePrecision,
    format_partial_date,
    not_in_future,
    partial_date_constraint,
    truncate_to_precision,
)
from .editorial.history import tracked_history
from .editorial.identifiers import IdentifiersField
from .editorial.locking import Versioned
from .editorial.policy import EditorialPolicy
from .editorial.publishing import Publishable, PublishableQuerySet
from .editorial.records import (  # noqa: F401  (models of this app, defined there)
    Correction,
    EditingPresence,
    EditorialComment,
    Redirect,
    Tombstone,
    WorkflowEvent,
)
from .routes import route_path


class Outlet(Publishable):
    """A publisher or venue: a news organisation, a wire service, a social network, a website."""

    class Kind(models.TextChoices):
        NEWS = "news", "News organisation"
        WIRE = "wire", "Wire service"
        BUSINESS_NEWS = "business_news", "Business news"
        SOCIAL = "social", "Social network"
        CAMPAIGN = "campaign", "Campaign channel"
        PROFESSIONAL = "professional", "Professional network"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True, help_text="As the outlet styles itself.")
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NEWS)
    homepage_url = models.URLField("home page", blank=True)
    description = models.TextField(blank=True, help_text="In our own words; shown on its page.")

    identifiers = GenericRelation("newsroom.ExternalIdentifier")
    external_ids = IdentifiersField()

    editorial = EditorialPolicy(needs_citation=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SourceQuerySet(PublishableQuerySet):
    public_parents = ("outlet__",)


class Source(Publishable):
    """A document behind our facts: a news article, a post, a page, an interview, a video."""

    class Kind(models.TextChoices):
        NEWS_ARTICLE = "news_article", "News article"
        SOCIAL_POST = "social_post", "Social media post"
        WEB_PAGE = "web_page", "Web page"
        INTERVIEW = "interview", "Interview"
        VIDEO = "video", "Video"
        STATEMENT = "statement", "Statement"

    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="sources", help_text="Who published it."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NEWS_ARTICLE)
    headline = models.CharField(
        max_length=300, blank=True, help_text="Exactly as published. Leave empty if unknown."
    )
    untitled_description = models.CharField(
        "description if untitled",
        max_length=300,
        blank=True,
        help_text="Our bracketed description, used in citations when the headline is unknown.",
    )
    standfirst = models.TextField(blank=True, help_text="The summary line under the headline.")
    slug = models.SlugField(max_length=200, unique=True)
    url = models.URLField(
        "canonical URL", max_length=500, blank=True, help_text="Leave empty if not known."
    )
    published_on = models.DateField(
        "publication date", null=True, blank=True, validators=[not_in_future]
    )
    published_on_precision = models.CharField(
        "publication date precision",
        max_length=5,
        choices=DatePrecision.choices,
        blank=True,
        help_text="How much of the date is known, e.g. only the month.",
    )
    accessed_on = models.DateField("accessed", null=True, blank=True, validators=[not_in_future])
    archive_url = models.URLField("archived copy", max_length=500, blank=True)
    update_note = models.CharField(
        max_length=300, blank=True, help_text="The outlet's own note that the story was updated."
    )
    language = models.CharField(max_length=10, default="en")
    internal_note = models.TextField(
        blank=True, help_text="For editors only: provenance, caveats. Never shown publicly."
    )
    article_text = models.TextField(
        "article text",
        blank=True,
        help_text="For editors only, never shown publicly (it is the outlet's copyright): the "
        "article as published, headline first, paragraphs separated by blank lines. Citations "
        "of this source are checked against the paragraph their pinpoint names.",
    )

    objects = SourceQuerySet.as_manager()

    constraint_error_fields = {"source_headline_or_description": "headline"}
    # A source is the evidence: it needs none. Merging duplicates: addresses are never
    # dropped, and sources from two outlets or two dates look like two articles, so the
    # editor must confirm.
    editorial = EditorialPolicy(
        needs_citation=False,
        public_fields=(
            "outlet",
            "kind",
            "headline",
            "untitled_description",
            "standfirst",
            "url",
            "published_on",
            "accessed_on",
            "archive_url",
            "update_note",
            "language",
        ),
        mergeable=True,
        merge_keeps=("url", "archive_url"),
        merge_warns_if_different=("outlet", "published_on"),
    )

    class Meta:
        ordering = ["-published_on", "headline"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~models.Q(url=""),
                name="source_unique_url",
                violation_error_message="Another source already has this URL.",
            ),
            models.CheckConstraint(
                condition=~models.Q(headline="") | ~models.Q(untitled_description=""),
                name="source_headline_or_description",
                violation_error_message="Give the headline, or a description if it is untitled.",
            ),
            partial_date_constraint("published_on", "source_published_on_precision"),
        ]
        indexes = [
            # The public lists' order (newest first; pages add the primary key): the latest
            # sources are read from the index instead of sorting every source.
            models.Index(fields=["-published_on", "headline", "id"], name="source_latest_first"),
            # The sitemap index's latest change of the sources: the newest row, not a scan.
            models.Index(fields=["-updated_at"], name="source_latest_change"),
        ]

    def __str__(self):
        return f"{self.outlet.name}: {self.title}" if self.outlet_id else self.title

    def clean(self):
        super().clean()
        self.published_on = truncate_to_precision(self.published_on, self.published_on_precision)
        if self.url:
            clash = Source.objects.filter(url=self.url).exclude(pk=self.pk).first()
            if clash:
                raise ValidationError({"url": f"This URL is already recorded for “{clash.title}”."})

    def get_absolute_url(self):
        return route_path("newsroom:source_detail", self.slug)

    @property
    def title(self) -> str:
        return self.headline or f"[{self.untitled_description}]"

    def citation_gaps(self) -> list[str]:
        """What citations of this source will lack, said to the editor: nothing refuses a
        source without them, since many are first recorded from a copy with no address."""
        if not self.url:
            return [
                "This source has no URL: its citations print none and readers cannot open "
                "the article. Add the canonical URL, and an archived copy, when you have them."
            ]
        gaps = []
        if not self.archive_url:
            gaps.append(
                "This source has no archived copy: add one (a Wayback Machine or archive.today "
                "address) so its citations still lead somewhere if the outlet moves or removes "
                "the article."
            )
        if not self.accessed_on:
            gaps.append(
                "This source has no access date: APA, Chicago and MLA print the day you read "
                "an online article. Give it in “accessed”."
            )
        return gaps

    @property
    def published_on_display(self) -> str:
        return format_partial_date(self.published_on, self.published_on_precision)


class Contributor(Versioned):
    """A byline, contributor or wire credit on a source, in the order the outlet gives them."""

    class Role(models.TextChoices):
        AUTHOR = "author", "Author (byline)"
        CONTRIBUTOR = "contributor", "Contributed reporting"
        WIRE = "wire", "Wire service credit"
        EDITOR = "editor", "Editor"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="contributors")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.AUTHOR)
    is_organisation = models.BooleanField(
        default=False, help_text="An institution, cited whole (“The Associated Press”)."
    )
    outlet = models.ForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credits",
        help_text="For a wire credit: the wire service.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    history = tracked_history()

    constraint_error_fields = {"contributor_unique_per_role": "name"}
    editorial = EditorialPolicy(owner="source")

    class Meta:
        ordering = ["source", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "name", "role"],
                name="contributor_unique_per_role",
                violation_error_message="This person is already listed in that role.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"


def citable_content_type_ids() -> set[int]:
    """The content types a citation may point at: the models registered as holding citations
    (newsroom.citations.registry, from each app's `declarations.py`). Never users, sessions
    or other tables."""
    from .citations import registry

    return _content_type_ids(registry.citation_holders())


def identifiable_content_type_ids() -> set[int]:
    """The content types an external identifier may point at: the models that declare
    `identifiers = GenericRelation("newsroom.ExternalIdentifier")`."""
    from django.apps import apps

    return _content_type_ids(
        model
        for model in apps.get_models()
        if any(
            isinstance(field, GenericRelation) and field.related_model is ExternalIdentifier
            for field in model._meta.private_fields
        )
    )


def citable_content_types() -> models.Q:
    return models.Q(pk__in=sorted(citable_content_type_ids()))


def identifiable_content_types() -> models.Q:
    return models.Q(pk__in=sorted(identifiable_content_type_ids()))


def _content_type_ids(models_) -> set[int]:
    # get_for_models is served from ContentType's cache after the first call.
    types = ContentType.objects.get_for_models(*models_, for_concrete_models=False)
    return {content_type.pk for content_type in types.values()}


class AttachedRow(Versioned):
    """A row that belongs to another item through a generic relation (a citation, an
    identifier). It may point only at the kinds of item that take it (`limit_choices_to` of
    `content_type`, which the admin's select and model validation both obey), at a row that
    exists; and saving it checks the kind again, so the shell and imports cannot attach one
    to a user or a session. Who may attach, change or remove one is newsroom.editorial.workflow's
    `why_not_change_row`: it is an editorial change of the item it belongs to."""

    editorial = EditorialPolicy(owner="content_object")

    class Meta:
        abstract = True

    @staticmethod
    def target_content_type_ids() -> set[int]:
        raise NotImplementedError

    def target_model_allowed(self) -> bool:
        return self.content_type_id in self.target_content_type_ids()

    def clean_target(self):
        if self.content_type_id is None or self.object_id is None:
            return
        if not self.target_model_allowed():
            raise ValidationError(
                {
                    "content_type": f"A {self._meta.verbose_name} cannot be attached to "
                    f"{self.content_type.name} rows."
                }
            )
        model = self.content_type.model_class()
        if not model._default_manager.filter(pk=self.object_id).exists():
            raise ValidationError(
                {"object_id": f"There is no {model._meta.verbose_name} with id {self.object_id}."}
            )

    def clean(self):
        super().clean()
        self.clean_target()

    def save(self, *args, **kwargs):
        if self.content_type_id is not None and not self.target_model_allowed():
            raise ValidationError(
                f"A {self._meta.verbose_name} cannot be attached to {self.content_type.name} rows."
            )
        super().save(*args, **kwargs)


class CitationQuerySet(models.QuerySet):
    def current(self):
        """Citations supporting the value their field holds now (or the whole item)."""
        return self.filter(retired_at__isnull=True)

    def retired(self):
        """Citations of an earlier value of their field, kept as its support in history."""
        return self.filter(retired_at__isnull=False)

    def published(self):
        # A join on the source (pages select it anyway), not a subquery of public sources.
        return self.filter(SourceQuerySet.public_q("source__"))

    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class CurrentCitationManager(models.Manager.from_queryset(CitationQuerySet)):
    """`Citation.objects`: current citations only, so every page, export, check and the
    items' `citations` relations (a generic relation reads the default manager) never see
    the support of an earlier value. `Citation.all_objects` has retired ones too."""

    def get_queryset(self):
        return super().get_queryset().current()


class Citation(AttachedRow):
    """A source that supports a fact, quote, result or field, with an optional pinpoint.

    A citation of a field belongs to the value the field held when it was made
    (`supported_value`); when the field's value changes it is retired (`retired_at`) and
    stays in the item's history as support of that value, and it is current again when the
    field comes back to it (newsroom.cited_values).
    """

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        limit_choices_to=citable_content_types,
        verbose_name="cited item type",
    )
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    field_name = models.CharField(
        "field",
        max_length=100,
        blank=True,
        help_text="Which field this source supports (e.g. “votes”); empty for the whole item.",
    )
    pinpoint = models.CharField(
        max_length=100, blank=True, help_text="Where in the source, e.g. “para. 3”."
    )
    quoted_passage = models.TextField(
        blank=True, help_text="The words of the source that support the fact, verbatim."
    )
    note = models.CharField(max_length=300, blank=True)
    value_as_reported = models.CharField(
        "differing value",
        max_length=200,
        blank=True,
        help_text="Only when this source gives a different figure or state for the field "
        "than the one shown (e.g. “99% of the expected vote reporting” against “Final”): "
        "its value, in its words. Pages then say the sources differ and show each value "
        "with its source. Empty when the source supports the value shown.",
    )
    derivation = models.CharField(
        max_length=300,
        blank=True,
        help_text="How a figure was derived when the passage does not state it, e.g. "
        "“computed from 51 of 91”.",
    )
    check_override_reason = models.TextField(
        "reason to publish despite a failed check",
        blank=True,
        help_text="Editors only: why this citation stands although its check fails "
        "(written by an editor; kept with the citation).",
    )
    check_overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    check_overridden_at = models.DateTimeField(null=True, blank=True, editable=False)
    supported_value = models.CharField(
        "supported value",
        max_length=500,
        blank=True,
        editable=False,
        help_text="The field's value this citation supports, as it was when cited "
        "(newsroom.cited_values.canonical); empty for a citation of the whole item or one "
        "giving a differing value.",
    )
    retired_at = models.DateTimeField(
        "retired",
        null=True,
        blank=True,
        editable=False,
        help_text="When the field's value changed away from the supported value; empty "
        "while the citation is current.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = tracked_history()

    objects = CurrentCitationManager()
    all_objects = CitationQuerySet.as_manager()

    constraint_error_fields = {"citation_unique_source_per_field": "source"}
    target_content_type_ids = staticmethod(citable_content_type_ids)

    class Meta:
        ordering = ["content_type", "object_id", "field_name", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field_name", "source", "pinpoint"],
                condition=models.Q(retired_at__isnull=True),
                name="citation_unique_source_per_field",
                violation_error_message="This passage is already cited for that field.",
            ),
        ]

    def __str__(self):
        where = f" ({self.field_name})" if self.field_name else ""
        return f"{self.source}{where}"

    @classmethod
    def from_db(cls, db, field_names, values, *args, **kwargs):
        citation = super().from_db(db, field_names, values, *args, **kwargs)
        citation._loaded_support = (
            citation.__dict__.get("field_name"),
            citation.__dict__.get("value_as_reported"),
        )
        return citation

    def save(self, *args, **kwargs):
        from .cited_values import settle_citation

        if settle_citation(self) and kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "supported_value", "retired_at"}
        super().save(*args, **kwargs)
        self._loaded_support = (self.field_name, self.value_as_reported)

    @property
    def is_current(self) -> bool:
        return self.retired_at is None

    @property
    def supported_value_display(self) -> str:
        """The supported value as editors and readers read it ("40", "Final", a party)."""
        from .cited_values import display

        return display(self)


#: Each registry's id format: the pattern a whole value matches, and an example for the
#: form's message. The database holds each too (identifier_value_format), bar Ballotpedia's
#: "no whitespace", which no regex reads alike on SQLite and PostgreSQL.
IDENTIFIER_FORMATS = {
    "wikidata": (r"Q[1-9][0-9]*", "a Wikidata item id such as Q6279"),
    "fec": (r"[HSPC][0-9A-Z]{8}", "an FEC id such as P40012345"),
    "ballotpedia": (r"[^\s/?#]+", "a Ballotpedia page name such as Joe_Biden"),
    "ap_candidate": (r"[0-9]{1,12}", "an AP candidate id, digits only, such as 12345"),
    "ap_race": (r"[0-9]{1,12}", "an AP race id, digits only, such as 12345"),
}
_FORMATS_IN_DATABASE = [scheme for scheme in IDENTIFIER_FORMATS if scheme != "ballotpedia"]


def _identifier_format_condition() -> models.Q:
    """A known registry, and a value of its form where the database can read the form."""
    of_its_form = functools.reduce(
        operator.or_,
        (
            models.Q(scheme=scheme, value__regex=f"^{IDENTIFIER_FORMATS[scheme][0]}$")
            for scheme in _FORMATS_IN_DATABASE
        ),
        ~models.Q(scheme__in=_FORMATS_IN_DATABASE),
    )
    return models.Q(scheme__in=list(IDENTIFIER_FORMATS)) & of_its_form


class ExternalIdentifier(AttachedRow):
    """An identifier in a civic-data registry. Recorded only when known, never guessed."""

    class Scheme(models.TextChoices):
        WIKIDATA = "wikidata", "Wikidata"
        FEC = "fec", "FEC"
        BALLOTPEDIA = "ballotpedia", "Ballotpedia"
        # The Associated Press's ids, as its election API and elex give them: results desks
        # join on them (a candidate's polID / candidateID, a race's raceID in its state).
        AP_CANDIDATE = "ap_candidate", "AP candidate id"
        AP_RACE = "ap_race", "AP race id"

    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        limit_choices_to=identifiable_content_types,
        verbose_name="identified item type",
    )
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    scheme = models.CharField(max_length=20, choices=Scheme.choices)
    value = models.CharField(max_length=200)

    history = tracked_history()

    constraint_error_fields = {
        "identifier_one_per_scheme": "scheme",
        "identifier_value_format": "value",
    }
    target_content_type_ids = staticmethod(identifiable_content_type_ids)

    class Meta:
        ordering = ["scheme"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "scheme"],
                name="identifier_one_per_scheme",
                violation_error_message="This item already has an identifier in that registry.",
            ),
            # The shell and imports skip clean(): the formats are held here too.
            models.CheckConstraint(
                condition=_identifier_format_condition(),
                name="identifier_value_format",
                violation_error_message="This is not an identifier of that registry's form: "
                "Wikidata Q and digits, FEC a letter H, S, P or C and eight letters or digits, "
                "AP digits only.",
            ),
        ]

    def __str__(self):
        return f"{self.get_scheme_display()}: {self.value}"

    @classmethod
    def from_db(cls, db, field_names, values, *args, **kwargs):
        identifier = super().from_db(db, field_names, values, *args, **kwargs)
        identifier._loaded_item = (
            identifier.__dict__.get("content_type_id"),
            identifier.__dict__.get("object_id"),
        )
        return identifier

    def save(self, *args, **kwargs):
        from .editorial.identifiers import identifier_changed

        super().save(*args, **kwargs)
        # The item it left (moved to another) and the item it is on: each records the change.
        item = (self.content_type_id, self.object_id)
        left = getattr(self, "_loaded_item", item)
        if left != item:
            identifier_changed(*left, change="moved away", identifier=self)
        identifier_changed(*item, change="saved", identifier=self)
        self._loaded_item = item

    def clean(self):
        super().clean()
        self.value = self.value.strip()
        pattern, example = IDENTIFIER_FORMATS.get(self.scheme, (r".+", "a value"))
        if not re.fullmatch(pattern, self.value):
            raise ValidationError({"value": f"Enter {example}."})

    @property
    def url(self) -> str:
        return {
            self.Scheme.WIKIDATA: f"https://www.wikidata.org/wiki/{self.value}",
            self.Scheme.FEC: f"https://www.fec.gov/data/candidate/{self.value}/",
            self.Scheme.BALLOTPEDIA: f"https://ballotpedia.org/{self.value}",
        }.get(self.scheme, "")

    def as_dict(self) -> dict:
        """The identifier as the API and exports give it: scheme, value and, for a registry
        with pages, the page's URL (else null)."""
        return {
            "scheme": self.scheme,
            "name": self.get_scheme_display(),
            "value": self.value,
            "url": self.url or None,
        }


def identifiers_of(item) -> list[dict]:
    """The item's ids as pages, JSON-LD and the API show them: its OCD division id first
    when it has one (a place), then its registry ids by registry (`item.identifiers`,
    prefetched by lists)."""
    shown = []
    if ocd_id := getattr(item, "ocd_id", ""):
        shown.append({"scheme": "ocd", "name": "OCD division id", "value": ocd_id, "url": None})
    rows = sorted(item.identifiers.all(), key=lambda row: row.scheme)
    return shown + [row.as_dict() for row in rows]


def _identifier_deleted(sender, instance, **kwargs):
    # A signal, not delete(): a list action and a cascade delete through the queryset.
    from .editorial.identifiers import identifier_changed

    identifier_changed(
        instance.content_type_id, instance.object_id, change="deleted", identifier=instance
    )


post_delete.connect(
    _identifier_deleted, sender=ExternalIdentifier, dispatch_uid="identifier-deleted"
)


class SearchWord(models.Model):
    """A word that searched text holds, for "Did you mean …?" (newsroom.search.vocabulary).

    Words are added as items are saved (drafts too: a suggestion is only offered once the
    corrected search finds something public) and never need removing: a word no public
    item holds any more is never suggested for the same reason. On PostgreSQL a trigram
    index (`searchword_word_trgm`, pg_trgm) finds the nearest spellings without reading
    the table.
    """

    word = models.CharField(max_length=60, unique=True, help_text="Folded: lower case, no accents.")
    display = models.CharField(max_length=60, help_text="As written, e.g. Palmer.")
    prominent = models.BooleanField(
        default=False, help_text="Seen in a name or a title (preferred among equal spellings)."
    )

    class Meta:
        verbose_name = "search word"

    def __str__(self):
        return self.word
