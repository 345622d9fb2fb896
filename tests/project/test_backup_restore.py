"""`make backup` / `make restore` (scripts/backup.py): a restored copy holds every row.

On the PostgreSQL run the seed newsroom is dumped by pg_dump and restored by pg_restore
into a fresh database, then every table is compared row by row, ordered by primary key. On
the SQLite run the same is done with SQLite's backup API. A missing pg_dump fails the
PostgreSQL run: the script exits with an error, it is never skipped.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from psycopg import sql

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
postgres_only = pytest.mark.skipif(
    not ON_POSTGRES, reason="pg_dump/pg_restore: covered by the PostgreSQL run"
)
sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="SQLite backup API: covered by the SQLite run")
pytestmark = pytest.mark.django_db(transaction=True)


def run_backup_script(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"TARGET_URL", "CONFIRM"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "scripts/backup.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def only_file(directory: Path) -> Path:
    files = list(directory.iterdir())
    assert len(files) == 1, files
    return files[0]


@pytest.fixture
def seeded(transactional_db, seed_newsroom_dump):
    """The seed newsroom, committed, so that another process can read it."""
    call_command("loaddata", str(seed_newsroom_dump), verbosity=0)


# PostgreSQL


def postgres_url(name: str) -> str:
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    user = quote(db["USER"] or "postgres", safe="")
    return f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def postgres_connect(name: str) -> psycopg.Connection:
    return psycopg.connect(postgres_url(name).replace("postgres://", "postgresql://", 1))


def postgres_contents(name: str) -> dict:
    """Every table's rows ordered by primary key, and every sequence's position."""
    contents = {}
    with postgres_connect(name) as db:
        tables = db.execute(
            "SELECT c.oid, n.nspname, c.relname FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
            "AND n.nspname NOT LIKE 'pg_toast%'"
        ).fetchall()
        for oid, schema, table in tables:
            key = [
                row[0]
                for row in db.execute(
                    "SELECT a.attname FROM pg_index i JOIN pg_attribute a "
                    "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                    "WHERE i.indrelid = %s AND i.indisprimary ORDER BY a.attnum",
                    [oid],
                )
            ]
            assert key, f"{schema}.{table} has no primary key"
            query = sql.SQL("SELECT * FROM {}.{} ORDER BY {}").format(
                sql.Identifier(schema),
                sql.Identifier(table),
                sql.SQL(", ").join(map(sql.Identifier, key)),
            )
            contents[f"{schema}.{table}"] = db.execute(query).fetchall()
        for schema, sequence in db.execute(
            "SELECT schemaname, sequencename FROM pg_sequences"
        ).fetchall():
            contents[f"sequence {schema}.{sequence}"] = db.execute(
                sql.SQL("SELECT last_value, is_called FROM {}.{}").format(
                    sql.Identifier(schema), sql.Identifier(sequence)
                )
            ).fetchall()
    return contents


@pytest.fixture
def scratch_names():
    """Database names for restores, dropped afterwards with whatever a restore set aside."""
    prefix = f"{connection.settings_dict['NAME']}_restore"
    yield prefix
    with postgres_connect("postgres") as db:
        db.autocommit = True
        for (name,) in db.execute(
            "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [prefix]
        ).fetchall():
            db.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@postgres_only
def test_pg_restore_into_a_fresh_database_gives_back_every_row(seeded, scratch_names, tmp_path):
    source = connection.settings_dict["NAME"]
    target = f"{scratch_names}d"

    backed_up = run_backup_script(
        "backup", "--dir", str(tmp_path), DATABASE_URL=postgres_url(source)
    )
    assert backed_up.returncode == 0, backed_up.stderr
    dump = only_file(tmp_path)
    assert dump.name.startswith("ballotdesk-") and dump.suffix == ".dump"
    assert dump.read_bytes().startswith(b"PGDMP")

    restored = run_backup_script(
        "restore", str(dump), DATABASE_URL=postgres_url(source), TARGET_URL=postgres_url(target)
    )
    assert restored.returncode == 0, restored.stderr
    assert f"Restored {dump}" in restored.stdout

    original, copy = postgres_contents(source), postgres_contents(target)
    assert len(original["public.candidates_candidate"]) > 0
    assert len(original["public.candidates_quote"]) > 0
    assert copy.keys() == original.keys()
    for table, rows in original.items():
        assert copy[table] == rows, table


@postgres_only
def test_pg_restore_refuses_a_database_that_holds_tables(seeded, tmp_path):
    source = connection.settings_dict["NAME"]
    url = postgres_url(source)
    assert run_backup_script("backup", "--dir", str(tmp_path), DATABASE_URL=url).returncode == 0
    before = postgres_contents(source)

    refused = run_backup_script("restore", str(only_file(tmp_path)), DATABASE_URL=url)

    assert refused.returncode == 2
    assert "REFUSED" in refused.stdout and "nothing was changed" in refused.stdout
    assert "CONFIRM=1" in refused.stdout and "TARGET_URL" in refused.stdout
    assert postgres_contents(source) == before


@postgres_only
def test_confirmed_pg_restore_replaces_the_database_and_keeps_the_old_one(
    seeded, scratch_names, tmp_path
):
    source = connection.settings_dict["NAME"]
    target = f"{scratch_names}c"
    backed_up = run_backup_script(
        "backup", "--dir", str(tmp_path), DATABASE_URL=postgres_url(source)
    )
    assert backed_up.returncode == 0, backed_up.stderr
    dump = only_file(tmp_path)
    first = run_backup_script("restore", str(dump), TARGET_URL=postgres_url(target))
    assert first.returncode == 0, first.stderr
    with postgres_connect(target) as db:
        db.execute("UPDATE candidates_candidate SET full_name = 'Edited after the backup'")

    replaced = run_backup_script("restore", str(dump), TARGET_URL=postgres_url(target), CONFIRM="1")

    assert replaced.returncode == 0, replaced.stderr
    assert postgres_contents(target) == postgres_contents(source)
    # The name is the target's, cut to PostgreSQL's 63 bytes to make room for the suffix.
    with postgres_connect("postgres") as db:
        (kept,) = db.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s AND starts_with(%s, "
            "split_part(datname, '_before_restore_', 1))",
            ["%\\_before\\_restore\\_%", target],
        ).fetchone()
    assert f"kept as {kept}" in replaced.stdout
    with postgres_connect(kept) as db:
        names = {row[0] for row in db.execute("SELECT full_name FROM candidates_candidate")}
    assert names == {"Edited after the backup"}


# SQLite


def sqlite_contents(path: Path) -> dict:
    with sqlite3.connect(path) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: db.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            for table in tables
            if not table.startswith("sqlite_stat")
        }


@pytest.fixture
def sqlite_file(seeded, tmp_path) -> Path:
    """The seeded test database, copied from memory to a file as `make run` keeps it."""
    path = tmp_path / "db.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    return path


@sqlite_only
def test_sqlite_backup_restores_every_row_into_a_new_file(sqlite_file, tmp_path):
    backups, target = tmp_path / "backups", tmp_path / "restored.sqlite3"

    backed_up = run_backup_script(
        "backup", "--dir", str(backups), DATABASE_URL=f"sqlite:///{sqlite_file}"
    )
    assert backed_up.returncode == 0, backed_up.stderr
    copy = only_file(backups)
    assert copy.name.startswith("ballotdesk-") and copy.suffix == ".sqlite3"

    restored = run_backup_script("restore", str(copy), TARGET_URL=f"sqlite:///{target}")
    assert restored.returncode == 0, restored.stderr

    original = sqlite_contents(sqlite_file)
    assert len(original["candidates_quote"]) > 0
    assert sqlite_contents(target) == original


@sqlite_only
def test_sqlite_restore_refuses_a_database_that_holds_tables(sqlite_file, tmp_path):
    url = f"sqlite:///{sqlite_file}"
    backups = tmp_path / "backups"
    assert run_backup_script("backup", "--dir", str(backups), DATABASE_URL=url).returncode == 0
    before = sqlite_contents(sqlite_file)

    refused = run_backup_script("restore", str(only_file(backups)), DATABASE_URL=url)

    assert refused.returncode == 2
    assert "REFUSED" in refused.stdout and "nothing was changed" in refused.stdout
    assert sqlite_contents(sqlite_file) == before


def test_restore_of_a_file_that_is_not_a_backup_says_so(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database")

    failed = run_backup_script(
        "restore", str(junk), TARGET_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}"
    )

    assert failed.returncode == 1
    assert "neither a pg_dump custom-format archive nor a SQLite database" in failed.stderr
    assert not (tmp_path / "x.sqlite3").exists()
