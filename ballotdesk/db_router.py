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
"""

from contextvars import ContextVar

from django.conf import settings

PRIMARY = "default"
REPLICA = "replica"
# After a write, the browser reads from the primary this long (replica lag plus a margin).
READ_YOUR_WRITES_COOKIE = "bd_read_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_read_from: ContextVar[str] = ContextVar("ballotdesk_read_from", default=PRIMARY)


class PrimaryReplicaRouter:
    """Writes and migrations on the primary; reads where the current request allows."""

    def db_for_read(self, model, **hints):
        return _read_from.get()

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
            token = _read_from.set(REPLICA)
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
