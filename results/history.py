"""A candidate's contest history, the section results adds to candidate profiles (declared
in results/declarations.py)."""

from dataclasses import dataclass
from decimal import Decimal

from candidates.models import Candidate
from newsroom.footnotes import Note, SourceNotes

from .models import Contest, Result
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
    rows = []
    for result in results:
        base = share_base(result.contest, votes[result.contest_id])
        rows.append(
            HistoryRow(
                contest=result.contest,
                result=result,
                share=result.computed_share(base.total),
                base=base,
                notes=notes.cite_by_field(result.citations.all()),
            )
        )
    return rows
