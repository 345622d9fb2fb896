"""Two imports of one contest at once do not interleave: the second waits for the first.

On PostgreSQL the apply transaction locks the contest row (`SELECT … FOR UPDATE`); the test
holds the first import inside that lock and checks the second is blocked until it commits.
SQLite serialises writers anyway, so there the same two imports run one after the other.
"""

import threading
from decimal import Decimal
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection

from newsroom.models import Source
from results.importing import planning
from results.models import Contest, ImportBatch, Result
from results.services import import_results
from tests.support.factories import SourceFactory

from .conftest import CAUCUS, FILES, WIRE_URL

FIRST = (FILES / "good.csv").read_bytes()
SECOND = FIRST.replace(b",51,56.04,4,", b",50,55.00,4,").replace(b"T22:00:00", b"T23:00:00")


@pytest.fixture
def caucus_for_threads(transactional_db):
    call_command("seed_newsroom", verbosity=0)
    if not Source.objects.filter(url=WIRE_URL).exists():
        SourceFactory(url=WIRE_URL)
    return Contest.objects.get(slug=CAUCUS)


def figures(contest):
    return dict(Result.objects.filter(contest=contest).values_list("candidate__slug", "votes"))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's")
def test_second_import_waits_for_the_first_to_commit(caucus_for_threads):
    locked = threading.Event()
    release = threading.Event()
    original = planning.held_contests
    outcomes = {}

    def held_contests(slugs, *, lock):
        contests = original(slugs, lock=lock)
        if lock and threading.current_thread().name == "first":
            locked.set()
            release.wait(timeout=30)
        return contests

    def run(name, content):
        try:
            outcomes[name] = import_results(content, filename=f"{name}.csv", dry_run=False)
        finally:
            connection.close()

    with mock.patch.object(planning, "held_contests", held_contests):
        first = threading.Thread(target=run, args=("first", FIRST), name="first")
        second = threading.Thread(target=run, args=("second", SECOND), name="second")
        first.start()
        assert locked.wait(timeout=30)
        second.start()
        second.join(timeout=1)
        assert second.is_alive(), "the second import did not wait for the contest lock"
        release.set()
        first.join(timeout=30)
        second.join(timeout=30)

    assert figures(caucus_for_threads)["jason-palmer"] == 50
    # The second import was planned against the first one's figures, not the seed's.
    assert outcomes["first"].changed == 2
    assert outcomes["second"].changed == 1
    assert ImportBatch.objects.count() == 2
    snapshots = caucus_for_threads.snapshots.filter(import_batch__isnull=False)
    assert [
        snapshot.entries.get(candidate__slug="jason-palmer").votes
        for snapshot in snapshots.in_count_order()
    ] == [51, 50]


def test_imports_of_one_contest_apply_one_after_the_other(caucus_for_threads):
    first = import_results(FIRST, filename="first.csv", dry_run=False)
    second = import_results(SECOND, filename="second.csv", dry_run=False)

    assert (first.changed, second.changed) == (2, 1)
    assert figures(caucus_for_threads)["jason-palmer"] == 50
    palmer = Result.objects.get(contest=caucus_for_threads, candidate__slug="jason-palmer")
    assert palmer.reported_share == Decimal("55.00")
