"""Writes of the results desk that span models: applying a results file, and the steps of a
race call (entering, confirming, retracting with its public record).

An import is all or nothing. The file is read and planned again inside one transaction that
locks the contests it names, so the plan applied is the one checked against the figures held
at that moment; any problem rolls everything back. Applying a file whose figures are already
held writes nothing, not even an import record.

Published numbers never change silently: when an import replaces figures readers could see
(votes, shares or delegates already held for a public contest), it records a public
correction of kind "update" on the contest, with the importer's note or one saying what
reporting level the new figures come from.

Race calls: `RaceCall` guards its states itself; these are the doors that name the person
taking each step. A retraction of a call readers could see is recorded as a public
correction of kind "retraction" on its contest, so it is listed on the contest's page and in
/corrections/ with the note.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from newsroom.editorial import corrections
from newsroom.models import Citation, Correction
from newsroom.statistics import analyze

from .importing.planning import RESULT_FIELDS, Action, ContestPlan, ImportPlan, plan_import
from .importing.reading import Problem, read_results_file
from .models import Contest, ImportBatch, RaceCall, Result, Snapshot, SnapshotEntry

STALE_PREVIEW = (
    "the figures held changed since the preview (another import or an editor's edit). "
    "Preview the file again before applying it."
)


class ImportRejected(Exception):
    """The file has problems; nothing was written. `plan.problems` lists them."""

    def __init__(self, plan: ImportPlan):
        self.plan = plan
        super().__init__("; ".join(str(problem) for problem in plan.problems))


def import_results(
    content: bytes,
    *,
    filename: str,
    dry_run: bool,
    by: AbstractBaseUser | None = None,
    previewed: str = "",
    note: str = "",
) -> ImportPlan:
    """Preview (`dry_run=True`) or apply a results file.

    A dry run returns the plan, problems included, and writes nothing. Applying raises
    `ImportRejected` if any row has a problem, or if `previewed` (the fingerprint of the plan
    the editor saw) no longer matches. Returns the applied plan, its `batch` set when it
    changed anything. `note` is the public note of the "update" correction recorded for each
    public contest whose figures change (a note naming the reporting level if empty).
    """
    file = read_results_file(content, filename=filename)
    if dry_run:
        return plan_import(file)
    with transaction.atomic():
        plan = plan_import(file, lock=True)
        if plan.is_valid and previewed and previewed != plan.fingerprint:
            plan.problems.append(Problem(None, None, STALE_PREVIEW))
        if not plan.is_valid:
            raise ImportRejected(plan)
        if plan.has_changes:
            plan.batch = _record(plan, by=by, note=note.strip())
    if plan.has_changes:
        # Outside the import's transaction: the statistics count its rows.
        transaction.on_commit(_refresh_statistics)
    return plan


def _refresh_statistics() -> None:
    analyze(Contest, Result, Snapshot, SnapshotEntry, ImportBatch, Citation, Correction)


def _record(plan: ImportPlan, *, by, note: str) -> ImportBatch:
    batch = ImportBatch.objects.create(
        filename=plan.file.filename[:255],
        sha256=plan.file.sha256,
        content=plan.file.text,
        imported_by=by,
        rows_added=plan.added,
        rows_changed=plan.changed,
        rows_unchanged=plan.unchanged,
        fields_skipped=plan.skipped,
    )
    for contest_plan in plan.contests:
        if contest_plan.has_changes:
            _apply_contest(contest_plan, batch=batch, by=by)
            _record_update(contest_plan, by=by, note=note)
    return batch


def default_update_note(contest: Contest) -> str:
    """The public note of an import's update when the importer gave none."""
    if contest.reporting_percent is not None:
        level = f"{contest.reporting_percent.normalize():f}% of the expected vote reporting"
    else:
        level = "reporting level not stated"
    when = ""
    if contest.reporting_as_of:
        moment = timezone.localtime(contest.reporting_as_of)
        when = f", as of {date_format(moment, 'DATETIME_FORMAT')}"
    return f"Results updated from a later count ({level}{when})."


def _record_update(contest_plan: ContestPlan, *, by, note: str) -> Correction | None:
    """The public "update" record of figures readers could see, replaced by this import."""
    contest = contest_plan.contest
    replaced = contest_plan.replaced_figures
    if not replaced or not Contest.objects.published().filter(pk=contest.pk).exists():
        return None
    changes = {}
    for row, change in replaced:
        field = Result._meta.get_field(RESULT_FIELDS[change.column])
        changes[f"{row.candidate.slug}: {field.name}"] = {
            "label": f"{field.verbose_name} for {row.candidate.full_name}",
            "from": corrections.display(change.old),
            "to": corrections.display(change.new),
        }
    for change in contest_plan.changes:
        if change.column == "reporting_percent" and change.old is not None:
            changes["reporting_percent"] = {
                "label": str(Contest._meta.get_field("reporting_percent").verbose_name),
                "from": corrections.display(change.old),
                "to": corrections.display(change.new),
            }
    return corrections.record(
        contest,
        Correction.Kind.UPDATE,
        note or default_update_note(contest),
        changes,
        by,
    )


def _apply_contest(contest_plan: ContestPlan, *, batch: ImportBatch, by) -> None:
    contest = contest_plan.contest
    source = contest_plan.source
    result_type = ContentType.objects.get_for_model(Result)
    next_position = max((row.result.position for row in contest_plan.rows if row.result), default=0)
    next_position = max(next_position, contest.results.count()) + 1
    # The contest first: its new history record opens the version this import makes, and
    # the rows and citations saved after it belong to that version (a version permalink
    # reads the rows as they were when its version ended: newsroom.editorial.versions).
    changes = {change.column: change.new for change in contest_plan.changes}
    updated = ["updated_at"]
    if "reporting_percent" in changes:
        contest.reporting_percent = changes["reporting_percent"]
        updated.append("reporting_percent")
    if "as_of" in changes:
        # The newsroom's wording ("Tuesday night") described the previous as-of time.
        contest.reporting_as_of = changes["as_of"]
        contest.reporting_as_of_as_reported = ""
        updated += ["reporting_as_of", "reporting_as_of_as_reported"]
    if "count_status" in changes:
        contest.count_status = changes["count_status"]
        updated.append("count_status")
    contest._history_user = by
    contest.save(update_fields=updated)
    if "reporting_percent" in changes:
        _cite(
            ContentType.objects.get_for_model(Contest),
            contest.pk,
            "reporting_percent",
            source,
            batch,
        )

    # Delegates move between candidates: lower counts first, so the running total the
    # database triggers check never passes the delegates at stake mid-way.
    rows = sorted(
        contest_plan.rows,
        key=lambda row: (
            (row.after("delegates") or 0) - ((row.result.delegates_won or 0) if row.result else 0)
        ),
    )
    for row in rows:
        if row.action == Action.UNCHANGED:
            continue
        result = row.result
        if result is None:
            result = Result(contest=contest, candidate=row.candidate, position=next_position)
            next_position += 1
        for change in row.changes:
            setattr(result, RESULT_FIELDS[change.column], change.new)
        result._history_user = by
        result.save()
        for change in row.changes:
            _cite(result_type, result.pk, RESULT_FIELDS[change.column], source, batch)

    # The update records what this file's source says, and nothing held from other sources
    # (another outlet's shares, candidates the file does not list).
    snapshot = Snapshot.objects.create(
        contest=contest,
        taken_at=contest_plan.as_of,
        reporting_percent=contest_plan.reporting_percent,
        source=source,
        note=f"Imported from {batch.filename}.",
        import_batch=batch,
    )
    SnapshotEntry.objects.bulk_create(
        SnapshotEntry(
            snapshot=snapshot,
            candidate_id=row.candidate.pk,
            votes=row.given.get("votes"),
            share=row.given.get("share"),
        )
        for row in sorted(contest_plan.rows, key=lambda row: row.number)
    )


def _cite(content_type, object_id: int, field_name: str, source, batch: ImportBatch) -> None:
    Citation.objects.get_or_create(
        content_type=content_type,
        object_id=object_id,
        field_name=field_name,
        source=source,
        pinpoint="",
        defaults={"note": f"Imported from {batch.filename}."},
    )


def enter_call(call: RaceCall, *, by: AbstractBaseUser) -> RaceCall:
    """Save a new call, or a change to a pending one, as entered by `by`, who therefore
    cannot confirm it. Raises ValidationError, by field, for what the call may not say."""
    call.entered_by = by
    call._history_user = by
    call.full_clean()
    call.save()
    return call


def confirm_call(call: RaceCall, *, by: AbstractBaseUser) -> RaceCall:
    """The second person's confirmation, which makes the call public. Raises
    `RaceCall.CannotConfirm` saying why when `by` may not, or the call is not ready."""
    with transaction.atomic():
        call.confirm(by=by)
    return call


def retract_call(call: RaceCall, *, by: AbstractBaseUser, note: str) -> RaceCall:
    """Withdraw the call with a public note. A call readers could see stays on record as
    retracted and gets a public correction on its contest. Raises `RaceCall.CannotConfirm`."""
    with transaction.atomic():
        was_public = RaceCall.objects.published().filter(pk=call.pk).exists()
        call.retract(by=by, note=note)
        if was_public:
            corrections.record(
                call.contest,
                Correction.Kind.RETRACTION,
                call.retraction_note,
                {
                    f"race call {call.pk}": {
                        "label": "race call",
                        "from": f"{call.winner} declared the winner by {call.called_by}",
                        "to": "retracted",
                    }
                },
                by,
            )
    return call
