"""`scripts/drill.sh demo`: shows which server serves what in the running scale-out drill.

Run by drill.sh with the app processes' environment (DATABASE_URL is the drill's primary,
REPLICA_DATABASE_URL its replica). Every statement the two PostgreSQL servers run is in
their logs (log_statement = all, with the client's application name), so each step counts
the statements the apps sent to each server while it ran:

1. Anonymous readers through haproxy: pages read from the replica.
2. A logged-in editor through haproxy: pages read from the primary.
3. A change saved on the primary: time until the replica has it, and until the public page
   through haproxy shows it.
4. Replay paused on the replica (lag made visible): readers get the change from the primary
   while the replica is behind, never the old page; replay resumed, the replica catches up.
5. Varnish in front of haproxy: a save purges the pages showing the saved row (the apps'
   PURGE with its surrogate keys) and the next readers get the new page; a page that does
   not show it is still Varnish's same stored copy.

The candidate's summary is put back at the end.
"""

import os
import sys
import time
from pathlib import Path

import django
import psycopg
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ballotdesk.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.contrib.sessions.backends.cached_db import SessionStore  # noqa: E402

from candidates.models import Candidate  # noqa: E402
from newsroom.models import Source  # noqa: E402

LB = os.environ["DRILL_LB_URL"]
FRONT = os.environ.get("DRILL_CACHE_URL", "")
DRILL_DIR = Path(os.environ.get("DRILL_DIR") or settings.BASE_DIR / "var" / "drill")
PRIMARY_PORT = int(os.environ["DRILL_PRIMARY_PORT"])
REPLICA_PORT = int(os.environ["DRILL_REPLICA_PORT"])


def say(message: str = "") -> None:
    print(message, flush=True)


def server(port: int) -> psycopg.Connection:
    return psycopg.connect(
        host="127.0.0.1", port=port, user="postgres", dbname="ballotdesk", autocommit=True
    )


class StatementCounter:
    """Counts the apps' statements in each server's log while a block runs."""

    logs = {"primary": DRILL_DIR / "primary.log", "replica": DRILL_DIR / "replica.log"}

    def __enter__(self):
        self.start = {name: path.stat().st_size for name, path in self.logs.items()}
        return self

    def __exit__(self, *exc):
        time.sleep(0.3)  # let the servers write their last lines
        self.counts = {}
        for name, path in self.logs.items():
            with path.open("rb") as log:
                log.seek(self.start[name])
                lines = log.read().decode(errors="replace").splitlines()
            # Health checks from haproxy (SELECT 1 on the primary) are not page reads.
            self.counts[name] = sum(
                1
                for line in lines
                if " app-" in line
                and "statement: SELECT" in line
                and not line.endswith("statement: SELECT 1")
            )

    def __str__(self):
        return f"primary {self.counts['primary']}, replica {self.counts['replica']}"


def get(path: str, **kwargs) -> requests.Response:
    response = requests.get(f"{LB}{path}", timeout=10, **kwargs)
    response.raise_for_status()
    return response


def editor_cookies() -> dict:
    """A logged-in session for the drill's editor, as the login form would make it.

    The editor has no usable password: nobody can log in as it, and no credentials file of
    `make run` or `make serve` is touched.
    """
    user, created = get_user_model().objects.get_or_create(
        username="drill-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    if created:
        user.set_unusable_password()
        user.save()
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return {settings.SESSION_COOKIE_NAME: session.session_key}


def replica_value(pk: int) -> str:
    with server(REPLICA_PORT) as db:
        return db.execute(
            "SELECT summary FROM candidates_candidate WHERE id = %s", [pk]
        ).fetchone()[0]


def wait_for(check, timeout: float = 10.0) -> float:
    """Seconds until check() is true."""
    started = time.monotonic()
    while not check():
        if time.monotonic() - started > timeout:
            raise SystemExit(f"drill demo: gave up after {timeout:.0f} s")
        time.sleep(0.005)
    return time.monotonic() - started


def save_summary(candidate: Candidate, text: str) -> None:
    candidate.refresh_from_db()
    candidate.summary = text
    candidate.save()


def main() -> None:
    candidate = Candidate.objects.published().order_by("pk").first()
    url = candidate.get_absolute_url()
    original = candidate.summary
    with server(REPLICA_PORT) as db:
        in_recovery = db.execute("SELECT pg_is_in_recovery()").fetchone()[0]
    say(f"Replica on port {REPLICA_PORT}: pg_is_in_recovery() = {in_recovery}")
    say(f"Public page: {LB}{url}")

    say("\n1. Anonymous readers, 6 requests through haproxy (each a new page-cache key)")
    with StatementCounter() as reads:
        served_by = [get(url, params={"drill": n}).headers["X-Served-By"] for n in range(6)]
    say(f"   served by: {', '.join(served_by)}")
    say(f"   SELECT statements: {reads}")

    say("\n2. A logged-in editor: the same page and the admin list, through haproxy")
    cookies = editor_cookies()
    with StatementCounter() as staff:
        get(url, cookies=cookies, params={"drill": "staff"})
        get(f"/{settings.ADMIN_URL}candidates/candidate/", cookies=cookies)
    say(f"   SELECT statements: {staff}")

    marker = f"Drill change {time.strftime('%H:%M:%S')}."
    say(f"\n3. Saving the summary {marker!r} on the primary")
    save_summary(candidate, marker)
    saved = time.monotonic()
    on_replica = wait_for(lambda: replica_value(candidate.pk) == marker)
    say(f"   on the replica after {on_replica * 1000:.0f} ms (replication)")
    pages = []
    with StatementCounter() as fresh:
        wait_for(lambda: pages.append(get(url)) or marker in pages[-1].text)
    say(
        f"   on the public page through haproxy {(time.monotonic() - saved) * 1000:.0f} ms "
        f"after the save, at page request {len(pages)} (served by "
        f"{pages[-1].headers['X-Served-By']} in {pages[-1].elapsed.total_seconds() * 1000:.0f} "
        f"ms); SELECTs: {fresh}"
    )
    with server(PRIMARY_PORT) as db:
        lag = db.execute(
            "SELECT application_name, state, replay_lag, "
            "pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) FROM pg_stat_replication"
        ).fetchall()
    for name, state, replay_lag, behind in lag:
        say(
            f"   pg_stat_replication: {name} {state}, replay_lag {replay_lag}, "
            f"{behind} bytes behind"
        )

    say("\n4. Replay paused on the replica: the replica falls behind")
    with server(REPLICA_PORT) as db:
        db.execute("SELECT pg_wal_replay_pause()")
    try:
        behind = f"Drill change while the replica is behind {time.strftime('%H:%M:%S')}."
        save_summary(candidate, behind)
        with StatementCounter() as paused:
            page = get(url).text
        say(f"   replica still has: {replica_value(candidate.pk)!r}")
        say(f"   public page shows the new summary: {behind in page}; SELECTs: {paused}")
    finally:
        with server(REPLICA_PORT) as db:
            db.execute("SELECT pg_wal_replay_resume()")
    caught_up = wait_for(lambda: replica_value(candidate.pk) == behind)
    say(f"   replay resumed: the replica caught up in {caught_up * 1000:.0f} ms")
    with StatementCounter() as after:
        get(url, params={"drill": "after"})
    say(f"   next anonymous page: SELECTs {after}")

    if FRONT:
        varnish_demo(candidate, url)

    save_summary(candidate, original)
    say("\nThe candidate's summary is back as it was.")


def varnish_demo(candidate: Candidate, url: str) -> None:
    say(f"\n5. Varnish in front of haproxy ({FRONT}): purges by surrogate key on commit")
    changed = {f"candidate-{candidate.pk}", "list-candidate", "any-candidate"}
    others = [
        item.get_absolute_url()
        for item in [*Candidate.objects.published().exclude(pk=candidate.pk), *Source.objects.all()]
    ] + ["/sources/", "/corrections/"]
    unrelated_path, unrelated = None, None
    for path in others:
        requests.get(f"{FRONT}{path}", timeout=10)
        response = requests.get(f"{FRONT}{path}", timeout=10)
        keys = set(response.headers.get("xkey", "").split())
        if response.headers.get("X-Cache") == "hit" and keys and not changed & keys:
            unrelated_path, unrelated = path, response
            break
    requests.get(f"{FRONT}{url}", timeout=10)
    first = requests.get(f"{FRONT}{url}", timeout=10)
    say(f"   profile: X-Cache {first.headers['X-Cache']}, xkey {first.headers['xkey'][:60]}…")
    marker = f"Drill change through Varnish {time.strftime('%H:%M:%S')}."
    save_summary(candidate, marker)
    pages = []
    took = wait_for(
        lambda: pages.append(requests.get(f"{FRONT}{url}", timeout=10)) or marker in pages[-1].text
    )
    say(f"   the profile shows the change {took * 1000:.0f} ms after the save ({len(pages)} GETs)")
    if unrelated is None:
        say("   (every other page shows this candidate: none to keep cached)")
        return
    again = requests.get(f"{FRONT}{unrelated_path}", timeout=10)
    same = again.headers["X-Varnish"].split()[-1] == unrelated.headers["X-Varnish"].split()[-1]
    say(
        f"   {unrelated_path} (not showing it): X-Cache {again.headers['X-Cache']}, "
        f"same copy: {same}"
    )


if __name__ == "__main__":
    main()
