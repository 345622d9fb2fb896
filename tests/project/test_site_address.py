"""Links, feeds, sitemaps and citations follow the address a page was served on, unless
SITE_URL names the site's address (`make run PORT=8001` links to :8001, not :8000)."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from tests.support import factories
from tests.support.reader import sitemap_locations

SERVED = {"HTTP_HOST": "127.0.0.1:8001"}


@pytest.fixture
def quote(db, settings):
    settings.SITE_URL = ""
    return factories.QuoteFactory(text="We will win the caucus.")


def canonical(response) -> str:
    return re.search(r'<link rel="canonical" href="([^"]*)">', response.text).group(1)


def test_canonical_link_is_on_the_served_address(client, quote):
    response = client.get(quote.candidate.get_absolute_url(), **SERVED)

    assert canonical(response) == f"http://127.0.0.1:8001{quote.candidate.get_absolute_url()}"


def test_json_ld_is_on_the_served_address(client, quote):
    response = client.get(quote.candidate.get_absolute_url(), **SERVED)

    assert f'"url": "http://127.0.0.1:8001{quote.candidate.get_absolute_url()}"' in response.text


def test_feed_links_are_on_the_served_address(client, quote):
    feed = ET.fromstring(client.get("/feeds/quotes.rss", **SERVED).content)

    assert feed.findtext("channel/link") == "http://127.0.0.1:8001/candidates/"
    assert feed.findtext("channel/item/link").startswith("http://127.0.0.1:8001/")


def test_sitemap_is_on_the_served_address(client, quote):
    files, pages = sitemap_locations(client, **SERVED)

    assert files and all(loc.startswith("http://127.0.0.1:8001/sitemap-") for loc in files)
    assert f"http://127.0.0.1:8001{quote.candidate.get_absolute_url()}" in pages


def test_page_citation_is_on_the_served_address(client, quote):
    response = client.get(f"/cite/candidate/{quote.candidate.pk}.json", **SERVED)

    [item] = json.loads(b"".join(response.streaming_content))
    assert item["URL"] == f"http://127.0.0.1:8001{quote.candidate.get_absolute_url()}"


def test_site_url_when_set_wins_over_the_served_address(client, quote, settings):
    settings.SITE_URL = "https://news.example.org"
    profile = quote.candidate.get_absolute_url()

    page = client.get(profile, **SERVED)
    feed = ET.fromstring(client.get("/feeds/quotes.rss", **SERVED).content)
    cited = client.get(f"/cite/candidate/{quote.candidate.pk}.json", **SERVED)
    files, pages = sitemap_locations(client, **SERVED)

    assert canonical(page) == f"https://news.example.org{profile}"
    assert feed.findtext("channel/item/link").startswith("https://news.example.org/")
    assert json.loads(b"".join(cited.streaming_content))[0]["URL"].startswith(
        "https://news.example.org/"
    )
    assert all(loc.startswith("https://news.example.org/sitemap-") for loc in files)
    assert f"https://news.example.org{profile}" in pages


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_page_cache_keeps_each_served_address_its_own_page(client, quote, page_cache):
    profile = quote.candidate.get_absolute_url()

    client.get(profile, **SERVED)
    other = client.get(profile, HTTP_HOST="localhost:8002")

    assert other.page_cache == "miss"
    assert canonical(other) == f"http://localhost:8002{profile}"
