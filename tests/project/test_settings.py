"""Settings come from the environment, with strict refusals when DEBUG is off."""

import os
import subprocess
import sys

from django.conf import settings


def run_settings(**env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    environment.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import ballotdesk.settings as s; print(s.DATABASES['default']['ENGINE'])",
        ],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_start_without_secret_key_fails_with_a_clear_message():
    completed = run_settings(DEBUG="off")
    assert completed.returncode != 0
    assert "SECRET_KEY is not set" in completed.stderr


def test_production_start_with_a_secret_key_succeeds():
    completed = run_settings(DEBUG="off", SECRET_KEY="x" * 50)
    assert completed.returncode == 0, completed.stderr


def test_default_database_is_sqlite_in_the_project_folder():
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    completed = subprocess.run(
        [sys.executable, "-c", "import ballotdesk.settings as s; print(s.DATABASES['default'])"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "sqlite3" in completed.stdout
    assert str(settings.BASE_DIR / "db.sqlite3") in completed.stdout


def test_database_url_selects_postgresql_through_psycopg():
    completed = run_settings(DATABASE_URL="postgres://postgres@127.0.0.1:5432/anything")
    assert completed.stdout.strip() == "django.db.backends.postgresql"


def test_tests_hash_passwords_fast_but_the_site_does_not():
    import subprocess
    import sys

    from django.conf import settings

    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
    site = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; "
            "import django; django.setup(); print(settings.PASSWORD_HASHERS[0])",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "ballotdesk.settings"},
    ).stdout.strip()
    assert site.endswith("PBKDF2PasswordHasher")


def test_postgresql_sessions_run_without_jit_unless_asked(db):
    """JIT compiles costly-looking queries; for a page's short queries it costs more than it
    saves (bench: 490 ms of JIT on an 850 ms home-page query). SQLite has no such thing."""
    import pytest
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("JIT is a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import ballotdesk.settings as s; "
            "print(s.DATABASES['default'].get('OPTIONS', {}).get('options', ''))",
        ],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/x",
            "DATABASE_JIT": "on",
            "DEBUG": "on",
        },
        check=True,
    )
    assert "jit" not in completed.stdout
