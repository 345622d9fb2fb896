"""Public reads of candidates and what they said, each in a fixed number of queries."""

from collections import Counter

from django.conf import settings
from django.db.models import Count, F, Window

from newsroom.editorial.publishing import published_q
from newsroom.selectors import attach_citations, prefetch_citations

from .models import Candidate, Fact, Quote
from .profile import PARTS


def public_candidates():
    return Candidate.objects.published().select_related("party")


def with_quote_counts(candidates) -> list:
    """The candidates (a page of them), each with `quote_count`, how many of their quotes
    are public: one query for the page, counted only for its rows."""
    candidates = list(candidates)
    counts = dict(
        Quote.objects.published()
        .filter(candidate__in=[candidate.pk for candidate in candidates])
        .order_by()
        .values("candidate")
        .annotate(total=Count("pk"))
        .values_list("candidate", "total")
    )
    for candidate in candidates:
        candidate.quote_count = counts.get(candidate.pk, 0)
    return candidates


#: How many of the latest public quotes decide who the home page features.
FEATURED_WINDOW = 500


def featured_candidates(limit: int) -> list:
    """The candidates most quoted lately: the people the coverage is about now.

    Counted over the latest FEATURED_WINDOW public quotes (ties by name), so the home page
    reads a bounded number of rows whatever the size of the archive; when too few were
    quoted lately, the first others by name follow. Three queries (four when too few were
    quoted): the window's candidates, their names to rank them by (hundreds of them, read
    as values, not rows), and the `limit` rows shown."""
    counts = Counter(public_quotes().values_list("candidate_id", flat=True)[:FEATURED_WINDOW])
    names = list(
        Candidate.objects.published()
        .filter(pk__in=list(counts))
        .values_list("pk", "family_name", "full_name")
    )
    if len(names) < limit:
        by_name = Candidate.objects.published().order_by("family_name", "full_name", "pk")
        names += by_name.exclude(pk__in=list(counts)).values_list("pk", "family_name", "full_name")[
            : limit - len(names)
        ]
    ranked = sorted(names, key=lambda row: (-counts.get(row[0], 0), row[1], row[2], row[0]))
    chosen = [pk for pk, _, _ in ranked[:limit]]
    shown = public_candidates().in_bulk(chosen)
    return [shown[pk] for pk in chosen if pk in shown]


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
    """Candidates with their party, for a profile; its parts are read by
    `latest_parts`, with the candidate's citations and theirs.

    With `preview` (staff), any candidate.
    """
    return Candidate.objects.select_related("party") if preview else public_candidates()


def latest_part_rows(name: str, candidate: Candidate, *, preview: bool = False) -> list:
    """The first `PROFILE_LATEST_ITEMS` public rows of one part of `candidate`'s profile,
    each with how many there are in all (`part_total`, counted by the same query): one
    query however much the candidate has said.

    With `preview` (staff), the rows that are public once the candidate is."""
    rows = (
        public_part(name, preview=preview)
        .filter(candidate=candidate)
        .annotate(part_total=Window(Count("pk")))
    )
    return list(rows[: settings.PROFILE_LATEST_ITEMS])


def latest_parts(candidate: Candidate, *, preview: bool = False) -> dict[str, list]:
    """The latest rows of every part of the profile (`latest_part_rows`), and the public
    citations of the candidate and of those rows: a query a part and one for the citations
    of them all."""
    latest = {name: latest_part_rows(name, candidate, preview=preview) for name in PARTS}
    attach_citations([candidate], *latest.values())
    return latest


def part_page_queryset(name: str, candidate: Candidate, *, preview: bool = False):
    """One candidate's public rows of a part, for its paginated page, with their citations."""
    return (
        public_part(name, preview=preview)
        .filter(candidate=candidate)
        .select_related("candidate")
        .prefetch_related(prefetch_citations())
    )
