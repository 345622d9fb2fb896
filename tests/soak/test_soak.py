"""The short version of `make soak`, run by `make test`: load and faults against a throwaway
production stack (its own PostgreSQL cluster, redis-server and two gunicorn processes).

The machine's PostgreSQL and Redis are never touched. All these tests share one xdist
group (`make test` runs pytest with `--dist loadgroup`), so one worker runs them while the
other tests go on elsewhere, and the stack is built once for that worker's session (a
module-scoped one would be rebuilt whenever the worker runs another module's test in
between). The tests do not depend on their order. They use no test database, so they
run in the SQLite pass of `make test` only (the PostgreSQL pass would test the same).
The counts of each scenario are written to test-artifacts/soak-short.txt.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from . import scenarios
from .stack import PROJECT, Stack

pytestmark = [pytest.mark.soak, pytest.mark.xdist_group("soak")]

SECONDS = float(os.environ.get("SOAK_TEST_SECONDS", "6"))
CONTESTS = 12
REPORT = PROJECT / "test-artifacts" / "soak-short.txt"


@pytest.fixture(scope="session")
def stack():
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("runs once, in the SQLite pass; it brings its own PostgreSQL either way")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("")
    with Stack(contests=CONTESTS, workers=2, log=record) as stack:
        yield stack


def record(text: str) -> None:
    with Path(REPORT).open("a") as report:
        report.write(text + "\n")


def recorded(outcome: scenarios.Outcome) -> str:
    """Write the scenario's counts to the report and return them for assertion messages."""
    record(outcome.text())
    return outcome.text()


def test_change_published_through_one_app_process_shows_on_the_other_at_once(stack):
    outcome = scenarios.change_seen_across_processes(stack, changes=2)
    counts = recorded(outcome)

    assert not outcome.problems, counts


def test_readers_see_one_batch_or_the_other_and_no_5xx_while_results_import(stack):
    outcome = scenarios.import_under_load(stack, seconds=SECONDS, readers=64)
    counts = recorded(outcome)

    assert not outcome.problems, counts
    assert outcome.run.counts()["2xx"] > 0, counts


def test_pages_come_from_the_database_while_redis_is_stopped(stack):
    outcome = scenarios.redis_stop_under_load(stack, seconds=SECONDS)
    counts = recorded(outcome)

    assert not outcome.problems, counts


def test_postgres_restart_fails_requests_only_during_the_restart_and_the_site_recovers(stack):
    outcome = scenarios.postgres_restart_under_load(stack, seconds=SECONDS)
    counts = recorded(outcome)

    assert not outcome.problems, counts
