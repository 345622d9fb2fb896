"""`make backup` and `make restore FILE=...`: the database in DATABASE_URL, with its own tools.

PostgreSQL is dumped by pg_dump in its custom format and restored by pg_restore; SQLite is
copied with SQLite's online backup API (what `sqlite3 db.sqlite3 ".backup FILE"` does), so
a running site can be backed up either way.

    python scripts/backup.py backup [--dir backups]
    python scripts/backup.py restore FILE [--confirm]

The database is DATABASE_URL (default: the `make serve` database,
postgres://postgres@127.0.0.1:5432/ballotdesk). A restore goes into TARGET_URL when it is
set, otherwise into DATABASE_URL. It never overwrites silently: a target that is missing or
holds no table is filled; one that holds tables is left alone unless --confirm (CONFIRM=1)
is given, and even then the restore is made into a new database first and the old one is
kept under another name, so a failed or mistaken restore loses nothing.
"""

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import environ
import psycopg
from psycopg import sql

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/ballotdesk"
POSTGRES_ENGINES = {"django.db.backends.postgresql", "django.contrib.gis.db.backends.postgis"}
PG_DUMP_MAGIC = b"PGDMP"
SQLITE_MAGIC = b"SQLite format 3\x00"
# PostgreSQL cuts identifiers at 63 bytes.
MAX_NAME = 63
# Exit status when the command refuses to do something that would lose data.
REFUSED = 2


class BackupError(Exception):
    """Something the operator must fix; the message says what."""


def stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def say(message: str) -> None:
    print(message, flush=True)


def size_text(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


@dataclass
class PostgresDatabase:
    """A PostgreSQL database named by a Django-style URL."""

    name: str
    host: str
    port: int
    user: str
    password: str
    options: dict

    @classmethod
    def from_config(cls, config: dict) -> "PostgresDatabase":
        return cls(
            name=config["NAME"],
            host=config.get("HOST") or "127.0.0.1",
            port=int(config.get("PORT") or 5432),
            user=config.get("USER") or "postgres",
            password=config.get("PASSWORD") or "",
            options={k: v for k, v in (config.get("OPTIONS") or {}).items() if k != "pool"},
        )

    def __str__(self) -> str:
        return f"{self.name} on {self.host}:{self.port}"

    def named(self, name: str) -> "PostgresDatabase":
        return PostgresDatabase(name, self.host, self.port, self.user, self.password, self.options)

    def libpq_env(self) -> dict:
        """The environment for pg_dump and pg_restore: the password never goes on argv."""
        env = dict(os.environ, PGHOST=self.host, PGPORT=str(self.port), PGUSER=self.user)
        env["PGDATABASE"] = self.name
        if self.password:
            env["PGPASSWORD"] = self.password
        if "sslmode" in self.options:
            env["PGSSLMODE"] = str(self.options["sslmode"])
        return env

    def connect(self, *, database: str | None = None) -> psycopg.Connection:
        try:
            return psycopg.connect(
                host=self.host,
                port=self.port,
                user=self.user,
                password=self.password or None,
                dbname=database or self.name,
                autocommit=True,
                connect_timeout=10,
                application_name="ballotdesk-backup",
                **self.options,
            )
        except psycopg.OperationalError as error:
            raise BackupError(
                f"Cannot connect to PostgreSQL database {database or self.name} on "
                f"{self.host}:{self.port}: {str(error).strip()}"
            ) from error

    def exists(self) -> bool:
        with self.connect(database="postgres") as db:
            found = db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name])
            return found.fetchone() is not None


def user_tables(db: psycopg.Connection) -> list[tuple[str, str]]:
    """Every ordinary table outside PostgreSQL's own schemas, as (schema, name)."""
    return db.execute(
        "SELECT table_schema, table_name FROM information_schema.tables "
        "WHERE table_type = 'BASE TABLE' "
        "AND table_schema NOT IN ('pg_catalog', 'information_schema') "
        "ORDER BY table_schema, table_name"
    ).fetchall()


def count_rows(db: psycopg.Connection, tables: list[tuple[str, str]]) -> int:
    return sum(
        db.execute(
            sql.SQL("SELECT count(*) FROM {}.{}").format(
                sql.Identifier(schema), sql.Identifier(name)
            )
        ).fetchone()[0]
        for schema, name in tables
    )


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL


def parse(url: str) -> dict:
    try:
        return environ.Env.db_url_config(url)
    except Exception as error:
        raise BackupError(f"Cannot read the database URL {url!r}: {error}") from error


def need(tool: str) -> str:
    path = shutil.which(tool)
    if not path:
        raise BackupError(
            f"{tool} is not installed: it comes with PostgreSQL's client tools "
            "(apt-get install postgresql-client)."
        )
    return path


def run_tool(command: list[str], env: dict) -> subprocess.CompletedProcess:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed:\n{done.stderr.strip()}")
    return done


def new_backup_path(directory: Path, suffix: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    base = f"ballotdesk-{stamp()}"
    path = directory / f"{base}{suffix}"
    number = 2
    while path.exists():
        path = directory / f"{base}-{number}{suffix}"
        number += 1
    return path


def shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(PROJECT_DIR))
    except ValueError:
        return str(path)


# Backup


def backup_postgres(database: PostgresDatabase, directory: Path) -> Path:
    pg_dump = need("pg_dump")
    with database.connect() as db:
        server = db.execute("SHOW server_version").fetchone()[0].split()[0]
        tables = user_tables(db)
        rows = count_rows(db, tables)
    say(
        f"Backing up PostgreSQL database {database} (server {server}): "
        f"{len(tables)} tables, {rows:,} rows."
    )
    path = new_backup_path(directory, ".dump")
    partial = path.with_name(path.name + ".partial")
    started = time.monotonic()
    try:
        run_tool(
            [pg_dump, "--format=custom", "--no-password", f"--file={partial}"], database.libpq_env()
        )
        partial.rename(path)
    finally:
        partial.unlink(missing_ok=True)
    entries = archive_contents(path)
    say(
        f"Wrote {shown(path)} ({size_text(path.stat().st_size)}, "
        f"{entries['TABLE DATA']} tables' data) in {time.monotonic() - started:.1f} s."
    )
    return path


def backup_sqlite(source: Path, directory: Path) -> Path:
    if not source.is_file():
        raise BackupError(f"There is no SQLite database at {source}.")
    path = new_backup_path(directory, ".sqlite3")
    partial = path.with_name(path.name + ".partial")
    say(f"Backing up SQLite database {shown(source)} with SQLite's online backup.")
    started = time.monotonic()
    try:
        with (
            sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True) as original,
            sqlite3.connect(partial) as copy,
        ):
            original.backup(copy)
            tables = sqlite_tables(copy)
            rows = sqlite_rows(copy, tables)
        partial.rename(path)
    finally:
        partial.unlink(missing_ok=True)
    say(
        f"Wrote {shown(path)} ({size_text(path.stat().st_size)}, {len(tables)} tables, "
        f"{rows:,} rows) in {time.monotonic() - started:.1f} s."
    )
    return path


def backup(directory: Path) -> Path:
    config = parse(database_url())
    if config["ENGINE"] in POSTGRES_ENGINES:
        path = backup_postgres(PostgresDatabase.from_config(config), directory)
    elif config["ENGINE"] == "django.db.backends.sqlite3":
        path = backup_sqlite(Path(config["NAME"]), directory)
    else:
        raise BackupError(f"Backups of {config['ENGINE']} databases are not supported.")
    say(f"Restore it with: make restore FILE={shown(path)}")
    return path


# Restore


def archive_contents(path: Path) -> dict:
    """What pg_restore --list reads in a custom-format archive; fails on a damaged one."""
    listing = run_tool([need("pg_restore"), "--list", str(path)], dict(os.environ)).stdout
    contents = {"TABLE DATA": 0, "TABLE": 0, "dbname": "?", "created": "?"}
    for line in listing.splitlines():
        if line.startswith(";"):
            text = line.lstrip("; ").strip()
            if text.startswith("dbname:"):
                contents["dbname"] = text.split(":", 1)[1].strip()
            elif text.startswith("Archive created at"):
                contents["created"] = text.removeprefix("Archive created at").strip()
            continue
        for kind in ("TABLE DATA", "TABLE"):
            if f" {kind} " in line:
                contents[kind] += 1
                break
    return contents


def refuse(message: str) -> None:
    say(f"REFUSED: {message}")
    raise SystemExit(REFUSED)


def pg_restore_into(path: Path, database: PostgresDatabase) -> None:
    run_tool(
        [
            need("pg_restore"),
            "--no-password",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={database.name}",
            str(path),
        ],
        database.libpq_env(),
    )


def create_database(database: PostgresDatabase) -> None:
    with database.connect(database="postgres") as db:
        db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database.name)))


def drop_database(database: PostgresDatabase) -> None:
    with database.connect(database="postgres") as db:
        db.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(database.name)))


def side_name(name: str, word: str, when: str) -> str:
    suffix = f"_{word}_{when.lower()}"
    return name[: MAX_NAME - len(suffix)] + suffix


def restore_postgres(path: Path, target: PostgresDatabase, *, confirm: bool) -> None:
    contents = archive_contents(path)
    say(
        f"{shown(path)}: a pg_dump archive of database {contents['dbname']} made "
        f"{contents['created']}, {contents['TABLE']} tables."
    )
    when = stamp()
    kept = None
    created = True
    if not target.exists():
        say(f"Creating database {target}.")
        create_database(target)
        into = target
    else:
        with target.connect() as db:
            tables = user_tables(db)
            rows = count_rows(db, tables) if tables else 0
        if not tables:
            say(f"Database {target} exists and holds no table: restoring into it.")
            into = target
            created = False
        elif not confirm:
            refuse(
                f"database {target} already holds {len(tables)} tables and {rows:,} rows; "
                "nothing was changed.\n"
                "  To restore beside it:  make restore FILE=... "
                "TARGET_URL=postgres://.../ballotdesk_restored\n"
                "  To replace it:         make restore FILE=... CONFIRM=1 "
                "(the current database is kept under another name)"
            )
        else:
            others = other_sessions(target)
            if others:
                refuse(
                    f"{len(others)} other connection(s) are open on {target} "
                    f"({', '.join(others)}). Stop the app (gunicorn, make serve) first; "
                    "nothing was changed."
                )
            into = target.named(side_name(target.name, "restoring", when))
            kept = target.named(side_name(target.name, "before_restore", when))
            say(
                f"Database {target} holds {len(tables)} tables and {rows:,} rows: restoring "
                f"into {into.name} first, then swapping names (CONFIRM=1)."
            )
            create_database(into)

    started = time.monotonic()
    try:
        pg_restore_into(path, into)
    except BackupError:
        if created:
            drop_database(into)
            say(f"Dropped {into.name}, which this restore had created; nothing else changed.")
        else:
            say(f"pg_restore ran in one transaction: {target} is as it was.")
        raise
    if kept is not None:
        swap_names(target, into, kept)

    with target.connect() as db:
        tables = user_tables(db)
        rows = count_rows(db, tables)
    say(
        f"Restored {shown(path)} into {target}: {len(tables)} tables, {rows:,} rows, "
        f"in {time.monotonic() - started:.1f} s."
    )
    if kept is not None:
        say(
            f"The database that was there is kept as {kept.name}. "
            f"Drop it once you are sure: dropdb -h {target.host} -p {target.port} {kept.name}"
        )


def other_sessions(database: PostgresDatabase) -> list[str]:
    with database.connect(database="postgres") as db:
        rows = db.execute(
            "SELECT coalesce(nullif(application_name, ''), 'unnamed') || ' pid ' || pid "
            "FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [database.name],
        ).fetchall()
    return [row[0] for row in rows]


def swap_names(target: PostgresDatabase, restored: PostgresDatabase, kept: PostgresDatabase):
    with target.connect(database="postgres") as db:
        try:
            db.execute(
                sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                    sql.Identifier(target.name), sql.Identifier(kept.name)
                )
            )
        except psycopg.Error as error:
            db.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(restored.name)))
            raise BackupError(
                f"Could not set {target} aside ({str(error).strip()}); it is unchanged and "
                "the restored copy was dropped."
            ) from error
        db.execute(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                sql.Identifier(restored.name), sql.Identifier(target.name)
            )
        )


def sqlite_tables(db: sqlite3.Connection) -> list[str]:
    return [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def sqlite_rows(db: sqlite3.Connection, tables: list[str]) -> int:
    return sum(db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables)


def restore_sqlite(path: Path, target: Path, *, confirm: bool) -> None:
    kept = None
    if target.exists() and target.stat().st_size:
        with sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True) as db:
            tables = sqlite_tables(db)
            rows = sqlite_rows(db, tables)
        if tables and not confirm:
            refuse(
                f"SQLite database {target} already holds {len(tables)} tables and {rows:,} "
                "rows; nothing was changed.\n"
                "  To restore beside it:  make restore FILE=... TARGET_URL=sqlite:////path/new.sqlite3\n"
                "  To replace it:         make restore FILE=... CONFIRM=1 "
                "(the current file is kept beside it)"
            )
        if tables:
            kept = target.with_name(f"{target.name}.before-restore-{stamp()}")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".restoring")
    started = time.monotonic()
    try:
        with (
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as archive,
            sqlite3.connect(partial) as copy,
        ):
            archive.backup(copy)
            tables = sqlite_tables(copy)
            rows = sqlite_rows(copy, tables)
        if kept is not None:
            target.rename(kept)
        partial.rename(target)
    finally:
        partial.unlink(missing_ok=True)
    say(
        f"Restored {shown(path)} into SQLite database {target}: {len(tables)} tables, "
        f"{rows:,} rows, in {time.monotonic() - started:.1f} s."
    )
    if kept is not None:
        say(f"The database that was there is kept as {kept}.")


def restore(path: Path | None, *, confirm: bool) -> None:
    if path is None or not path.is_file():
        found = sorted((PROJECT_DIR / "backups").glob("ballotdesk-*"))[-3:]
        latest = "".join(f"\n  make restore FILE={shown(file)}" for file in found)
        problem = f"No backup file at {path}." if path else "Say which backup to restore."
        raise BackupError(f"{problem} The latest in backups/:{latest or ' none'}")
    with path.open("rb") as archive:
        head = archive.read(16)
    target_url = os.environ.get("TARGET_URL") or database_url()
    config = parse(target_url)
    if head.startswith(PG_DUMP_MAGIC):
        if config["ENGINE"] not in POSTGRES_ENGINES:
            raise BackupError(f"{path} is a PostgreSQL archive; {target_url} is not PostgreSQL.")
        restore_postgres(path, PostgresDatabase.from_config(config), confirm=confirm)
    elif head == SQLITE_MAGIC:
        if config["ENGINE"] != "django.db.backends.sqlite3":
            raise BackupError(f"{path} is a SQLite database; {target_url} is not SQLite.")
        restore_sqlite(path, Path(config["NAME"]), confirm=confirm)
    else:
        raise BackupError(
            f"{path} is neither a pg_dump custom-format archive nor a SQLite database."
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(
            "Back up or restore the Ballot Desk database in DATABASE_URL "
            f"(default {DEFAULT_DATABASE_URL}) with PostgreSQL's pg_dump/pg_restore, "
            "or SQLite's backup API."
        )
    )
    commands = parser.add_subparsers(dest="command", required=True)
    backup_parser = commands.add_parser(
        "backup", help="Write backups/ballotdesk-<UTC time>.dump (.sqlite3 for SQLite)."
    )
    backup_parser.add_argument(
        "--dir", type=Path, default=PROJECT_DIR / "backups", help="Where to write (backups/)."
    )
    restore_parser = commands.add_parser(
        "restore",
        help=(
            "Restore FILE into TARGET_URL (default DATABASE_URL). A missing or empty "
            "database is filled; one with tables needs --confirm."
        ),
    )
    restore_parser.add_argument("file", help="A file written by `make backup`.")
    restore_parser.add_argument(
        "--confirm",
        action="store_true",
        default=os.environ.get("CONFIRM", "") not in ("", "0"),
        help=(
            "Replace a database that holds tables (also CONFIRM=1). The restore is made "
            "into a new database first; the old one is kept under another name."
        ),
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "backup":
            backup(args.dir)
        else:
            restore(Path(args.file) if args.file else None, confirm=args.confirm)
    except BackupError as error:
        print(f"ERROR: {error}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
