"""Planning an import: each row checked against the database and compared with what it holds.

`plan_import()` reads only. Its plan says, row by row, what would be added, changed, left
unchanged, or skipped because an editor locked the figure, and lists every problem; the
service applies a plan only when it has none. With `lock=True` (inside the applying
transaction) the contests and their results are read with `SELECT … FOR UPDATE`, so two
imports of one contest queue behind each other instead of interleaving.
"""

import datetime
import difflib
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cached_property

from django.utils import timezone

from candidates.models import Candidate
from newsroom.models import Source

from ..models import Contest, ImportBatch, Result
from .reading import Problem, ResultsFile, Row, excerpt

#: Result fields an import writes, by column.
RESULT_FIELDS = {"votes": "votes", "share": "reported_share", "delegates": "delegates_won"}
#: Largest values the database columns hold.
MAXIMUM = {"votes": 2_147_483_647, "delegates": 32_767}
#: Columns one contest's rows must agree on: one file holds one update per contest.
PER_CONTEST = ("as_of", "reporting_percent", "source_url")
#: How far ahead of the server's clock an as-of time may be (clocks drift).
CLOCK_TOLERANCE = datetime.timedelta(minutes=5)
#: "Did you mean" is worked out for this many distinct unknown values per column of a file,
#: each compared with at most SUGGESTION_POOL names sharing its first characters, so a file
#: of unknown slugs costs a few small queries whatever the size of the table.
SUGGESTIONS_PER_COLUMN = 5
SUGGESTION_POOL = 200


class Action(StrEnum):
    ADD = "add"
    CHANGE = "change"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class FieldChange:
    column: str
    old: object
    new: object


@dataclass(frozen=True)
class SkippedField:
    column: str
    kept: object
    offered: object
    reason: str


@dataclass
class RowPlan:
    number: int
    contest: Contest
    candidate: Candidate
    result: Result | None
    action: Action = Action.UNCHANGED
    changes: list[FieldChange] = field(default_factory=list)
    skipped: list[SkippedField] = field(default_factory=list)
    #: The figures the file gives for this row (column -> value), changed or not.
    given: dict[str, object] = field(default_factory=dict)

    def after(self, column: str):
        """The value the result would hold for `column` once the import is applied."""
        for change in self.changes:
            if change.column == column:
                return change.new
        return getattr(self.result, RESULT_FIELDS[column]) if self.result else None


@dataclass
class ContestPlan:
    contest: Contest
    as_of: datetime.datetime
    source: Source
    rows: list[RowPlan] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    #: The reporting % the file gives, if any.
    reporting_percent: Decimal | None = None

    @property
    def has_changes(self) -> bool:
        return bool(self.changes) or any(row.action != Action.UNCHANGED for row in self.rows)

    @property
    def replaced_figures(self) -> list[tuple[RowPlan, FieldChange]]:
        """Figures already held that this update replaces (new figures are not counted)."""
        return [
            (row, change)
            for row in self.rows
            if row.result is not None
            for change in row.changes
            if change.old is not None
        ]


@dataclass
class ImportPlan:
    file: ResultsFile
    rows: list[RowPlan] = field(default_factory=list)
    contests: list[ContestPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: An earlier applied import of the very same bytes, if any.
    previous_batch: ImportBatch | None = None
    #: The batch recorded when the plan was applied; None for a dry run or a no-op.
    batch: ImportBatch | None = None

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def has_changes(self) -> bool:
        return any(contest.has_changes for contest in self.contests)

    def count(self, action: Action) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def added(self) -> int:
        return self.count(Action.ADD)

    @property
    def changed(self) -> int:
        return self.count(Action.CHANGE)

    @property
    def unchanged(self) -> int:
        return self.count(Action.UNCHANGED)

    @property
    def skipped(self) -> int:
        return sum(len(row.skipped) for row in self.rows)

    @cached_property
    def fingerprint(self) -> str:
        """Identifies what the plan would do, so an apply can refuse a stale preview."""
        parts = [self.file.sha256]
        for contest in self.contests:
            parts.append(f"{contest.contest.pk}:{_changes_key(contest.changes)}")
        for row in self.rows:
            parts.append(
                f"{row.number}:{row.action}:{_changes_key(row.changes)}:"
                + ",".join(f"{s.column}={s.kept}" for s in row.skipped)
            )
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _changes_key(changes: list[FieldChange]) -> str:
    return ",".join(f"{c.column}={c.old}>{c.new}" for c in changes)


@dataclass
class _Values:
    """One row's cells, parsed; None where a cell is empty or wrong."""

    row: Row
    contest: Contest | None = None
    candidate: Candidate | None = None
    source: Source | None = None
    as_of: datetime.datetime | None = None
    reporting_percent: Decimal | None = None
    figures: dict[str, object] = field(default_factory=dict)
    ok: bool = True


def held_contests(slugs: set[str], *, lock: bool) -> dict[str, Contest]:
    """The contests a file names, locked for the rest of the transaction when `lock` is set."""
    contests = Contest.objects.filter(slug__in=slugs).order_by("pk")
    if lock:
        contests = contests.select_for_update()
    return {contest.slug: contest for contest in contests}


def plan_import(file: ResultsFile, *, lock: bool = False) -> ImportPlan:
    plan = ImportPlan(file=file, problems=list(file.problems))
    if not file.rows:
        return plan
    planner = _Planner(file, plan, lock=lock)
    planner.run()
    plan.previous_batch = ImportBatch.objects.filter(sha256=file.sha256).first()
    return plan


class _Planner:
    def __init__(self, file: ResultsFile, plan: ImportPlan, *, lock: bool):
        self.file = file
        self.plan = plan
        cells = [row.cells for row in file.rows]
        self.contests = held_contests({c["contest"] for c in cells}, lock=lock)
        self.candidates = {
            candidate.slug: candidate
            for candidate in Candidate.objects.filter(slug__in={c["candidate"] for c in cells})
        }
        self.sources = {
            source.url: source
            for source in Source.objects.filter(url__in={c["source_url"] for c in cells} - {""})
        }
        results = Result.objects.filter(contest__in=self.contests.values()).order_by("pk")
        if lock:
            results = results.select_for_update()
        self.results: dict[int, list[Result]] = defaultdict(list)
        for result in results:
            self.results[result.contest_id].append(result)
        self.suggestions: dict[str, dict[str, str | None]] = defaultdict(dict)

    def problem(self, values: _Values, column: str | None, message: str) -> None:
        self.plan.problems.append(Problem(values.row.number, column, message))
        values.ok = False

    def run(self) -> None:
        parsed = [self.parse(row) for row in self.file.rows]
        by_contest: dict[str, list[_Values]] = defaultdict(list)
        for values in parsed:
            if values.contest:
                by_contest[values.contest.slug].append(values)
        for rows in by_contest.values():
            self.check_contest_rows(rows)
        for rows in by_contest.values():
            if all(values.ok for values in rows):
                self.plan_contest(rows)
        self.plan.problems.sort(key=lambda p: (p.row or 0, p.column or ""))

    def parse(self, row: Row) -> _Values:
        values = _Values(row)
        cells = row.cells
        values.contest = self.lookup(values, "contest", self.contests, Contest.objects, "slug")
        values.candidate = self.lookup(
            values, "candidate", self.candidates, Candidate.objects, "slug"
        )
        values.source = self.lookup(
            values, "source_url", self.sources, Source.objects.exclude(url=""), "url"
        )
        values.as_of = self.timestamp(values, cells["as_of"])
        values.reporting_percent = self.percentage(values, "reporting_percent")
        values.figures = {
            "votes": self.whole_number(values, "votes"),
            "share": self.percentage(values, "share"),
            "delegates": self.whole_number(values, "delegates"),
        }
        return values

    def lookup(self, values: _Values, column: str, known: dict, rows, name: str):
        text = values.row.cells[column]
        if not text:
            self.problem(values, column, "is empty.")
            return None
        if text in known:
            return known[text]
        if column == "source_url":
            message = (
                f"no source has the URL “{excerpt(text)}”. Add the source in the admin "
                "(Newsroom › Sources) with this exact URL, then import again."
            )
        else:
            message = f"no {column} has the slug “{excerpt(text)}”."
        close = self.suggestion(column, text, rows, name)
        if close:
            message += f" Did you mean “{close}”?"
        self.problem(values, column, message)
        return None

    def suggestion(self, column: str, text: str, rows, name: str) -> str | None:
        """The known name closest to `text`, looked for among a bounded few (see
        SUGGESTIONS_PER_COLUMN); None when there is none or the file used up its share."""
        asked = self.suggestions[column]
        if text not in asked and len(asked) < SUGGESTIONS_PER_COLUMN:
            prefix = text[: min(max(len(text) // 3, 1), 12)]
            pool = rows.filter(**{f"{name}__startswith": prefix}).order_by(name)
            names = list(pool.values_list(name, flat=True)[:SUGGESTION_POOL])
            close = difflib.get_close_matches(text, names, n=1, cutoff=0.6)
            asked[text] = close[0] if close else None
        return asked.get(text)

    def whole_number(self, values: _Values, column: str) -> int | None:
        text = values.row.cells[column]
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or number != number.to_integral_value():
            self.problem(values, column, f"“{excerpt(text)}” is not a whole number.")
            return None
        if number < 0:
            self.problem(
                values, column, f"“{excerpt(text)}” is negative; {column} cannot be negative."
            )
            return None
        if number > MAXIMUM[column]:
            self.problem(values, column, f"“{excerpt(text)}” is too large to be {column}.")
            return None
        return int(number)

    def percentage(self, values: _Values, column: str) -> Decimal | None:
        text = values.row.cells[column]
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            self.problem(
                values, column, f"“{excerpt(text)}” is not a number (write 56.5, not 56.5%)."
            )
            return None
        if number < 0:
            self.problem(
                values, column, f"“{excerpt(text)}” is negative; a percentage is 0 to 100."
            )
            return None
        if number > 100:
            self.problem(
                values, column, f"“{excerpt(text)}” is above 100; a percentage is 0 to 100."
            )
            return None
        if number != number.quantize(Decimal("0.01")):
            self.problem(values, column, f"“{excerpt(text)}” has more than two decimal places.")
            return None
        return number.quantize(Decimal("0.01"))

    def timestamp(self, values: _Values, text: str) -> datetime.datetime | None:
        if not text:
            self.problem(values, "as_of", "is empty.")
            return None
        example = "e.g. 2024-03-05T21:30:00-11:00"
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            self.problem(
                values, "as_of", f"“{excerpt(text)}” is not an ISO 8601 date and time, {example}."
            )
            return None
        if timezone.is_naive(moment):
            self.problem(
                values, "as_of", f"“{excerpt(text)}” has no time zone; add one, {example}."
            )
            return None
        if moment > timezone.now() + CLOCK_TOLERANCE:
            self.problem(values, "as_of", f"“{excerpt(text)}” is in the future.")
            return None
        return moment

    def check_contest_rows(self, rows: list[_Values]) -> None:
        first = rows[0]
        contest = first.contest
        seen: dict[str, int] = {}
        with_results = {result.candidate_id for result in self.results[contest.pk]}
        for values in rows:
            slug = values.row.cells["candidate"]
            if values.candidate and values.candidate.pk not in with_results:
                # The same rule as a result added in the admin: a published contest names
                # only candidates readers may see.
                new_result = Result(contest=contest, candidate=values.candidate)
                refusal = new_result.hidden_candidate_error()
                if refusal:
                    self.problem(values, "candidate", refusal)
            if slug in seen:
                self.problem(
                    values,
                    "candidate",
                    f"repeats row {seen[slug]}: “{slug}” appears twice for {contest.slug}.",
                )
            else:
                seen[slug] = values.row.number
            for column in PER_CONTEST:
                mine, theirs = values.row.cells[column], first.row.cells[column]
                if values is not first and mine != theirs:
                    self.problem(
                        values,
                        column,
                        f"“{mine}” differs from row {first.row.number} (“{theirs}”). "
                        f"All rows of {contest.slug} share one {column}: "
                        "one file holds one update per contest.",
                    )
        held = contest.reporting_as_of
        if first.as_of and held and first.as_of < held:
            self.problem(
                first,
                "as_of",
                f"“{first.row.cells['as_of']}” is older than the figures already held for "
                f"{contest.slug} (as of {held.isoformat()}); "
                "importing it would roll the count back.",
            )

    def plan_contest(self, rows: list[_Values]) -> None:
        first = rows[0]
        contest = first.contest
        existing = {result.candidate_id: result for result in self.results[contest.pk]}
        contest_plan = ContestPlan(
            contest=contest,
            as_of=first.as_of,
            source=first.source,
            reporting_percent=first.reporting_percent,
        )
        for values in rows:
            row_plan = self.plan_row(values, existing.get(values.candidate.pk))
            contest_plan.rows.append(row_plan)
            self.plan.rows.append(row_plan)
        self.check_totals(contest_plan, rows, existing)
        if (
            first.reporting_percent is not None
            and first.reporting_percent != contest.reporting_percent
        ):
            contest_plan.changes.append(
                FieldChange("reporting_percent", contest.reporting_percent, first.reporting_percent)
            )
        if first.as_of != contest.reporting_as_of:
            contest_plan.changes.append(FieldChange("as_of", contest.reporting_as_of, first.as_of))
        if contest.count_status == Contest.CountStatus.SCHEDULED and contest_plan.has_changes:
            contest_plan.changes.append(
                FieldChange("count_status", contest.count_status, Contest.CountStatus.COUNTING)
            )
        self.plan.contests.append(contest_plan)

    def plan_row(self, values: _Values, result: Result | None) -> RowPlan:
        row_plan = RowPlan(values.row.number, values.contest, values.candidate, result)
        row_plan.given = {k: v for k, v in values.figures.items() if v is not None}
        locked = set(result.locked_fields) if result else set()
        for column, new in values.figures.items():
            if new is None:
                continue
            name = RESULT_FIELDS[column]
            old = getattr(result, name) if result else None
            if result and old == new:
                continue
            if name in locked or column in locked:
                row_plan.skipped.append(
                    SkippedField(column, old, new, "locked by an editor; the import keeps it.")
                )
                continue
            row_plan.changes.append(FieldChange(column, old, new))
        if result is None:
            row_plan.action = Action.ADD
        elif row_plan.changes:
            row_plan.action = Action.CHANGE
        return row_plan

    def check_totals(self, contest_plan: ContestPlan, rows: list[_Values], existing) -> None:
        contest = contest_plan.contest
        in_file = {row.candidate.pk for row in contest_plan.rows}
        untouched = [r for candidate, r in existing.items() if candidate not in in_file]
        votes = sum(row.after("votes") or 0 for row in contest_plan.rows)
        votes += sum(result.votes or 0 for result in untouched)
        delegates = sum(row.after("delegates") or 0 for row in contest_plan.rows)
        delegates += sum(result.delegates_won or 0 for result in untouched)
        limits = (
            ("votes", votes, contest.ballots_cast, "ballots cast"),
            ("delegates", delegates, contest.delegates_at_stake, "delegates at stake"),
        )
        for column, total, limit, what in limits:
            if limit is None or total <= limit:
                continue
            given = [values for values in rows if values.figures[column] is not None]
            self.problem(
                given[-1] if given else rows[-1],
                column,
                f"{column} for all candidates in {contest.slug} would total {total}, "
                f"more than the {limit} {what}.",
            )
