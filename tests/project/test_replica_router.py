"""Replica reads (ballotdesk/db_router.py): anonymous pages read from the replica; staff,
writes and the reads after a write use the primary.

No real replica is needed: a second connection, "replica", is opened to the test database
itself (a mirror, as settings make it with TEST={"MIRROR": "default"}), and the queries each
connection ran are counted. The real streaming replica is exercised by test_drill.py.
"""

import os
import subprocess
import sys
from copy import deepcopy

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections, router
from django.http import HttpResponse
from django.test.client import RequestFactory
from django.test.utils import CaptureQueriesContext

from ballotdesk.db_router import (
    PRIMARY_POSITION_KEY,
    READ_YOUR_WRITES_COOKIE,
    ReplicaReadsMiddleware,
)
from candidates.models import Quote
from tests.support import factories

ROUTER = "ballotdesk.db_router.PrimaryReplicaRouter"
MIDDLEWARE = "ballotdesk.db_router.ReplicaReadsMiddleware"


@pytest.fixture
def replica(transactional_db, settings):
    """A "replica" alias on the test database, with the router and middleware installed.

    The connection is made by hand rather than added to settings, as Django does for
    connections it did not know at the start of a test.
    """
    primary = connections["default"]
    connections["replica"] = primary.__class__(deepcopy(primary.settings_dict), "replica")
    if primary.vendor == "sqlite":
        # Both connections share one in-memory database: reads on one must not hold
        # table locks that block a write on the other.
        with connections["replica"].cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = true")
    settings.DATABASE_ROUTERS = [ROUTER]
    middleware = list(settings.MIDDLEWARE)
    position = middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware")
    middleware.insert(position + 1, MIDDLEWARE)
    settings.MIDDLEWARE = middleware
    yield connections["replica"]
    connections["replica"].close()
    del connections["replica"]


class QueriesOn:
    """Queries run on the primary and on the replica while the block runs."""

    def __enter__(self):
        self.primary = CaptureQueriesContext(connections["default"]).__enter__()
        self.replica = CaptureQueriesContext(connections["replica"]).__enter__()
        return self

    def __exit__(self, *exc):
        self.replica.__exit__(*exc)
        self.primary.__exit__(*exc)


@pytest.fixture
def quote(transactional_db):
    return factories.QuoteFactory(text="Every village counted.")


def test_anonymous_reader_page_is_read_from_the_replica(client, replica, quote):
    with QueriesOn() as queries:
        response = client.get(quote.candidate.get_absolute_url())

    assert response.status_code == 200
    assert "Every village counted." in response.text
    assert len(queries.replica) > 0
    assert len(queries.primary) == 0


def test_staff_pages_are_read_from_the_primary(client, replica, quote, superuser):
    client.force_login(superuser)

    with QueriesOn() as queries:
        profile = client.get(quote.candidate.get_absolute_url())
        changelist = client.get("/admin/candidates/quote/")

    assert profile.status_code == changelist.status_code == 200
    assert "Every village counted." in changelist.text
    assert len(queries.primary) > 0
    assert len(queries.replica) == 0


def test_post_and_the_reads_after_it_use_the_primary(client, replica, quote):
    with QueriesOn() as queries:
        added = client.post("/cite/basket/add/", {"kind": "quote", "pk": quote.pk})
        basket = client.get("/cite/basket/")

    assert added.status_code == 302
    assert added.cookies[READ_YOUR_WRITES_COOKIE]["max-age"] == settings.READ_YOUR_WRITES_SECONDS
    assert basket.status_code == 200
    assert "Every village counted." in basket.text
    assert len(queries.primary) > 0
    assert len(queries.replica) == 0


def test_a_write_during_a_replica_read_request_goes_to_the_primary(replica, quote):
    def view(request):
        Quote.objects.filter(pk=quote.pk).update(text="Counted again.")
        quote.text = "Counted a third time."
        quote.save()
        return HttpResponse(Quote.objects.get(pk=quote.pk).text)

    with QueriesOn() as queries:
        response = ReplicaReadsMiddleware(view)(RequestFactory().get("/"))

    writes = [q["sql"] for q in queries.primary if q["sql"].startswith(("UPDATE", "INSERT"))]
    assert writes
    assert not any(q["sql"].startswith(("UPDATE", "INSERT")) for q in queries.replica)
    assert any(q["sql"].startswith("SELECT") for q in queries.replica)
    assert response.content == b"Counted a third time."


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="WAL positions: PostgreSQL only",
)
def test_a_content_write_records_the_primary_wal_position(replica, quote):
    cache.delete(PRIMARY_POSITION_KEY)

    quote.text = "Every village counted twice."
    quote.save()

    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        high, low = cursor.fetchone()[0].split("/")
    recorded = cache.get(PRIMARY_POSITION_KEY)
    assert 0 < recorded <= int(high, 16) << 32 | int(low, 16)


def test_reads_outside_a_request_use_the_primary(replica):
    assert router.db_for_read(Quote) == "default"
    assert router.db_for_write(Quote) == "default"
    assert router.allow_migrate("replica", "candidates") is False
    assert router.allow_migrate("default", "candidates") is True


def read_settings(**env) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "REPLICA_DATABASE_URL"}
    environment.update(env)
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import ballotdesk.settings as s; "
            "print(sorted(s.DATABASES), getattr(s, 'DATABASE_ROUTERS', None), "
            f"{MIDDLEWARE!r} in s.MIDDLEWARE)",
        ],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout.strip()


def test_without_replica_database_url_nothing_changes():
    assert read_settings() == "['default'] None False"


def test_replica_database_url_adds_the_replica_router_and_middleware():
    configured = read_settings(REPLICA_DATABASE_URL="postgres://postgres@127.0.0.1:5434/ballotdesk")

    assert configured == f"['default', 'replica'] ['{ROUTER}'] True"
