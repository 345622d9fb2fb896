"""Endpoints of the API: each a read-only viewset over a `published()` queryset.

Related rows come through `select_related` and `prefetch_related`, so a page costs the same
number of queries whatever its size.
"""

from django.db.models import Exists, F, OuterRef, Prefetch
from django.views.generic import TemplateView
from drf_spectacular.generators import SchemaGenerator

from candidates.models import Candidate, Fact, Quote
from newsroom.editorial.public import corrections_of_pages
from newsroom.models import Citation, ExternalIdentifier, Source
from results.models import (
    Contest,
    ContestFact,
    Jurisdiction,
    RaceCall,
    Result,
    Snapshot,
    SnapshotEntry,
)

from . import filters, serializers
from .conventions import PublicViewSet, documented


def public_citations() -> Prefetch:
    """A resource's published citations with their source's slug (what `sources` links
    to); not the source's text, which can be a whole article per citation."""
    return Prefetch(
        "citations",
        queryset=Citation.objects.published()
        .select_related("source")
        .only(*CITATION_FIELDS, "source__slug")
        .order_by("field_name", "pk"),
        to_attr="public_citations",
    )


#: What a citation's JSON (serializers.CitationSerializer) and its prefetch read.
CITATION_FIELDS = (
    "content_type_id",
    "object_id",
    "source_id",
    "field_name",
    "pinpoint",
    "quoted_passage",
)


def identifiers() -> Prefetch:
    """A resource's external ids (serializers.IdentifiersField), by registry."""
    return Prefetch("identifiers", queryset=ExternalIdentifier.objects.order_by("scheme", "pk"))


def is_public_candidate(field: str = "candidate") -> Exists:
    return Exists(Candidate.objects.published().filter(pk=OuterRef(field)))


@documented(serializers.CandidateSerializer, lookup="slug")
class CandidateViewSet(PublicViewSet):
    """Candidates, with their party and the sources of each field."""

    serializer_class = serializers.CandidateSerializer
    filterset_class = filters.CandidateFilter
    lookup_field = "slug"
    page_route = "candidates:candidate_detail"

    def get_queryset(self):
        return (
            Candidate.objects.published()
            .select_related("party")
            .prefetch_related(public_citations(), identifiers())
            .order_by("family_name", "full_name", "pk")
        )


@documented(serializers.ContestSerializer, lookup="slug")
class ContestViewSet(PublicViewSet):
    """Contests with their results, confirmed race calls, facts and sources."""

    serializer_class = serializers.ContestSerializer
    filterset_class = filters.ContestFilter
    lookup_field = "slug"
    page_route = "results:contest_detail"

    def get_queryset(self):
        results = (
            Result.objects.select_related("candidate")
            .annotate(candidate_is_public=is_public_candidate())
            .prefetch_related(public_citations())
            .order_by("position", F("votes").desc(nulls_last=True), "pk")
        )
        calls = (
            RaceCall.objects.on_record()
            .select_related("winner", "reported_by")
            .annotate(winner_is_public=is_public_candidate("winner"))
            .prefetch_related(public_citations())
        )
        facts = ContestFact.objects.published().prefetch_related(public_citations())
        return (
            Contest.objects.published()
            .select_related("jurisdiction", "party")
            .prefetch_related(
                public_citations(),
                identifiers(),
                Prefetch("results", queryset=results),
                Prefetch("race_calls", queryset=calls, to_attr="calls_on_record"),
                Prefetch("facts", queryset=facts, to_attr="public_facts"),
            )
            .order_by("-year", "jurisdiction__name", "party__name", "pk")
        )

    def get_serializer(self, *args, **kwargs):
        if args:
            contests = [args[0]] if isinstance(args[0], Contest) else list(args[0])
            pages = [(contest, contest.results.all(), contest.public_facts) for contest in contests]
            for contest, shown in zip(contests, corrections_of_pages(pages), strict=True):
                contest.public_corrections = shown
        return super().get_serializer(*args, **kwargs)


@documented(serializers.PlaceSerializer, lookup="slug")
class PlaceViewSet(PublicViewSet):
    """Places that hold contests, with their Open Civic Data division ids."""

    serializer_class = serializers.PlaceSerializer
    filterset_class = filters.PlaceFilter
    lookup_field = "slug"
    page_route = "results:jurisdiction_detail"

    def get_queryset(self):
        return (
            Jurisdiction.objects.published().prefetch_related(identifiers()).order_by("name", "pk")
        )


@documented(serializers.SnapshotSerializer, lookup="id")
class SnapshotViewSet(PublicViewSet):
    """How counts moved: each update with every candidate's figures, newest first."""

    serializer_class = serializers.SnapshotSerializer
    filterset_class = filters.SnapshotFilter

    def get_queryset(self):
        entries = (
            SnapshotEntry.objects.select_related("candidate")
            .annotate(candidate_is_public=is_public_candidate())
            .order_by("candidate__family_name", "candidate__full_name", "pk")
        )
        return (
            Snapshot.objects.published()
            .select_related("contest", "source")
            .annotate(
                source_is_public=Exists(Source.objects.published().filter(pk=OuterRef("source")))
            )
            .prefetch_related(Prefetch("entries", queryset=entries))
            .order_by(F("taken_at").desc(nulls_last=True), "-pk")
        )


@documented(serializers.QuoteSerializer, lookup="id")
class QuoteViewSet(PublicViewSet):
    """Candidates' words, verbatim, with where and when they were said."""

    serializer_class = serializers.QuoteSerializer
    filterset_class = filters.QuoteFilter

    def get_queryset(self):
        return (
            Quote.objects.published()
            .select_related("candidate", "venue_outlet")
            .prefetch_related(public_citations())
            .order_by(F("said_on").desc(nulls_last=True), "pk")
        )


@documented(serializers.FactSerializer, lookup="id")
class FactViewSet(PublicViewSet):
    """Sourced statements about candidates, in our own words."""

    serializer_class = serializers.FactSerializer
    filterset_class = filters.FactFilter

    def get_queryset(self):
        return (
            Fact.objects.published()
            .select_related("candidate")
            .prefetch_related(public_citations())
            .order_by("candidate__family_name", "position", "pk")
        )


@documented(serializers.SourceSerializer, lookup="slug")
class SourceViewSet(PublicViewSet):
    """The documents behind every figure, quote and fact."""

    serializer_class = serializers.SourceSerializer
    filterset_class = filters.SourceFilter
    lookup_field = "slug"
    page_route = "newsroom:source_detail"

    def get_queryset(self):
        return (
            Source.objects.published()
            .select_related("outlet")
            .order_by(F("published_on").desc(nulls_last=True), "headline", "pk")
        )


class ApiDocsView(TemplateView):
    """The API's endpoints and parameters, rendered from the OpenAPI schema on our server."""

    template_name = "api/docs.html"

    def get_context_data(self, **kwargs):
        schema = SchemaGenerator().get_schema(request=None, public=True)
        endpoints = [
            {"path": path, "method": method.upper(), **operation}
            for path, methods in schema["paths"].items()
            for method, operation in methods.items()
        ]
        return super().get_context_data(schema=schema, endpoints=endpoints, **kwargs)
