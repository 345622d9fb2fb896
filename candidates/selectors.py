"""Public reads of candidates and what they said, each in a fixed number of queries."""

from django.conf import settings
from django.db.models import Count, F, OuterRef, Subquery, Window
from django.db.models.functions import Coalesce

from newsroom.editorial.publishing import published_q
from newsroom.selectors import prefetch_citations

from .models import Candidate, Fact, Quote
from .profile import PARTS


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


def public_part(name: str, *, preview: bool = False):
    """The public rows of one part of profiles (`candidates.profile.PARTS`), in its order.

    With `preview` (staff), the rows that are public once their candidate is: the parts'
    own status counts, not the candidate's."""
    part = PARTS[name]
    model = part.model
    rows = model.objects.filter(published_q()) if preview else model.objects.published()
    if model is Quote:
        rows = rows.select_related("venue_outlet")
    return rows.order_by(*part.ordering)


def profile_queryset(*, preview: bool = False):
    """Candidates with their party and public citations, for a profile; its parts are read
    by `latest_part_rows`, one query each.

    With `preview` (staff), any candidate.
    """
    candidates = Candidate.objects.select_related("party") if preview else public_candidates()
    return candidates.prefetch_related(prefetch_citations())


def latest_part_rows(name: str, candidate: Candidate, *, preview: bool = False) -> list:
    """The first `PROFILE_LATEST_ITEMS` public rows of one part of `candidate`'s profile,
    each with how many there are in all (`part_total`, counted by the same query), and
    their public citations: two queries however much the candidate has said.

    With `preview` (staff), the rows that are public once the candidate is."""
    rows = (
        public_part(name, preview=preview)
        .filter(candidate=candidate)
        .annotate(part_total=Window(Count("pk")))
        .prefetch_related(prefetch_citations())
    )
    return list(rows[: settings.PROFILE_LATEST_ITEMS])


def part_page_queryset(name: str, candidate: Candidate, *, preview: bool = False):
    """One candidate's public rows of a part, for its paginated page, with their citations."""
    return (
        public_part(name, preview=preview)
        .filter(candidate=candidate)
        .select_related("candidate")
        .prefetch_related(prefetch_citations())
    )
