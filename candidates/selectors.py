"""Public reads of candidates and what they said, each in a fixed number of queries."""

from django.db.models import Count, F, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from newsroom.selectors import prefetch_citations

from .models import Candidate, CareerEntry, Fact, PlatformPosition, Quote


def public_candidates():
    return Candidate.objects.published().select_related("party")


def candidate_index():
    """Public candidates with how many of their quotes are public."""
    quotes = (
        Quote.objects.published()
        .filter(candidate=OuterRef("pk"))
        .order_by()
        .values("candidate")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return public_candidates().annotate(quote_count=Coalesce(Subquery(quotes), 0))


def featured_candidates(limit: int):
    """The most quoted candidates: the people the coverage is about."""
    return candidate_index().order_by("-quote_count", "family_name", "full_name")[:limit]


def public_quotes():
    return (
        Quote.objects.published()
        .select_related("candidate", "venue_outlet")
        .order_by(F("said_on").desc(nulls_last=True), "-pk")
    )


def latest_quotes(limit: int):
    return public_quotes()[:limit]


def quote_page_queryset():
    return public_quotes().prefetch_related(prefetch_citations(), "citations__source__contributors")


def fact_page_queryset():
    return (
        Fact.objects.published()
        .select_related("candidate")
        .prefetch_related(prefetch_citations(), "citations__source__contributors")
    )


def profile_queryset():
    """Candidates with every public part of their profile and its public citations."""
    return public_candidates().prefetch_related(
        prefetch_citations(),
        Prefetch(
            "career",
            queryset=CareerEntry.objects.published().prefetch_related(prefetch_citations()),
        ),
        Prefetch(
            "platform",
            queryset=PlatformPosition.objects.published().prefetch_related(prefetch_citations()),
        ),
        Prefetch(
            "quotes",
            queryset=public_quotes().prefetch_related(prefetch_citations()),
        ),
        Prefetch(
            "facts",
            queryset=Fact.objects.published().prefetch_related(prefetch_citations()),
        ),
    )
