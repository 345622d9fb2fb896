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

from collections import defaultdict

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format

from newsroom import bulk, cited_values
from newsroom.editorial import corrections, versions, workflow
from newsroom.models import Citation, Correction, Source
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
    """Apply every contest's changes in a fixed number of statements per model, whatever
    the number of rows: results, contests, citations, snapshots and the public update
    records are each written in bulk (newsroom.bulk keeps versions, history and the cache's
    listeners as `save()` would), under the row locks the plan took."""
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
    applying = [contest_plan for contest_plan in plan.contests if contest_plan.has_changes]
    # One moment for every history record the import writes: the contest's record opens the
    # version this import makes, and its rows and citations, of the same moment, belong to
    # it (a version permalink reads rows recorded before its end: editorial.as_of).
    now = timezone.now()
    # Readers could see the figures of these contests before the import (asked before any
    # write: the import does not change what is published).
    public = set(
        Contest.objects.published()
        .filter(pk__in=[contest_plan.contest.pk for contest_plan in applying])
        .values_list("pk", flat=True)
    )
    cited = _Citations(batch, by=by, now=now)
    _apply_results(applying, cited, by=by, now=now)
    _apply_contests(applying, cited, by=by, now=now)
    cited.write()
    _take_snapshots(applying, batch)
    workflow.note_steps(
        [contest_plan.contest for contest_plan in applying],
        by=by,
        note=f"imported from {batch.filename} (import batch {batch.pk})",
        at=now,
    )
    records = [
        _update_record(contest_plan, by=by, note=note)
        for contest_plan in applying
        if contest_plan.contest.pk in public
    ]
    bulk.create(Correction, [record for record in records if record is not None])
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


def _update_record(contest_plan: ContestPlan, *, by, note: str) -> Correction | None:
    """The public "update" record (unsaved) of figures readers could see, replaced by this
    import, for a contest readers see; None when it replaces none."""
    contest = contest_plan.contest
    replaced = contest_plan.replaced_figures
    if not replaced:
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
    return corrections.build(
        contest,
        Correction.Kind.UPDATE,
        note or default_update_note(contest),
        changes,
        by,
        public=True,
    )


class _Citations:
    """The file's source cites every figure the import writes: the citations it does not
    hold yet, found in one query and written in one INSERT."""

    def __init__(self, batch: ImportBatch, *, by, now):
        self.batch, self.by, self.now = batch, by, now
        self.wanted: dict[tuple[int, int, str, int], Source] = {}

    def add(self, item, field_name: str, source: Source) -> None:
        content_type = ContentType.objects.get_for_model(item)
        self.wanted[(content_type.pk, item.pk, field_name, source.pk)] = (source, item)

    def write(self) -> None:
        """After the writes were settled (`cited_values.settle_items`): the citations of the
        old values are retired, any of the new values current again, so a source that cited
        this very value before is restored rather than repeated."""
        if not self.wanted:
            return
        held = set()
        by_type = defaultdict(set)
        for content_type_id, object_id, _field, _source in self.wanted:
            by_type[content_type_id].add(object_id)
        for content_type_id, object_ids in by_type.items():
            held.update(
                Citation.objects.filter(
                    content_type_id=content_type_id, object_id__in=object_ids, pinpoint=""
                ).values_list("content_type_id", "object_id", "field_name", "source_id")
            )
        note = f"Imported from {self.batch.filename}."
        new = []
        for key, (source, item) in self.wanted.items():
            if key in held:
                continue
            content_type_id, object_id, field_name, _source_id = key
            new.append(
                Citation(
                    content_type_id=content_type_id,
                    object_id=object_id,
                    field_name=field_name,
                    source=source,
                    pinpoint="",
                    note=note,
                    # What `Citation.save()` would record: the value it supports.
                    supported_value=cited_values.canonical(item, field_name),
                )
            )
        bulk.create(Citation, new, by=self.by, now=self.now)


def _apply_results(applying: list[ContestPlan], cited: _Citations, *, by, now) -> None:
    held = dict(
        Result.objects.filter(contest__in=[contest_plan.contest for contest_plan in applying])
        .values("contest")
        .annotate(count=Count("pk"))
        .values_list("contest", "count")
    )
    # Delegates move between candidates. The database triggers check the running total of
    # a contest's delegates never passes the delegates at stake, row by row: rows whose
    # delegates fall (or stay) are written first, then those whose delegates rise, so no
    # intermediate state passes the final one.
    falling, rising, created, fields = [], [], [], {"updated_at"}
    for contest_plan in applying:
        contest = contest_plan.contest
        positions = [row.result.position for row in contest_plan.rows if row.result]
        next_position = max(max(positions, default=0), held.get(contest.pk, 0)) + 1
        for row in contest_plan.rows:
            if row.action == Action.UNCHANGED:
                continue
            result = row.result
            if result is None:
                result = Result(contest=contest, candidate=row.candidate, position=next_position)
                next_position += 1
                created.append(result)
            else:
                before = result.delegates_won or 0
                after = row.after("delegates")
                rising_delegates = after is not None and after > before
                (rising if rising_delegates else falling).append(result)
            for change in row.changes:
                setattr(result, RESULT_FIELDS[change.column], change.new)
                fields.add(RESULT_FIELDS[change.column])
            result.updated_at = now
            row.result = result
    bulk.update(Result, falling, fields, by=by, now=now)
    bulk.update(Result, rising, fields, by=by, now=now)
    bulk.create(Result, created, by=by, now=now)
    # The candidates' profiles show these figures: a version of each opens here (the
    # contests' own records are written with them, _apply_contests).
    versions.record_owners(
        Result, falling + rising + created, moment=now, by=by, recorded_by_caller=(Contest,)
    )
    # The citations of the figures replaced stop footnoting them (a save's post-save would).
    cited_values.settle_items(falling + rising, by=by)
    for contest_plan in applying:
        for row in contest_plan.rows:
            for change in row.changes:
                cited.add(row.result, RESULT_FIELDS[change.column], contest_plan.source)


def _apply_contests(applying: list[ContestPlan], cited: _Citations, *, by, now) -> None:
    fields = {"updated_at"}
    for contest_plan in applying:
        contest = contest_plan.contest
        changes = {change.column: change.new for change in contest_plan.changes}
        if "reporting_percent" in changes:
            contest.reporting_percent = changes["reporting_percent"]
            fields.add("reporting_percent")
            cited.add(contest, "reporting_percent", contest_plan.source)
        if "as_of" in changes:
            # The newsroom's wording ("Tuesday night") described the previous as-of time.
            contest.reporting_as_of = changes["as_of"]
            contest.reporting_as_of_as_reported = ""
            fields.update({"reporting_as_of", "reporting_as_of_as_reported"})
            cited.add(contest, "reporting_as_of", contest_plan.source)
        if "count_status" in changes:
            contest.count_status = changes["count_status"]
            fields.add("count_status")
            cited.add(contest, "count_status", contest_plan.source)
        contest.updated_at = now
    contests = [contest_plan.contest for contest_plan in applying]
    bulk.update(Contest, contests, fields, by=by, now=now)
    cited_values.settle_items(contests, by=by)


def _take_snapshots(applying: list[ContestPlan], batch: ImportBatch) -> None:
    """What each file's source says, and nothing held from other sources (another outlet's
    shares, candidates the file does not list)."""
    snapshots = Snapshot.objects.bulk_create(
        Snapshot(
            contest=contest_plan.contest,
            taken_at=contest_plan.as_of,
            reporting_percent=contest_plan.reporting_percent,
            source=contest_plan.source,
            note=f"Imported from {batch.filename}.",
            import_batch=batch,
        )
        for contest_plan in applying
    )
    entries = [
        SnapshotEntry(
            snapshot=snapshot,
            candidate_id=row.candidate.pk,
            votes=row.given.get("votes"),
            share=row.given.get("share"),
        )
        for snapshot, contest_plan in zip(snapshots, applying, strict=True)
        for row in sorted(contest_plan.rows, key=lambda row: row.number)
    ]
    SnapshotEntry.objects.bulk_create(entries)
    for model, rows in ((Snapshot, snapshots), (SnapshotEntry, entries)):
        bulk.rows_written.send(sender=model, instances=rows, created=True)


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
