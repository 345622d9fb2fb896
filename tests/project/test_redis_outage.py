"""A real Redis goes away in the middle of the test and comes back: pages keep coming from the
database meanwhile (errors logged, no 500), and caching resumes when it returns."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
import redis

from tests.support import factories

SERVER_OPTIONS = ("--save", "", "--appendonly", "no")


class ThrowawayRedis:
    """A redis-server of the test's own, on a free port, in memory only."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        executable = shutil.which("redis-server")
        assert executable, "redis-server is needed for this test (apt-get install redis-server)"
        self.process = subprocess.Popen(
            [executable, "--bind", "127.0.0.1", "--port", str(self.port), *SERVER_OPTIONS],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(50):
            try:
                if client.ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.1)
        raise AssertionError(f"redis-server did not start on port {self.port}")

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def throwaway_redis(settings):
    server = ThrowawayRedis()
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    settings.PAGE_CACHE_SECONDS = 60
    yield server
    server.stop()


@pytest.fixture
def quote(db):
    return factories.QuoteFactory(text="Every village counted.")


def test_pages_are_served_while_redis_is_away_and_caching_resumes(
    client, quote, throwaway_redis, caplog
):
    url = quote.candidate.get_absolute_url()
    assert client.get(url).page_cache == "miss"
    assert client.get(url).page_cache == "hit"

    throwaway_redis.stop()
    with caplog.at_level(logging.ERROR, logger="ballotdesk.cache"):
        away = [client.get(url), client.get(url)]
        quote.text = "Every village counted twice."
        quote.save()
        edited = client.get(url)

    assert [response.status_code for response in away] == [200, 200]
    assert all("Every village counted." in response.text for response in away)
    assert {response.page_cache for response in away} == {"unavailable"}
    assert "Every village counted twice." in edited.text
    assert any(record.name == "ballotdesk.cache" for record in caplog.records)

    throwaway_redis.start()
    back = [client.get(url), client.get(url)]

    assert [response.page_cache for response in back] == ["miss", "hit"]
    assert "Every village counted twice." in back[1].text


def test_staff_stay_logged_in_while_redis_is_away(client, superuser, throwaway_redis, settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200

    throwaway_redis.stop()

    assert client.get("/admin/").status_code == 200
