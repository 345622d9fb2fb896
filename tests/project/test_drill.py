"""The scale-out drill's databases (scripts/drill.sh up-db): a primary of its own and a real
streaming replica made by pg_basebackup, on free ports, torn down afterwards.

Runs on the PostgreSQL run, which fails (never skips) when initdb, pg_basebackup or psql is
missing. The machine's PostgreSQL on 5432 is not touched.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from copy import deepcopy
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections, router
from django.http import HttpResponse
from django.test.client import RequestFactory

from ballotdesk import db_router
from ballotdesk.db_router import ReplicaReadsMiddleware
from candidates.models import Candidate

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
pytestmark = pytest.mark.skipif(
    not ON_POSTGRES, reason="PostgreSQL replication: covered by the PostgreSQL run"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def drill(command: str, drill_env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["scripts/drill.sh", command],
        cwd=settings.BASE_DIR,
        env={**os.environ, **drill_env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def drill_databases():
    """The drill's primary and replica in a directory of their own.

    Afterwards `drill.sh down` must stop both servers and remove their data.
    """
    directory = Path(tempfile.mkdtemp(prefix="bd-drill-"))
    drill_env = {
        "DRILL_DIR": str(directory),
        "DRILL_PRIMARY_PORT": str(free_port()),
        "DRILL_REPLICA_PORT": str(free_port()),
    }
    try:
        started = drill("up-db", drill_env)
        assert started.returncode == 0, started.stdout + started.stderr
        yield drill_env, started.stdout
    finally:
        stopped = drill("down", drill_env)
        removed = not directory.exists()
        shutil.rmtree(directory, ignore_errors=True)
    assert stopped.returncode == 0, stopped.stdout + stopped.stderr
    assert "Stopped PostgreSQL replica." in stopped.stdout
    assert "Stopped PostgreSQL primary." in stopped.stdout
    assert removed
    for port in (drill_env["DRILL_PRIMARY_PORT"], drill_env["DRILL_REPLICA_PORT"]):
        with pytest.raises(psycopg.OperationalError):
            connect(port).close()


def connect(port: str) -> psycopg.Connection:
    return psycopg.connect(
        host="127.0.0.1", port=int(port), user="postgres", dbname="ballotdesk", autocommit=True
    )


def test_a_row_written_on_the_primary_streams_to_the_read_only_replica(drill_databases):
    drill_env, output = drill_databases
    assert "The replica streams from the primary" in output

    with (
        connect(drill_env["DRILL_PRIMARY_PORT"]) as primary,
        connect(drill_env["DRILL_REPLICA_PORT"]) as replica,
    ):
        assert primary.execute("SELECT pg_is_in_recovery()").fetchone() == (False,)
        assert replica.execute("SELECT pg_is_in_recovery()").fetchone() == (True,)
        assert primary.execute("SELECT state FROM pg_stat_replication").fetchall() == [
            ("streaming",)
        ]

        primary.execute("CREATE TABLE drill_probe (id integer PRIMARY KEY, note text)")
        primary.execute("INSERT INTO drill_probe VALUES (1, 'written on the primary')")
        deadline = time.monotonic() + 10
        rows = []
        while time.monotonic() < deadline:
            exists = replica.execute("SELECT to_regclass('drill_probe')").fetchone()[0]
            if exists and (rows := replica.execute("SELECT * FROM drill_probe").fetchall()):
                break
            time.sleep(0.02)
        assert rows == [(1, "written on the primary")]

        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            replica.execute("INSERT INTO drill_probe VALUES (2, 'written on the replica')")


@pytest.fixture
def replica_alias(drill_databases, django_db_blocker, settings, monkeypatch):
    """The router installed, with "replica" pointing at the drill's real replica."""
    drill_env, _ = drill_databases
    replica = deepcopy(connections["default"].settings_dict)
    replica.update(
        NAME="ballotdesk",
        HOST="127.0.0.1",
        PORT=drill_env["DRILL_REPLICA_PORT"],
        USER="postgres",
        PASSWORD="",
        OPTIONS={},
    )
    settings.DATABASE_ROUTERS = [db_router.ROUTER_PATH]
    monkeypatch.setattr(db_router, "_replica_replayed", 0)
    connections["replica"] = connections["default"].__class__(replica, "replica")
    with django_db_blocker.unblock():
        yield
        connections["replica"].close()
    del connections["replica"]
    cache.delete(db_router.PRIMARY_POSITION_KEY)


def reader_reads_from() -> str:
    """Where an anonymous reader's page would read a candidate."""
    response = ReplicaReadsMiddleware(lambda request: HttpResponse(router.db_for_read(Candidate)))(
        RequestFactory().get("/")
    )
    return response.content.decode()


def test_readers_read_the_replica_only_once_it_has_replayed_the_last_write(
    drill_databases, replica_alias
):
    drill_env, _ = drill_databases
    with (
        connect(drill_env["DRILL_PRIMARY_PORT"]) as primary,
        connect(drill_env["DRILL_REPLICA_PORT"]) as replica,
    ):
        replica.execute("SELECT pg_wal_replay_pause()")
        try:
            primary.execute("CREATE TABLE drill_lag (id integer PRIMARY KEY)")
            (position,) = primary.execute("SELECT pg_current_wal_lsn()").fetchone()
            # What the app records after a content commit on the primary.
            cache.set(db_router.PRIMARY_POSITION_KEY, db_router.wal_position(position))

            while_behind = reader_reads_from()
        finally:
            replica.execute("SELECT pg_wal_replay_resume()")
        deadline = time.monotonic() + 10
        while (
            time.monotonic() < deadline
            and not replica.execute(
                "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position]
            ).fetchone()[0]
        ):
            time.sleep(0.02)

        caught_up = reader_reads_from()

    assert while_behind == "default"
    assert caught_up == "replica"
