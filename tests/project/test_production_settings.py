"""The production configuration: `check --deploy` is clean, HTTPS is switchable for a proxy,
the admin path is configurable, and PostgreSQL connections are pooled."""

import os
import secrets
import subprocess
import sys

from django.conf import settings

PRODUCTION = {
    "DEBUG": "off",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "news.example.org",
    "SITE_URL": "https://news.example.org",
}


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "CACHE_URL", "ADMIN_URL", "ALLOWED_HOSTS"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def setting(expression: str, **env: str) -> str:
    completed = run("-c", f"import ballotdesk.settings as s; print({expression})", **env)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip()


def test_check_deploy_reports_nothing_under_production_settings():
    completed = run("manage.py", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert completed.returncode == 0, completed.stderr
    assert "System check identified no issues" in completed.stdout


def test_check_deploy_is_clean_behind_a_tls_terminating_proxy():
    completed = run(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        BEHIND_TLS_PROXY="on",
        CACHE_URL="rediscache://127.0.0.1:6379/1",
        **PRODUCTION,
    )

    assert completed.returncode == 0, completed.stderr


def test_proxy_switch_trusts_forwarded_proto():
    assert setting("getattr(s, 'SECURE_PROXY_SSL_HEADER', None)", **PRODUCTION) == "None"
    assert (
        setting("s.SECURE_PROXY_SSL_HEADER", BEHIND_TLS_PROXY="on", **PRODUCTION)
        == "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_production_answers_only_its_own_host_names_by_default():
    production = {k: v for k, v in PRODUCTION.items() if k != "ALLOWED_HOSTS"}

    assert setting("s.ALLOWED_HOSTS", **production) == "['127.0.0.1', 'localhost', '[::1]']"


def test_development_answers_the_test_client_too():
    assert "testserver" in setting("s.ALLOWED_HOSTS", DEBUG="on")


def test_production_enforces_https_and_secure_cookies():
    expression = (
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY"
    )

    assert setting(expression, **PRODUCTION) == "True 31536000 True True True True"


def test_redis_cache_url_keeps_sessions_in_redis_backed_by_the_database():
    expression = "s.CACHES['default']['BACKEND'], s.SESSION_ENGINE"

    assert setting(expression, CACHE_URL="rediscache://127.0.0.1:6379/1", **PRODUCTION) == (
        "django_redis.cache.RedisCache django.contrib.sessions.backends.cached_db"
    )


def test_production_postgresql_connections_are_pooled():
    expression = "s.DATABASES['default']['OPTIONS']['pool']['min_size']"

    assert setting(expression, DATABASE_URL="postgres://db.internal/news", **PRODUCTION) == "1"


def test_admin_path_comes_from_the_environment():
    completed = run(
        "-c",
        "import django; django.setup(); from django.urls import reverse; "
        "print(reverse('admin:index'))",
        DJANGO_SETTINGS_MODULE="ballotdesk.settings",
        ADMIN_URL="/desk-7q2/",
    )

    assert completed.stdout.strip() == "/desk-7q2/", completed.stderr
