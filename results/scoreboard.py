"""What a contest's figures say: shares, the base they are computed on, the leader, the chart,
and where the sources of a figure or state disagree.

Small pure helpers over a contest and its results as prefetched by the selectors. Unknown
numbers stay None, and pages show them as "not reported". A figure some source gives
differently (a citation with `value_as_reported`) is marked "sources differ", with each
value and its source (`newsroom.footnotes.SourceNotes.differences`).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from newsroom.footnotes import Difference, Note, SourceNotes

from .models import Contest, Result


@dataclass(frozen=True)
class ShareBase:
    """The number votes are divided by, and words saying what it is."""

    total: int | None
    description: str


def share_base(contest: Contest, votes: list[int | None]) -> ShareBase:
    """What the votes of the contest's results (`votes`, None where unknown) are shares of."""
    if contest.ballots_cast:
        return ShareBase(contest.ballots_cast, f"of {contest.ballots_cast:,} ballots cast")
    if votes and None not in votes and sum(votes):
        total = sum(votes)
        return ShareBase(
            total,
            f"of the {total:,} votes reported for the candidates listed "
            "(total ballots cast not reported)",
        )
    return ShareBase(None, "")


def winners(contest: Contest, results: list[Result]) -> list:
    """Candidates who won, from the results or else from a confirmed race call."""
    won = [result.candidate for result in results if result.outcome == Result.Outcome.WON]
    if won:
        return won
    return [call.winner for call in standing_calls(contest)]


def standing_calls(contest: Contest) -> list:
    """The contest's confirmed calls not retracted, from the calls its queryset prefetched."""
    if hasattr(contest, "public_race_calls"):
        return contest.public_race_calls
    return [call for call in getattr(contest, "calls_on_record", []) if not call.retracted_at]


def leader(results: list[Result]) -> Result | None:
    """The winner, else the most votes, else the highest reported share."""
    for result in results:
        if result.outcome == Result.Outcome.WON:
            return result
    counted = [result for result in results if result.votes is not None]
    if counted:
        return max(counted, key=lambda result: result.votes)
    shared = [result for result in results if result.reported_share is not None]
    if shared:
        return max(shared, key=lambda result: result.reported_share)
    return None


def summarise(contests) -> list[Contest]:
    """Attach `leading_result` and `winners` to contests from `contests_with_results()`."""
    contests = list(contests)
    for contest in contests:
        results = list(contest.results.all())
        contest.leading_result = leader(results)
        contest.winners = winners(contest, results)
    return contests


def shown_value(obj, field_name: str) -> str:
    """A field's value as the contest page shows it, to set beside other sources' values."""
    if field_name == "item":
        return str(obj)
    value = getattr(obj, field_name, None)
    if value is None or value == "":
        return "not reported"
    if obj._meta.get_field(field_name).choices:
        return getattr(obj, f"get_{field_name}_display")()
    if isinstance(value, Decimal):
        text = f"{value.normalize():f}"
        return f"{text}%" if field_name in PERCENT_FIELDS else text
    return str(value)


#: Fields the contest page shows as percentages.
PERCENT_FIELDS = {"reporting_percent", "reported_share"}


def differences(notes: SourceNotes, obj, citations) -> dict[str, Difference]:
    """The fields of `obj` whose sources disagree, each value with its source."""
    citations = list(citations)
    disputed = {c.field_name or "item" for c in citations if c.value_as_reported}
    shown = {field: shown_value(obj, field) for field in disputed}
    return notes.differences(citations, shown)


@dataclass
class Row:
    result: Result
    share: Decimal | None
    notes: dict[str, list[Note]]
    chart_value: Decimal | None = None
    differences: dict[str, Difference] = field(default_factory=dict)


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    y: int
    width: float
    text_x: float
    text_y: int


@dataclass
class Chart:
    bars: list[Bar]
    description: str
    height: int
    measure: str
    label_width: int = 150
    bar_area: int = 210
    bar_height: int = 24
    gap: int = 12
    width: int = field(init=False)
    label_x: int = field(init=False)

    def __post_init__(self):
        self.width = self.label_width + self.bar_area + 60
        self.label_x = self.label_width - 8


def chart(rows: list[Row], base: ShareBase) -> Chart | None:
    """A bar per candidate with a share: computed from votes if possible, else as reported."""
    computed = all(row.share is not None for row in rows)
    values = [(row, row.share if computed else row.result.reported_share) for row in rows]
    if not rows or any(value is None for _, value in values):
        return None
    measure = f"share {base.description}" if computed else "reported vote share"
    result = Chart(bars=[], description="", height=0, measure=measure)
    for index, (row, value) in enumerate(values):
        y = result.gap + index * (result.bar_height + result.gap)
        width = round(float(value) / 100 * result.bar_area, 1)
        result.bars.append(
            Bar(
                label=row.result.candidate.full_name,
                value_text=f"{value:.1f}%",
                y=y,
                width=width,
                text_x=result.label_width + width + 6,
                text_y=y + result.bar_height - 7,
            )
        )
    result.height = result.gap + len(rows) * (result.bar_height + result.gap)
    listing = ", ".join(f"{bar.label} {bar.value_text}" for bar in result.bars)
    result.description = f"Vote share ({measure}): {listing}."
    return result


@dataclass
class Scoreboard:
    contest: Contest
    notes: SourceNotes
    contest_notes: dict[str, list[Note]]
    rows: list[Row]
    base: ShareBase
    chart: Chart | None
    winners: list
    #: The footnotes of "Winner": the sources of the winners' outcomes, else of the race call.
    winner_notes: list[Note] = field(default_factory=list)
    #: Contest fields whose sources disagree ("count_status": the readings and sources).
    differences: dict[str, Difference] = field(default_factory=dict)


def build_scoreboard(contest: Contest) -> Scoreboard:
    """The contest page's figures, numbering sources in page order."""
    notes = SourceNotes()
    contest_notes = notes.cite_by_field(contest.citations.all())
    contest_differences = differences(notes, contest, contest.citations.all())
    results = list(contest.results.all())
    base = share_base(contest, [result.votes for result in results])
    rows = []
    for result in results:
        row_notes = notes.cite_by_field(result.citations.all())
        rows.append(
            Row(
                result,
                result.computed_share(base.total),
                row_notes,
                differences=differences(notes, result, result.citations.all()),
            )
        )
    for call in contest.calls_on_record:
        call.notes = notes.cite(call.citations.all())
    for fact in contest.facts.all():
        fact.notes = notes.cite(fact.citations.all())
    notes.load_bylines()
    standing = [call for call in contest.calls_on_record if not call.retracted_at]
    winner_notes = _winner_notes(rows, standing)
    return Scoreboard(
        contest=contest,
        notes=notes,
        contest_notes=contest_notes,
        rows=rows,
        base=base,
        chart=chart(rows, base),
        winners=winners(contest, results),
        winner_notes=winner_notes,
        differences=contest_differences,
    )


def _winner_notes(rows: list[Row], calls: list) -> list[Note]:
    """The notes that support the winner shown: the outcome notes of the rows that won,
    else those of the standing race calls (as `winners` chooses)."""
    won = [row for row in rows if row.result.outcome == Result.Outcome.WON]
    found = {}
    for row in won:
        for note in row.notes.get("outcome", []):
            found.setdefault(note.number, note)
    if not won:
        for call in calls:
            for note in getattr(call, "notes", []):
                found.setdefault(note.number, note)
    return [found[number] for number in sorted(found)]
