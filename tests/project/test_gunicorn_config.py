"""Gunicorn believes a request came over https (X-Forwarded-Proto) only behind our TLS proxy:
otherwise anything on the host could make Django send HSTS over plain HTTP."""

import runpy

import pytest
from django.conf import settings
from gunicorn.config import Config
from gunicorn.http.parser import RequestParser

CLAIMS_HTTPS = (b"GET / HTTP/1.1\r\nHost: news.example.org\r\nX-Forwarded-Proto: https\r\n\r\n",)


def gunicorn_config() -> Config:
    """Our gunicorn.conf.py as gunicorn loads it, under the current environment."""
    config = Config()
    loaded = runpy.run_path(str(settings.BASE_DIR / "ballotdesk" / "gunicorn.conf.py"))
    for name, value in loaded.items():
        if name in config.settings:
            config.set(name, value)
    return config


def scheme_seen(config: Config, peer: str) -> str:
    request = next(iter(RequestParser(config, list(CLAIMS_HTTPS), (peer, 40000))))
    return request.scheme


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch):
    for name in ("BEHIND_TLS_PROXY", "FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)


def test_forwarded_proto_from_this_host_is_ignored_by_default():
    assert scheme_seen(gunicorn_config(), "127.0.0.1") == "http"


def test_behind_the_tls_proxy_its_forwarded_proto_is_trusted(monkeypatch):
    monkeypatch.setenv("BEHIND_TLS_PROXY", "on")

    assert scheme_seen(gunicorn_config(), "127.0.0.1") == "https"


def test_behind_the_tls_proxy_other_addresses_are_still_not_trusted(monkeypatch):
    monkeypatch.setenv("BEHIND_TLS_PROXY", "on")

    assert scheme_seen(gunicorn_config(), "203.0.113.9") == "http"


def test_the_proxy_address_comes_from_forwarded_allow_ips(monkeypatch):
    monkeypatch.setenv("BEHIND_TLS_PROXY", "on")
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.0/8")

    config = gunicorn_config()

    assert scheme_seen(config, "10.1.2.3") == "https"
    assert scheme_seen(config, "127.0.0.1") == "http"
