"""A figure an editor locked is never overwritten by an import, and the preview says so."""

from decimal import Decimal

from results.models import Result

from .conftest import run_import


def lock(caucus, slug: str, *fields: str) -> Result:
    result = Result.objects.get(contest=caucus, candidate__slug=slug)
    result.locked_fields = list(fields)
    result.save()
    return result


def test_preview_lists_a_locked_figure_as_skipped_with_the_reason(caucus):
    lock(caucus, "jason-palmer", "reported_share")

    out, _ = run_import("good.csv")

    assert (
        "  row 2: change jason-palmer: delegates not reported → 4; skipped share 56.04, "
        "keeps 56.00: locked by an editor; the import keeps it." in out
    )
    assert "Dry run: 0 added, 2 changed, 0 unchanged, 1 skipped." in out


def test_apply_keeps_the_locked_figure_and_writes_the_rest(caucus):
    palmer = lock(caucus, "jason-palmer", "reported_share", "delegates_won")

    run_import("good.csv", "--apply")

    palmer.refresh_from_db()
    assert (palmer.reported_share, palmer.delegates_won) == (Decimal("56.00"), None)
    biden = Result.objects.get(contest=caucus, candidate__slug="joe-biden")
    assert biden.delegates_won == 2


def test_locked_figure_equal_to_the_file_is_not_reported_as_skipped(caucus):
    lock(caucus, "jason-palmer", "votes")

    out, _ = run_import("good.csv")

    assert "skipped" not in out.replace("0 skipped", "")
