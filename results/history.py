"""A candidate's contest history, the section results adds to candidate profiles (declared
in results/declarations.py), as it is now or, for a version of the profile, as it was
(`contest_history_as_of`: the candidate's results, their contests and every result of
those contests, public then and now, with the citations they had; a fixed number of
queries whatever the number of contests)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F

from candidates.models import Candidate, Party
from newsroom.editorial.as_of import AsOf, attach, fill, ordered
from newsroom.footnotes import Note, SourceNotes

from .models import Contest, Jurisdiction, Result
from .scoreboard import ShareBase, share_base
from .selectors import candidate_results, votes_by_contest


@dataclass(frozen=True)
class HistoryRow:
    contest: Contest
    result: Result
    share: Decimal | None
    base: ShareBase
    notes: dict[str, list[Note]]


def contest_history(candidate: Candidate, notes: SourceNotes) -> list[HistoryRow]:
    results = list(candidate_results(candidate))
    votes = votes_by_contest({result.contest_id for result in results})
    return [history_row(result, votes[result.contest_id], notes) for result in results]


def history_row(result: Result, votes: list[int | None], notes: SourceNotes) -> HistoryRow:
    """The row of one result, its share of its contest's `votes` (every result's)."""
    base = share_base(result.contest, votes)
    return HistoryRow(
        contest=result.contest,
        result=result,
        share=result.computed_share(base.total),
        base=base,
        notes=notes.cite_by_field(result.citations.all()),
    )


#: The order of `selectors.candidate_results`, for rows read as they were.
_NEWEST_CONTEST_FIRST = (F("contest_year").desc(), F("contest_held_on").desc(nulls_last=True), "pk")


def contest_history_as_of(candidate: Candidate, notes: SourceNotes, state: AsOf):
    """The section as it was at `state`'s moment."""
    public_results = Result.objects.published()
    results = state.rows(Result, candidate_id=candidate.pk, public_now=public_results)
    contests = state.by_pk(
        Contest,
        {result.contest_id for result in results},
        public_now=Contest.objects.published(),
    )
    places = state.by_pk(Jurisdiction, {c.jurisdiction_id for c in contests.values()})
    # A contest was public then only if its place was.
    contests = {pk: c for pk, c in contests.items() if c.jurisdiction_id in places}
    results = [result for result in results if result.contest_id in contests]
    attach(contests.values(), "jurisdiction", places)
    attach(contests.values(), "party", state.by_pk(Party, {c.party_id for c in contests.values()}))
    everyone = state.rows(Result, contest_id__in=list(contests), public_now=public_results)
    by_contest = {pk: [] for pk in contests}
    for result in everyone:
        by_contest[result.contest_id].append(result)
    for pk, contest in contests.items():
        fill(contest, "results", by_contest[pk])
    attach(results, "contest", contests)
    attach(results, "candidate", {candidate.pk: candidate})
    state.cite(results)
    for result in results:
        result.contest_year = result.contest.year
        result.contest_held_on = result.contest.held_on
    return [
        history_row(result, [row.votes for row in by_contest[result.contest_id]], notes)
        for result in ordered(results, _NEWEST_CONTEST_FIRST)
    ]
