"""Throwaway servers for the load and fault tests: a PostgreSQL cluster, a redis-server and
gunicorn app processes, each on a free port of its own, all removed afterwards.

The machine's own PostgreSQL (5432) and Redis (6379) are never touched: every fault is done
to these servers. The app runs with the production settings of `make serve` (DEBUG off,
psycopg pool, Redis page cache, hashed static files); only its ports and folders differ.
"""

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg
import redis

PROJECT = Path(__file__).resolve().parents[2]
PG_BIN = Path(os.environ.get("SOAK_PG_BIN", "/usr/lib/postgresql/15/bin"))
DATABASE = "ballotdesk"
ADMIN_USERNAME = "soak-editor"
ADMIN_PASSWORD = "soak editor passphrase 42"
REDIS_OPTIONS = ("--save", "", "--appendonly", "no")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def wait_for(check, *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if check():
                return
        except Exception:
            pass  # anything short of an answer means "not yet"
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not come up within {seconds:.0f} s")
        time.sleep(0.1)


class ThrowawayPostgres:
    """A PostgreSQL 15 cluster in a temporary folder, trust authentication, loopback only."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data = folder / "pgdata"
        self.log = folder / "postgres.log"
        self.port = free_port()

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"

    def _pg_ctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), *args]),
            check=check,
            capture_output=True,
            text=True,
        )

    def init(self) -> None:
        assert (PG_BIN / "initdb").exists(), f"PostgreSQL 15 is needed: {PG_BIN}/initdb"
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        subprocess.run(
            as_postgres(
                [
                    str(PG_BIN / "initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--no-sync",
                ]
            ),
            check=True,
            capture_output=True,
        )
        self.start()
        with psycopg.connect(self.server_url, autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {DATABASE}")

    @property
    def server_url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} "
            "-c fsync=off -c full_page_writes=off -c max_connections=100"
        )
        self._pg_ctl("-o", options, "-l", str(self.log), "-w", "-t", "30", "start")
        wait_for(self.is_ready, seconds=30, what=f"PostgreSQL on port {self.port}")

    def stop(self) -> None:
        # fast: running queries are cancelled and clients cut off, as in a real restart.
        self._pg_ctl("-m", "fast", "-w", "stop", check=False)

    def is_ready(self) -> bool:
        with psycopg.connect(self.server_url, connect_timeout=1) as connection:
            return connection.execute("SELECT 1").fetchone() == (1,)

    def query(self, sql: str, params=None) -> list[tuple]:
        with psycopg.connect(self.url, connect_timeout=5) as connection:
            return connection.execute(sql, params).fetchall()


class ThrowawayRedis:
    """A redis-server on a free port, in memory only."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        executable = shutil.which("redis-server")
        assert executable, "redis-server is needed (apt-get install redis-server)"
        self.process = subprocess.Popen(
            [executable, "--bind", "127.0.0.1", "--port", str(self.port), *REDIS_OPTIONS],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.5)
        wait_for(client.ping, seconds=10, what=f"redis-server on port {self.port}")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


class AppServer:
    """gunicorn with ballotdesk/gunicorn.conf.py, as `make serve` starts it."""

    def __init__(self, name: str, environment: dict[str, str], folder: Path, workers: int):
        self.name = name
        self.port = free_port()
        self.environment = {
            **environment,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": str(workers),
        }
        self.log = folder / f"gunicorn-{name}.log"
        self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *, wait: bool = True) -> None:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [str(gunicorn), "--config", "ballotdesk/gunicorn.conf.py"],
                cwd=PROJECT,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        if wait:
            self.wait_until_healthy()

    def wait_until_healthy(self) -> None:
        def healthy():
            assert self.process.poll() is None, self.log_tail()
            with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                return response.status == 200

        wait_for(healthy, seconds=60, what=f"gunicorn {self.name} on port {self.port}")

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process and self.process.poll() is None else None

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.process = None

    def log_tail(self, lines: int = 30) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        return ""


class Stack:
    """PostgreSQL, Redis and two app processes ("a" and "b") sharing them.

    `start()` migrates, loads the seed newsroom and the soak world (bench/soak/world.py),
    collects static files and starts both apps; `close()` stops everything and removes the
    folder, whatever state it was left in.
    """

    def __init__(self, *, contests: int, workers: int = 2, log=print):
        self.contests = contests
        self.folder = Path(tempfile.mkdtemp(prefix="bd-soak-"))
        os.chmod(self.folder, 0o755)
        (self.folder / "pg").mkdir()
        self.postgres = ThrowawayPostgres(self.folder / "pg")
        self.redis = ThrowawayRedis()
        self.workers = workers
        self.log = log
        self.apps: dict[str, AppServer] = {}

    @property
    def environment(self) -> dict[str, str]:
        keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TZ")
        return {
            **{name: os.environ[name] for name in keep if name in os.environ},
            "DJANGO_SETTINGS_MODULE": "ballotdesk.settings",
            "DEBUG": "off",
            "SECRET_KEY": self.secret_key,
            "DATABASE_URL": self.postgres.url,
            "CACHE_URL": f"rediscache://127.0.0.1:{self.redis.port}/1",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Plain HTTP on loopback, as under `make serve`; cookies too, for the desk login.
            "SECURE_SSL_REDIRECT": "off",
            "SECURE_COOKIES": "off",
            "STATIC_ROOT": str(self.folder / "static"),
            "LOG_LEVEL": "WARNING",
        }

    def manage(self, *args: str) -> str:
        finished = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT,
            env=self.environment,
            capture_output=True,
            text=True,
        )
        if finished.returncode:
            raise AssertionError(
                f"manage.py {' '.join(args)} failed ({finished.returncode}):\n"
                f"{finished.stdout[-2000:]}\n{finished.stderr[-4000:]}"
            )
        return finished.stdout

    def start(self) -> None:
        self.secret_key = secrets.token_urlsafe(50)
        started = time.monotonic()
        self.postgres.init()
        self.redis.start()
        self.log(f"soak: PostgreSQL on :{self.postgres.port}, Redis on :{self.redis.port}")
        # Static files do not need the database: collected while it is migrated and filled.
        collecting = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=PROJECT,
            env=self.environment,
        )
        try:
            self.manage("migrate", "--no-input", "-v0")
            build = f"from bench.soak import world; world.build({int(self.contests)})"
            self.manage("shell", "-c", build)
        finally:
            assert collecting.wait(timeout=120) == 0, "collectstatic failed"
        for name in ("a", "b"):
            self.apps[name] = AppServer(name, self.environment, self.folder, self.workers)
            self.apps[name].start(wait=False)
        for app in self.apps.values():
            app.wait_until_healthy()
        self.log(
            f"soak: apps on :{self.apps['a'].port} and :{self.apps['b'].port} "
            f"({self.workers} workers each), ready in {time.monotonic() - started:.1f} s"
        )

    def close(self) -> None:
        for app in self.apps.values():
            with contextlib.suppress(Exception):
                app.stop()
        with contextlib.suppress(Exception):
            self.redis.stop()
        with contextlib.suppress(Exception):
            self.postgres.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info):
        self.close()
