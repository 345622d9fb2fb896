"""JSON shapes of the API. Each resource carries its id or slug, its API `url`, its public
page (`html_url`) and links to related resources; `sources` lists the published sources
cited for it, field by field."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from candidates.models import Candidate, Fact, Party, Quote
from newsroom.models import Citation, ExternalIdentifier, Outlet, Source, identifiers_of
from newsroom.routes import fixed_path, route_path
from results.models import (
    Contest,
    ContestFact,
    Jurisdiction,
    RaceCall,
    Result,
    Snapshot,
    SnapshotEntry,
)


def absolute(serializer, path: str) -> str:
    request = serializer.context.get("request")
    return request.build_absolute_uri(path) if request else path


def api_url(name: str, serializer, *, kwargs=None, query: str = "") -> str:
    """The absolute URL of an API route, as DRF's `reverse()` with the request gives it,
    each route reversed once (newsroom.routes): a page has a few links per row."""
    if kwargs:
        ((keyword, value),) = kwargs.items()
        path = route_path(f"api:{name}", value, keyword=keyword)
    else:
        path = fixed_path(f"api:{name}")
    url = absolute(serializer, path)
    return f"{url}?{query}" if query else url


@extend_schema_field(OpenApiTypes.URI)
class ApiUrlField(serializers.Field):
    """The object's own API resource, as an absolute URL (HyperlinkedIdentityField's value,
    without a resolver walk per row)."""

    def __init__(self, view_name: str, lookup_field: str = "pk", **kwargs):
        self.view_name, self.lookup_field = view_name, lookup_field
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        kwargs = {self.lookup_field: getattr(obj, self.lookup_field)}
        if suffix := self.context.get("format"):
            # Asked as /quotes.json: DRF's own links keep the suffix.
            request = self.context.get("request")
            return reverse(f"api:{self.view_name}", kwargs=kwargs, request=request, format=suffix)
        return api_url(self.view_name, self, kwargs=kwargs)


@extend_schema_field(OpenApiTypes.URI)
class HtmlUrlField(serializers.Field):
    """The public page of the object, as an absolute URL."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return absolute(self, obj.get_absolute_url())


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class OptionalUrlField(serializers.Field):
    """A URL the newsroom may not know: null rather than an empty string."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return value or None


class IdentifierSerializer(serializers.Serializer):
    """An id of the item in a civic-data registry or a results desk's feed."""

    scheme = serializers.ChoiceField(
        choices=["ocd", *ExternalIdentifier.Scheme.values],
        help_text="ocd (Open Civic Data division), wikidata, fec, ballotpedia, ap_candidate "
        "(AP polID / elex candidate_id) or ap_race (AP raceID, unique within its state).",
    )
    name = serializers.CharField(help_text="The registry's name, e.g. “Wikidata”.")
    value = serializers.CharField()
    url = serializers.URLField(allow_null=True, help_text="The registry's page; null if none.")


@extend_schema_field(IdentifierSerializer(many=True))
class IdentifiersField(serializers.Field):
    """The item's external ids (newsroom.models.identifiers_of), from prefetched rows."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, item):
        return identifiers_of(item)


class CitationSerializer(serializers.ModelSerializer):
    source = serializers.SerializerMethodField()
    field = serializers.CharField(source="field_name", help_text="Empty for the whole item.")

    class Meta:
        model = Citation
        fields = ["source", "field", "pinpoint", "quoted_passage"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_source(self, citation) -> str:
        return api_url("source-detail", self, kwargs={"slug": citation.source.slug})


class CitedSerializer(serializers.ModelSerializer):
    """Adds `sources`, read from the prefetched published citations."""

    sources = CitationSerializer(source="public_citations", many=True, read_only=True)


class PartySerializer(serializers.ModelSerializer):
    class Meta:
        model = Party
        fields = ["slug", "name", "adjective", "abbreviation"]


class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["slug", "name", "kind"]


class CandidateLinkSerializer(serializers.Serializer):
    """A candidate named by another resource; `url` is null while the candidate is unpublished."""

    slug = serializers.SlugField()
    full_name = serializers.CharField()
    url = serializers.URLField(allow_null=True)


@extend_schema_field(CandidateLinkSerializer)
class CandidateLinkField(serializers.Field):
    """Reads `<relation>` and the `<relation>_is_public` annotation from the parent object."""

    def __init__(self, relation: str = "candidate", **kwargs):
        self.relation = relation
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, parent):
        candidate = getattr(parent, self.relation)
        is_public = getattr(parent, f"{self.relation}_is_public", True)
        return {
            "slug": candidate.slug,
            "full_name": candidate.full_name,
            "url": api_url("candidate-detail", self, kwargs={"slug": candidate.slug})
            if is_public
            else None,
        }


class CandidateSerializer(CitedSerializer):
    url = ApiUrlField("candidate-detail", "slug")
    html_url = HtmlUrlField()
    party = PartySerializer(allow_null=True)
    website = OptionalUrlField()
    identifiers = IdentifiersField()
    links = serializers.SerializerMethodField()

    class Meta:
        model = Candidate
        fields = [
            "id",
            "slug",
            "url",
            "html_url",
            "full_name",
            "given_name",
            "family_name",
            "party",
            "summary",
            "age",
            "age_as_of",
            "hometown",
            "occupation",
            "website",
            "has_held_office",
            "identifiers",
            "links",
            "sources",
            "updated_at",
        ]

    def get_links(self, candidate) -> dict[str, str]:
        query = f"candidate={candidate.slug}"
        return {
            name: api_url(f"{name[:-1]}-list", self, query=query)
            for name in ("contests", "quotes", "facts")
        }


class JurisdictionSerializer(serializers.ModelSerializer):
    url = ApiUrlField("place-detail", "slug")

    class Meta:
        model = Jurisdiction
        fields = ["slug", "url", "name", "kind", "ocd_id"]


class PlaceSerializer(serializers.ModelSerializer):
    """A place that holds contests (a state, a territory …), with its OCD division id."""

    url = ApiUrlField("place-detail", "slug")
    html_url = HtmlUrlField()
    ocd_id = serializers.CharField(help_text="Open Civic Data division id.")
    identifiers = IdentifiersField()
    contests = serializers.SerializerMethodField()

    class Meta:
        model = Jurisdiction
        fields = [
            "id",
            "slug",
            "url",
            "html_url",
            "name",
            "kind",
            "ocd_id",
            "description",
            "casts_electoral_votes",
            "identifiers",
            "contests",
            "updated_at",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_contests(self, place) -> str:
        return api_url("contest-list", self, query=f"jurisdiction={place.slug}")


class ResultSerializer(CitedSerializer):
    candidate = CandidateLinkField()

    class Meta:
        model = Result
        fields = ["candidate", "votes", "reported_share", "delegates_won", "outcome", "sources"]


class RaceCallSerializer(CitedSerializer):
    winner = CandidateLinkField("winner")
    reported_by = OutletSerializer(allow_null=True)

    class Meta:
        model = RaceCall
        fields = [
            "id",
            "winner",
            "called_by",
            "reported_by",
            "basis",
            "basis_note",
            "called_at",
            "called_at_as_reported",
            "confirmed_at",
            "retracted_at",
            "retraction_note",
            "sources",
        ]


class ContestFactSerializer(CitedSerializer):
    class Meta:
        model = ContestFact
        fields = ["id", "statement", "sources"]


class CorrectionSerializer(serializers.Serializer):
    """A public correction or update of the contest, one of its results or its facts."""

    date = serializers.DateTimeField(source="created_at")
    kind = serializers.ChoiceField(
        source="correction.kind", choices=["correction", "clarification", "update", "retraction"]
    )
    note = serializers.CharField(help_text="The public note.")
    about = serializers.CharField(
        source="subject", help_text="Empty for the contest itself, else the result or fact."
    )
    changes = serializers.ListField(
        child=serializers.CharField(), help_text="What changed, e.g. “Votes: 51 → 52”."
    )


class ContestSerializer(CitedSerializer):
    url = ApiUrlField("contest-detail", "slug")
    html_url = HtmlUrlField()
    jurisdiction = JurisdictionSerializer()
    party = PartySerializer()
    results = ResultSerializer(many=True)
    race_calls = RaceCallSerializer(
        source="calls_on_record",
        many=True,
        help_text="Confirmed calls; a retracted call stays listed with its retraction.",
    )
    facts = ContestFactSerializer(source="public_facts", many=True)
    identifiers = IdentifiersField(help_text="The contest's race ids (the place's are its own).")
    snapshots = serializers.SerializerMethodField()
    corrections = CorrectionSerializer(
        source="public_corrections",
        many=True,
        read_only=True,
        help_text="Corrections and updates, newest first, as on the contest's page.",
    )

    class Meta:
        model = Contest
        fields = [
            "id",
            "slug",
            "url",
            "html_url",
            "name",
            "year",
            "kind",
            "office",
            "jurisdiction",
            "party",
            "held_on",
            "held_on_precision",
            "ballots_cast",
            "delegates_at_stake",
            "count_status",
            "reporting_percent",
            "reporting_as_of",
            "summary",
            "identifiers",
            "results",
            "race_calls",
            "facts",
            "snapshots",
            "sources",
            "corrections",
            "updated_at",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_snapshots(self, contest) -> str:
        return api_url("snapshot-list", self, query=f"contest={contest.slug}")


class SnapshotEntrySerializer(serializers.ModelSerializer):
    candidate = CandidateLinkField()

    class Meta:
        model = SnapshotEntry
        fields = ["candidate", "votes", "share"]


class SnapshotSerializer(serializers.ModelSerializer):
    url = ApiUrlField("snapshot-detail")
    contest = serializers.SerializerMethodField()
    source = serializers.SerializerMethodField()
    entries = SnapshotEntrySerializer(many=True)

    class Meta:
        model = Snapshot
        fields = [
            "id",
            "url",
            "contest",
            "taken_at",
            "as_of_as_reported",
            "reporting_percent",
            "source",
            "note",
            "entries",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_contest(self, snapshot) -> str:
        return api_url("contest-detail", self, kwargs={"slug": snapshot.contest.slug})

    @extend_schema_field(OpenApiTypes.URI)
    def get_source(self, snapshot) -> str | None:
        if not snapshot.source_is_public:
            return None
        return api_url("source-detail", self, kwargs={"slug": snapshot.source.slug})


class QuoteSerializer(CitedSerializer):
    url = ApiUrlField("quote-detail")
    html_url = HtmlUrlField()
    candidate = CandidateLinkField()
    venue_outlet = OutletSerializer(allow_null=True)

    class Meta:
        model = Quote
        fields = [
            "id",
            "url",
            "html_url",
            "candidate",
            "text",
            "is_partial",
            "speaker_name",
            "speaker_role",
            "venue",
            "venue_outlet",
            "interviewer",
            "said_on",
            "said_on_precision",
            "said_when_as_reported",
            "context",
            "sources",
        ]


class FactSerializer(CitedSerializer):
    url = ApiUrlField("fact-detail")
    html_url = HtmlUrlField()
    candidate = CandidateLinkField()

    class Meta:
        model = Fact
        fields = [
            "id",
            "url",
            "html_url",
            "candidate",
            "topic",
            "statement",
            "occurred_on",
            "sources",
        ]


class SourceSerializer(serializers.ModelSerializer):
    url = ApiUrlField("source-detail", "slug")
    html_url = HtmlUrlField()
    canonical_url = OptionalUrlField(source="url", help_text="Null when not known.")
    archive_url = OptionalUrlField()
    outlet = OutletSerializer()

    class Meta:
        model = Source
        fields = [
            "id",
            "slug",
            "url",
            "html_url",
            "title",
            "headline",
            "standfirst",
            "kind",
            "outlet",
            "canonical_url",
            "published_on",
            "published_on_precision",
            "archive_url",
            "update_note",
            "language",
        ]
