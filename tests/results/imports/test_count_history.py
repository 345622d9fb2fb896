"""Each applied update is kept, so the contest page can show how the count moved."""

from decimal import Decimal

from results.count_history import count_history
from results.services import import_results

from .conftest import FILES

FIRST = (FILES / "good.csv").read_bytes().replace(b",100,", b",80,")
SECOND = (FILES / "good.csv").read_bytes().replace(b",51,", b",50,").replace(b"T22:00", b"T23:00")


def test_history_shows_each_update_with_changes_since_the_previous(
    caucus, django_assert_num_queries
):
    import_results(FIRST, filename="first.csv", dry_run=False)
    import_results(SECOND, filename="second.csv", dry_run=False)

    with django_assert_num_queries(2):
        history = count_history(caucus)

    # The two article snapshots of the seed (undated) come first, then the two imports.
    assert [step.snapshot.note for step in history][-2:] == [
        "Imported from first.csv.",
        "Imported from second.csv.",
    ]
    first, second = history[-2:]
    assert first.snapshot.reporting_percent == Decimal("80.00")
    assert second.reporting_percent_change == Decimal("20.00")
    palmer = {entry.candidate.slug: entry for entry in second.entries}["jason-palmer"]
    assert (palmer.votes, palmer.votes_change, palmer.is_new) == (50, -1, False)
    biden = {entry.candidate.slug: entry for entry in second.entries}["joe-biden"]
    assert (biden.votes, biden.votes_change, biden.share_change) == (40, 0, Decimal("0.00"))


def test_unknown_earlier_figure_gives_no_change(caucus):
    history = count_history(caucus)

    # The seed's first snapshot has shares only; the second has votes only.
    second = history[1]
    assert {entry.votes_change for entry in second.entries} == {None}
