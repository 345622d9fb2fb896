""" "Did you mean" costs a bounded number of queries: a file of unknown slugs cannot make
the import read the whole table once per row."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support import factories

from .conftest import CAUCUS, WIRE_URL

HEADER = "contest,candidate,votes,share,delegates,reporting_percent,as_of,source_url\n"
UNKNOWN_ROWS = 50


def unknown_candidates_file(tmp_path):
    path = tmp_path / "unknown-candidates.csv"
    rows = "".join(
        f"{CAUCUS},candidate-unknown-{n},1,,,,2024-03-05T22:00:00-11:00,{WIRE_URL}\n"
        for n in range(UNKNOWN_ROWS)
    )
    path.write_text(HEADER + rows)
    return path


def queries_to_refuse(path) -> tuple[int, list[str]]:
    err = StringIO()
    with CaptureQueriesContext(connection) as queries, pytest.raises(CommandError):
        call_command("import_results", str(path), stdout=StringIO(), stderr=err)
    return len(queries), err.getvalue().splitlines()


def test_unknown_slugs_cost_the_same_queries_whatever_the_table_size(results_desk, tmp_path):
    path = unknown_candidates_file(tmp_path)
    factories.CandidateFactory.create_batch(10)
    small, problems = queries_to_refuse(path)
    factories.CandidateFactory.create_batch(190)

    large, _ = queries_to_refuse(path)

    assert large == small
    assert len([line for line in problems if "no candidate has the slug" in line]) == UNKNOWN_ROWS


def test_unknown_slugs_in_a_large_table_stay_within_a_query_budget(
    results_desk, tmp_path, django_assert_max_num_queries
):
    path = unknown_candidates_file(tmp_path)
    factories.CandidateFactory.create_batch(200)

    with django_assert_max_num_queries(20), pytest.raises(CommandError):
        call_command("import_results", str(path), stdout=StringIO(), stderr=StringIO())


def test_a_close_slug_is_still_suggested(results_desk, tmp_path):
    path = tmp_path / "typo.csv"
    path.write_text(HEADER + f"{CAUCUS},jason-palmar,1,,,,2024-03-05T22:00:00-11:00,{WIRE_URL}\n")

    _, problems = queries_to_refuse(path)

    assert any("Did you mean “jason-palmer”?" in line for line in problems)
