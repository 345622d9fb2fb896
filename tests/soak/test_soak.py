"""The short version of `make soak`, run by `make test`: load and faults against a throwaway
production stack (its own PostgreSQL cluster, redis-server and two gunicorn processes).

The machine's PostgreSQL and Redis are never touched. The four scenarios are subtests of
one test, so under xdist a single worker builds the stack and runs them while the other
tests go on elsewhere (pytest-xdist's `--dist loadgroup` cannot keep several tests on one
worker with pytest 9, whose node ids it no longer rewrites). The test uses no test
database, so it runs in the SQLite pass of `make test` only (the PostgreSQL pass would test
the same). The counts of each scenario are written to test-artifacts/soak-short.txt.
"""

import os

import pytest
from django.conf import settings

from bench.soak import scenarios
from bench.soak.stack import PROJECT, Stack

SECONDS = float(os.environ.get("SOAK_TEST_SECONDS", "6"))
CONTESTS = 12
# Sixteen readers, as in the fault scenarios: enough for reads to overlap every import
# round, without taking both cores from the tests running beside this one (`make soak`
# keeps 64).
READERS = 16
REPORT = PROJECT / "test-artifacts" / "soak-short.txt"

SCENARIOS = {
    "a change published through one app process shows on the other at once": lambda stack: (
        scenarios.change_seen_across_processes(stack, changes=2)
    ),
    "readers see one batch or the other and no 5xx while results import": lambda stack: (
        scenarios.import_under_load(stack, seconds=SECONDS, readers=READERS)
    ),
    "pages come from the database while Redis is stopped": lambda stack: (
        scenarios.redis_stop_under_load(stack, seconds=SECONDS)
    ),
    "PostgreSQL restart fails requests only during the restart and the site recovers": (
        lambda stack: scenarios.postgres_restart_under_load(stack, seconds=SECONDS)
    ),
}


@pytest.mark.soak
def test_site_holds_under_load_and_faults(subtests):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("runs once, in the SQLite pass; it brings its own PostgreSQL either way")
    REPORT.parent.mkdir(exist_ok=True)
    lines = []
    try:
        with Stack(contests=CONTESTS, workers=2, log=lines.append) as stack:
            for name, scenario in SCENARIOS.items():
                with subtests.test(msg=name):
                    outcome = scenario(stack)
                    lines.append(outcome.text())

                    assert not outcome.problems, outcome.text()
                    assert outcome.run is None or outcome.run.counts()["2xx"] > 0
    finally:
        REPORT.write_text("\n".join(lines) + "\n")
