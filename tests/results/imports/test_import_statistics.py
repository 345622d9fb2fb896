"""An applied import refreshes the planner's statistics of what it wrote (ANALYZE), once it
has committed, so the next pages are planned for the rows that are there."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from results.models import Result, Snapshot

from .conftest import run_import


def analyzed(queries) -> set[str]:
    return {
        query["sql"].split()[1].strip('"`')
        for query in queries
        if query["sql"].upper().startswith("ANALYZE ")
    }


def test_applied_import_analyzes_what_it_wrote_after_it_commits(
    caucus, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        CaptureQueriesContext(connection) as during,
    ):
        run_import("good.csv", "--apply")
    assert analyzed(during.captured_queries) == set()

    with CaptureQueriesContext(connection) as after:
        for callback in callbacks:
            callback()

    tables = analyzed(after.captured_queries)
    assert {Result._meta.db_table, Snapshot._meta.db_table, "results_historicalresult"} <= tables
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'results_result'")
            assert int(cursor.fetchone()[0].split()[0]) == Result.objects.count()


def test_a_dry_run_analyzes_nothing(caucus, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        CaptureQueriesContext(connection) as queries,
    ):
        run_import("good.csv", "--dry-run")

    assert analyzed(queries.captured_queries) == set()
