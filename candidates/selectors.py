"""Public reads of candidates and what they said, each in a fixed number of queries."""

from django.db.models import Count, F, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from newsroom.editorial.publishing import published_q
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


def quote_page_queryset(*, preview: bool = False):
    """Public quotes with their page's citations; with `preview`, staff's: any quote."""
    if preview:
        quotes = Quote.objects.select_related("candidate", "venue_outlet")
    else:
        quotes = public_quotes()
    return quotes.prefetch_related(prefetch_citations(), "citations__source__contributors")


def fact_page_queryset(*, preview: bool = False):
    facts = Fact.objects.all() if preview else Fact.objects.published()
    return facts.select_related("candidate").prefetch_related(
        prefetch_citations(), "citations__source__contributors"
    )


def profile_queryset(*, preview: bool = False):
    """Candidates with every public part of their profile and its public citations.

    With `preview` (staff), any candidate, with the parts that are public once it is: the
    parts' own status counts, not the candidate's.
    """

    def parts(model):
        rows = model.objects.filter(published_q()) if preview else model.objects.published()
        return rows.prefetch_related(prefetch_citations())

    candidates = Candidate.objects.select_related("party") if preview else public_candidates()
    return candidates.prefetch_related(
        prefetch_citations(),
        Prefetch("career", queryset=parts(CareerEntry)),
        Prefetch("platform", queryset=parts(PlatformPosition)),
        Prefetch(
            "quotes",
            queryset=parts(Quote)
            .select_related("candidate", "venue_outlet")
            .order_by(F("said_on").desc(nulls_last=True), "-pk"),
        ),
        Prefetch("facts", queryset=parts(Fact)),
    )
