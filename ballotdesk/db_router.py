"""Reads from a PostgreSQL streaming replica for anonymous readers; everything else on the primary.

Installed only when REPLICA_DATABASE_URL is set (ballotdesk.settings adds the "replica"
database, this router and the middleware); without it nothing here runs.

The primary ("default") is where every write goes and, unless a request says otherwise,
every read: management commands, migrations, the shell, background work. `ReplicaReadsMiddleware`
lets one kind of request read from the replica: a safe (GET, HEAD, OPTIONS) request from a
reader who is not logged in and has not written anything in the last
`READ_YOUR_WRITES_SECONDS`. Staff and any logged-in user, every POST and the requests that
follow a POST from the same browser read from the primary, so editors always see what they
just saved even while the replica is a little behind.

Readers, too, never get a page older than the last content write: after each commit that
changed a content app, the primary's WAL position is kept in the cache, and a request reads
from the replica only once the replica has replayed up to it (asked at the request's first
read, at most once per write and process). Until then, reads stay on the primary; the page
cache never stores a page rendered from a replica that is behind.
"""

import logging
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from newsroom.bulk import rows_written

logger = logging.getLogger(__name__)

ROUTER_PATH = "ballotdesk.db_router.PrimaryReplicaRouter"
PRIMARY = "default"
REPLICA = "replica"
# After a write, the browser reads from the primary this long (replica lag plus a margin).
READ_YOUR_WRITES_COOKIE = "bd_read_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# The primary's WAL position after the last commit that changed content.
PRIMARY_POSITION_KEY = "ballotdesk:primary-wal-position"
# "replica if it has caught up": decided at the request's first read.
MAYBE_REPLICA = "replica?"

_read_from: ContextVar[str] = ContextVar("ballotdesk_read_from", default=PRIMARY)
# The furthest WAL position this process has seen the replica replay.
_replica_replayed = 0


def wal_position(text: str) -> int:
    """A PostgreSQL LSN ("16/B374D848") as a number that orders like it."""
    high, low = text.split("/")
    return int(high, 16) << 32 | int(low, 16)


def record_primary_position() -> None:
    with connections[PRIMARY].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        position = wal_position(cursor.fetchone()[0])
    cache.set(PRIMARY_POSITION_KEY, position, timeout=None)


def content_written(sender, using=PRIMARY, **kwargs) -> None:
    """Signal receiver: after the commit, remember where the primary's WAL stands."""
    if (
        sender._meta.app_label not in settings.PAGE_CACHE_CONTENT_APPS
        or ROUTER_PATH not in settings.DATABASE_ROUTERS
    ):
        return
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    # One position per transaction, however many rows it saved.
    if not any(func is record_primary_position for _, func, _ in connection.run_on_commit):
        transaction.on_commit(record_primary_position, using=using, robust=True)


for signal in (post_save, post_delete, m2m_changed, rows_written):
    signal.connect(content_written, dispatch_uid=f"ballotdesk.db_router.{signal}")


def replica_has_caught_up() -> bool:
    """Has the replica replayed the last content write? Unknown (no cache) counts as yes."""
    global _replica_replayed
    needed = cache.get(PRIMARY_POSITION_KEY)
    if needed is None or needed <= _replica_replayed:
        return True
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn()")
            replayed = cursor.fetchone()[0]
    except Exception:
        logger.exception("The replica does not answer; reading from the primary")
        return False
    if replayed is None:
        # Not a standby (a mirror in tests, or a promoted replica): nothing to wait for.
        return True
    _replica_replayed = max(_replica_replayed, wal_position(replayed))
    return needed <= _replica_replayed


class PrimaryReplicaRouter:
    """Writes and migrations on the primary; reads where the current request allows."""

    def db_for_read(self, model, **hints):
        alias = _read_from.get()
        if alias == MAYBE_REPLICA:
            alias = REPLICA if replica_has_caught_up() else PRIMARY
            _read_from.set(alias)
        return alias

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # The replica is a copy of the primary: rows from either belong together.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


def reads_from_replica(request) -> bool:
    if request.method not in SAFE_METHODS or READ_YOUR_WRITES_COOKIE in request.COOKIES:
        return False
    # Without a session cookie nobody is logged in; looking would load the session for
    # every reader (and add `Vary: Cookie`).
    return not (settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated)


class ReplicaReadsMiddleware:
    """Chooses where this request reads; remembers a write so the next reads see it.

    Sits after the authentication middleware, so it can ask who is logged in (that one
    session and user lookup is made on the primary).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if reads_from_replica(request):
            token = _read_from.set(MAYBE_REPLICA)
            try:
                response = self.get_response(request)
            finally:
                _read_from.reset(token)
        else:
            response = self.get_response(request)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                READ_YOUR_WRITES_COOKIE,
                "1",
                max_age=settings.READ_YOUR_WRITES_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
