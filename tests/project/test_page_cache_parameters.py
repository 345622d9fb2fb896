"""Only the query parameters a page reads are part of its cache key: an unknown parameter
cannot make every request an uncached one, and a parameter a page reads is never ignored."""

import pytest
from django.core.cache import cache

from tests.support import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_an_unknown_parameter_gets_the_cached_page(client):
    factories.QuoteFactory(text="We will win the caucus.")

    first = client.get("/")
    again = client.get("/", {"x": "a7f3"})
    other = client.get("/", {"x": "0c19", "utm_source": "feed"})

    assert (first.page_cache, again.page_cache, other.page_cache) == ("miss", "hit", "hit")
    assert again.content == first.content


def test_a_parameter_the_page_reads_keys_its_own_page(client):
    factories.QuoteFactory(text="We held Zoom town halls.")
    factories.QuoteFactory(text="Turnout was high.")

    zoom = client.get("/search/", {"q": "Zoom"})
    turnout = client.get("/search/", {"q": "Turnout"})
    zoom_again = client.get("/search/", {"q": "Zoom", "ref": "home"})

    assert (zoom.page_cache, turnout.page_cache, zoom_again.page_cache) == ("miss", "miss", "hit")
    assert "Zoom town halls" in zoom.text and "Zoom town halls" not in turnout.text
    assert zoom_again.content == zoom.content


def test_a_parameter_read_only_on_some_pages_of_an_address_is_still_keyed(client, settings):
    settings.PUBLIC_LIST_PAGE_SIZE = 1
    headlines = {factories.SourceFactory().headline, factories.SourceFactory().headline}

    # The first render of /sources/ looks for `page` though it is absent: page 2 is its own.
    one = client.get("/sources/")
    two = client.get("/sources/", {"page": 2})

    assert (one.page_cache, two.page_cache) == ("miss", "miss")
    assert {h for h in headlines if h in one.text} | {h for h in headlines if h in two.text} == (
        headlines
    )


def test_a_page_that_walks_every_parameter_keys_on_all_of_them(client):
    palmer = factories.QuoteFactory(text="We held Zoom town halls.").candidate
    biden = factories.QuoteFactory(text="Turnout was high.").candidate

    # The API looks at every parameter it is sent (an unknown one is a 400).
    of_palmer = client.get("/api/v1/quotes/", {"candidate": palmer.slug})
    of_biden = client.get("/api/v1/quotes/", {"candidate": biden.slug})

    assert "Zoom town halls" in of_palmer.text and "Zoom town halls" not in of_biden.text
    assert client.get("/api/v1/quotes/", {"colour": "red"}).status_code == 400
