"""Each kind of bad file is refused naming the row, the column and the fault; nothing is written."""

import datetime

import pytest

from results.models import ImportBatch, Result, Snapshot

from .conftest import failed_import

ERRORS = {
    "utf16.csv": "row 1: the file starts with a UTF-16 byte-order mark (BOM). Save it as UTF-8.",
    "not_utf8.csv": "row 3: the file is not UTF-8: byte 0xE9 cannot be read. "
    "Save the file as UTF-8.",
    "missing_column.csv": "row 1, column as_of: missing. "
    "Every file needs contest, candidate, as_of, source_url.",
    "unknown_column.csv": "row 1, column turnout: unknown column. The columns are: contest, "
    "candidate, votes, share, delegates, reporting_percent, as_of, source_url.",
    "unknown_contest.csv": "row 2, column contest: no contest has the slug "
    "“2024-american-samoa-democratic-caucus”. "
    "Did you mean “2024-american-samoa-democratic-caucuses”?",
    "unknown_candidate.csv": "row 2, column candidate: no candidate has the slug "
    "“jason-palmar”. Did you mean “jason-palmer”?",
    "unknown_source.csv": "row 2, column source_url: no source has the URL "
    "“https://results.example.org/unknown”. Add the source in the admin (Newsroom › Sources) "
    "with this exact URL, then import again. "
    "Did you mean “https://results.example.org/as-democratic-caucus”?",
    "negative_votes.csv": "row 2, column votes: “-5” is negative; votes cannot be negative.",
    "negative_votes.json": "row 1, column votes: “-5” is negative; votes cannot be negative.",
    "non_numeric_votes.csv": "row 2, column votes: “51a” is not a whole number.",
    "non_numeric_delegates.csv": "row 2, column delegates: “four” is not a whole number.",
    "duplicated_row.csv": "row 4, column candidate: repeats row 2: “jason-palmer” appears twice "
    "for 2024-american-samoa-democratic-caucuses.",
    "votes_above_ballots.csv": "row 3, column votes: votes for all candidates in "
    "2024-american-samoa-democratic-caucuses would total 101, more than the 91 ballots cast.",
    "delegates_above_stake.csv": "row 3, column delegates: delegates for all candidates in "
    "2024-american-samoa-democratic-caucuses would total 7, more than the 6 delegates at stake.",
}


def held_figures():
    return sorted(Result.objects.values_list("pk", "votes", "reported_share", "delegates_won"))


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_bad_file_is_refused_with_row_and_column(results_desk, name):
    before = held_figures()

    problems = failed_import(name, "--apply")

    assert ERRORS[name] in problems
    assert held_figures() == before
    assert not Snapshot.objects.filter(import_batch__isnull=False).exists()
    assert not ImportBatch.objects.exists()


def test_as_of_older_than_held_figures_is_refused(caucus):
    caucus.reporting_as_of = datetime.datetime(2024, 3, 6, 10, 0, tzinfo=datetime.UTC)
    caucus.save()

    problems = failed_import("older_as_of.csv", "--apply")

    assert problems == [
        "row 2, column as_of: “2024-03-05T22:00:00-11:00” is older than the figures already "
        "held for 2024-american-samoa-democratic-caucuses (as of 2024-03-06T10:00:00+00:00); "
        "importing it would roll the count back."
    ]
    assert not ImportBatch.objects.exists()


def test_one_bad_row_stops_the_good_rows_too(results_desk):
    problems = failed_import("votes_above_ballots.csv", "--apply")

    assert len(problems) == 1
    assert Result.objects.get(candidate__slug="joe-biden", contest__year=2024).delegates_won is None


def test_dry_run_lists_the_same_problems_and_exits_non_zero(results_desk):
    assert failed_import("duplicated_row.csv") == failed_import("duplicated_row.csv", "--apply")
