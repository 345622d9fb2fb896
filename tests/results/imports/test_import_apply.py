"""Applying a file writes every row, the contest's count and a snapshot, in one transaction."""

import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.db import DatabaseError

from newsroom.editorial import workflow
from newsroom.models import Citation
from results.models import Contest, ImportBatch, Result, SnapshotEntry
from results.services import import_results

from .conftest import FILES, WIRE_URL, run_import


def test_apply_writes_the_figures(caucus):
    out, _ = run_import("good.csv", "--apply")

    palmer = Result.objects.get(contest=caucus, candidate__slug="jason-palmer")
    assert (palmer.votes, palmer.reported_share, palmer.delegates_won) == (51, Decimal("56.04"), 4)
    caucus.refresh_from_db()
    assert caucus.reporting_percent == Decimal("100.00")
    assert caucus.reporting_as_of == datetime.datetime(2024, 3, 6, 9, 0, tzinfo=datetime.UTC)
    batch = ImportBatch.objects.get()
    assert f"Applied as import #{batch.pk}: 0 added, 2 changed" in out
    assert (batch.filename, batch.rows_changed) == ("good.csv", 2)


def test_apply_keeps_a_snapshot_of_the_whole_count(caucus):
    run_import("good.json", "--apply")

    snapshot = caucus.snapshots.get(import_batch__isnull=False)
    assert snapshot.taken_at == datetime.datetime(2024, 3, 6, 9, 0, tzinfo=datetime.UTC)
    assert snapshot.reporting_percent == Decimal("100.00")
    assert snapshot.source.url == WIRE_URL
    assert sorted(snapshot.entries.values_list("candidate__slug", "votes", "share")) == [
        ("jason-palmer", 51, Decimal("56.04")),
        ("joe-biden", 40, Decimal("43.96")),
    ]


def test_applied_figures_cite_the_row_source(caucus):
    run_import("good.csv", "--apply")

    palmer = Result.objects.get(contest=caucus, candidate__slug="jason-palmer")
    cited = Citation.objects.for_object(palmer).filter(source__url=WIRE_URL)
    assert sorted(cited.values_list("field_name", flat=True)) == ["delegates_won", "reported_share"]


def test_reimporting_the_same_file_is_a_no_op(caucus):
    run_import("good.csv", "--apply")
    palmer = Result.objects.get(contest=caucus, candidate__slug="jason-palmer")
    history = palmer.history.count()

    out, _ = run_import("good.csv", "--apply")

    assert "Nothing to apply: every figure is already held (import #" in out
    assert ImportBatch.objects.count() == 1
    assert caucus.snapshots.filter(import_batch__isnull=False).count() == 1
    assert palmer.history.count() == history


def test_an_applied_import_is_the_contests_last_workflow_step_and_a_no_op_adds_none(caucus):
    run_import("good.csv", "--apply")
    batch = ImportBatch.objects.get()
    run_import("good.csv", "--apply")

    steps = list(workflow.steps(caucus))
    assert steps[0].note == f"imported from good.csv (import batch {batch.pk})"
    assert steps[0].from_status == steps[0].to_status == caucus.status
    assert sum(step.note.startswith("imported from") for step in steps) == 1


def test_failure_while_applying_leaves_nothing_behind(caucus):
    content = (FILES / "good.csv").read_bytes()

    with (
        mock.patch.object(
            SnapshotEntry.objects, "bulk_create", side_effect=DatabaseError("disk full")
        ),
        pytest.raises(DatabaseError),
    ):
        import_results(content, filename="good.csv", dry_run=False)

    assert Result.objects.get(contest=caucus, candidate__slug="jason-palmer").delegates_won is None
    assert Contest.objects.get(pk=caucus.pk).reporting_percent == Decimal("99.00")
    assert not ImportBatch.objects.exists()


def test_a_scheduled_contest_starts_counting_with_its_first_figures(caucus):
    Contest.objects.filter(pk=caucus.pk).update(count_status=Contest.CountStatus.SCHEDULED)

    run_import("good.csv", "--apply")

    assert Contest.objects.get(pk=caucus.pk).count_status == Contest.CountStatus.COUNTING


def test_csv_saved_by_excel_with_a_byte_order_mark_is_applied(caucus):
    out, _ = run_import("excel_csv_utf8.csv", "--apply")

    assert "Applied as import #" in out
    palmer = Result.objects.get(contest=caucus, candidate__slug="jason-palmer")
    assert palmer.delegates_won == 4
