"""A dry run says, row by row, what an import would add, change or leave, and writes nothing."""

from results.models import ImportBatch, Result, Snapshot

from .conftest import run_import


def test_dry_run_lists_each_row_and_writes_nothing(caucus):
    before = list(Result.objects.filter(contest=caucus).values("votes", "delegates_won"))

    out, _ = run_import("good.csv", "--dry-run")

    assert "  reporting_percent: 99.00 → 100.00" in out
    assert "  row 2: change jason-palmer: share 56.00 → 56.04, delegates not reported → 4" in out
    assert "  row 3: change joe-biden: share 44.00 → 43.96, delegates not reported → 2" in out
    assert "Dry run: 0 added, 2 changed, 0 unchanged, 0 skipped. Nothing written" in out
    assert list(Result.objects.filter(contest=caucus).values("votes", "delegates_won")) == before
    assert not ImportBatch.objects.exists()
    assert not Snapshot.objects.filter(import_batch__isnull=False).exists()


def test_dry_run_is_the_default(caucus):
    out, _ = run_import("good.json")

    assert "Dry run: 0 added, 2 changed" in out
    assert not ImportBatch.objects.exists()


def test_row_for_a_candidate_without_a_result_is_an_addition(caucus):
    Result.objects.get(contest=caucus, candidate__slug="joe-biden").delete()

    out, _ = run_import("good.csv")

    assert "  row 3: add joe-biden: votes not reported → 40, share not reported → 43.96" in out
    assert "Dry run: 1 added, 1 changed, 0 unchanged, 0 skipped." in out


def test_rows_already_held_are_unchanged(caucus):
    run_import("good.csv", "--apply")

    out, _ = run_import("good.csv")

    assert "  row 2: unchanged jason-palmer" in out
    assert "Dry run: 0 added, 0 changed, 2 unchanged, 0 skipped." in out
