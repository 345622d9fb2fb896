"""Public reads of contests, results and jurisdictions, each in a fixed number of queries."""

from collections import defaultdict

from django.db.models import Exists, F, OuterRef, Prefetch

from candidates.models import Candidate
from newsroom.editorial.publishing import published_q
from newsroom.selectors import prefetch_citations

from .models import Contest, ContestFact, Jurisdiction, RaceCall, Result


def public_contests():
    return Contest.objects.published().select_related("jurisdiction", "party")


def public_jurisdictions():
    return Jurisdiction.objects.published()


def results_with_candidates():
    """Results in display order, each knowing whether its candidate may be linked."""
    return (
        Result.objects.select_related("candidate")
        .annotate(
            candidate_is_public=Exists(
                Candidate.objects.published().filter(pk=OuterRef("candidate"))
            )
        )
        .order_by("position", F("votes").desc(nulls_last=True), "pk")
    )


def public_race_calls():
    return RaceCall.objects.published().select_related("winner", "reported_by")


def contests_with_results(queryset):
    """Contests with their results and confirmed race calls, for summaries and leaders."""
    return queryset.prefetch_related(
        Prefetch("results", queryset=results_with_candidates()),
        Prefetch("race_calls", queryset=public_race_calls(), to_attr="public_race_calls"),
    )


def latest_contests(limit: int):
    ordered = public_contests().order_by(
        "-year", F("held_on").desc(nulls_last=True), "jurisdiction__name", "party__name"
    )
    return contests_with_results(ordered)[:limit]


def contest_page_queryset(*, preview: bool = False):
    """Contests with everything their page shows, and the public citations of each part.

    Its race calls are in `calls_on_record`: confirmed ones, retracted ones included.

    With `preview` (staff), any contest, with the parts that are public once it is.
    """
    # Calls on record: a retracted call that was public stays on the page, marked retracted.
    calls = RaceCall.objects.filter(confirmed_at__isnull=False)
    calls = calls.select_related("winner", "reported_by").order_by("confirmed_at", "pk")
    if preview:
        contests = Contest.objects.select_related("jurisdiction", "party")
        facts = ContestFact.objects.filter(published_q())
    else:
        contests = public_contests()
        facts = ContestFact.objects.published()
    return contests.prefetch_related(
        prefetch_citations(),
        Prefetch(
            "results", queryset=results_with_candidates().prefetch_related(prefetch_citations())
        ),
        Prefetch("facts", queryset=facts.prefetch_related(prefetch_citations())),
        Prefetch(
            "race_calls",
            queryset=calls.prefetch_related(prefetch_citations()),
            to_attr="calls_on_record",
        ),
    )


def jurisdiction_contests(jurisdiction: Jurisdiction, *, preview: bool = False):
    """The place's public contests, newest first; with `preview` (staff), those public once
    the place is."""
    if preview:
        contests = Contest.objects.filter(published_q()).select_related("jurisdiction", "party")
    else:
        contests = public_contests()
    ordered = contests.filter(jurisdiction=jurisdiction).order_by(
        "-year", F("held_on").desc(nulls_last=True), "party__name", "pk"
    )
    return contests_with_results(ordered)


def candidate_results(candidate: Candidate):
    """A candidate's results in public contests, newest first, with their citations."""
    return (
        Result.objects.published()
        .filter(candidate=candidate)
        .select_related("contest__jurisdiction", "contest__party")
        .prefetch_related(prefetch_citations())
        .order_by("-contest__year", F("contest__held_on").desc(nulls_last=True), "pk")
    )


def votes_by_contest(contest_ids) -> dict[int, list[int | None]]:
    """The votes of every result of these contests (None where not reported), by contest:
    one query of two columns, for shares of a total without loading the rows."""
    votes = defaultdict(list)
    rows = Result.objects.filter(contest__in=contest_ids).order_by("contest", "pk")
    for contest_id, count in rows.values_list("contest", "votes"):
        votes[contest_id].append(count)
    return votes
