"""The drill's Varnish (scripts/drill-varnish.vcl) in front of the app: readers' pages are
cached by it, and a save purges exactly the pages showing the saved row (the app's PURGE
with their surrogate keys, vmod-xkey) within a second, while unrelated pages stay cached.

Installs Debian's varnish and varnish-modules when they are missing
(scripts/ensure-varnish.sh), as `make test` installs chromium: it never skips.
"""

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache

from tests.support import factories

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[str, dict]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode(), {k.lower(): v for k, v in response.headers.items()}


@pytest.fixture
def varnish(live_server, settings, tmp_path):
    subprocess.run([ROOT / "scripts/ensure-varnish.sh"], check=True, capture_output=True)
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl = (ROOT / "scripts/drill-varnish.vcl").read_text()
    vcl = vcl.replace("@BACKEND_PORT@", backend_port).replace(
        "@ADMIN_PATH@", django_settings.ADMIN_URL
    )
    (tmp_path / "drill.vcl").write_text(vcl)
    port = free_port()
    server = subprocess.Popen(
        ["varnishd", "-F", "-j", "none", "-a", f"127.0.0.1:{port}", "-T", "none",
         "-f", str(tmp_path / "drill.vcl"), "-n", str(tmp_path / "varnish"), "-s", "malloc,32m"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            fetch(f"{url}/healthz")
            break
        except OSError:
            time.sleep(0.1)
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_CACHE_MAX_AGE = 30
    settings.PURGE_URLS = [f"{url}/"]
    cache.clear()
    yield url
    server.terminate()
    server.wait(timeout=10)
    cache.clear()


def fresh_within(url: str, text: str, seconds: float = 1.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url)[0]:
            return True
        time.sleep(0.05)
    return False


def stored_object(headers: dict) -> str:
    """Which stored copy Varnish answered from: a hit's `X-Varnish` is "<this> <fetch>"."""
    return headers["x-varnish"].split(" ")[-1]


def changes_within(url: str, before: str, seconds: float = 1.0) -> str | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)[0]
        if body != before:
            return body
        time.sleep(0.05)
    return None


@pytest.mark.django_db(transaction=True)
def test_a_save_purges_its_pages_in_varnish_and_leaves_the_others_cached(varnish):
    quote = factories.QuoteFactory(text="We will win the caucus.")
    result = factories.ResultFactory(candidate=quote.candidate)
    other = factories.ResultFactory()
    profile = varnish + quote.candidate.get_absolute_url()
    contest = varnish + result.contest.get_absolute_url()
    unrelated = varnish + other.contest.get_absolute_url()
    before = {}
    for url in (profile, contest, unrelated):
        fetch(url)
        before[url] = fetch(url)
        assert before[url][1]["x-cache"] == "hit", url

    quote.text = "We won the caucus."
    quote.save()
    result.votes += 1
    result.save()

    new_profile = changes_within(profile, before[profile][0])
    assert new_profile is not None and "We won the caucus." in new_profile
    assert changes_within(contest, before[contest][0]) is not None
    kept, headers = fetch(unrelated)
    # "hit", not "grace": the copy was not purged (a purged one is served in grace once).
    assert headers["x-cache"] == "hit"
    assert stored_object(headers) == stored_object(before[unrelated][1])
    assert kept == before[unrelated][0]
    assert f"contest-{other.contest.pk}" in headers["xkey"].split(" ")
