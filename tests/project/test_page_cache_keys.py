"""Targeted invalidation and no stampede: a save makes only the pages showing the saved row
render afresh (their surrogate keys), each once while readers get the stale copy, and every
public page says its keys so a CDN or Varnish can purge exactly those pages."""

import http.server
import threading

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from ballotdesk.page_cache import bump_keys, changed_keys, lock_key
from tests.project.test_redis_outage import ThrowawayRedis
from tests.support import factories

pytestmark = [pytest.mark.django_db, pytest.mark.crawl]


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_CACHE_MAX_AGE = 30
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def newsroom():
    """A quote citing a source, on its candidate's profile; a contest about another
    candidate, with its result."""
    source = factories.SourceFactory(headline="Palmer wins the caucus")
    quote = factories.QuoteFactory(text="We will win the caucus.")
    factories.CitationFactory(content_object=quote, source=source)
    result = factories.ResultFactory()
    return {"quote": quote, "source": source, "contest": result.contest, "result": result}


def pages(newsroom):
    return {
        "profile": newsroom["quote"].candidate.get_absolute_url(),
        "quote": newsroom["quote"].get_absolute_url(),
        "source": newsroom["source"].get_absolute_url(),
        "contest": newsroom["contest"].get_absolute_url(),
        "other profile": newsroom["result"].candidate.get_absolute_url(),
    }


def warm(urls):
    reader = Client()
    for url in urls.values():
        assert reader.get(url).page_cache in ("miss", "hit"), url
    assert {name: reader.get(url).page_cache for name, url in urls.items()} == dict.fromkeys(
        urls, "hit"
    )
    return reader


@pytest.fixture(params=["locmem", "redis"])
def any_cache(request, settings):
    """The tests' in-process cache, and a real Redis (its `incr` is a Lua script)."""
    if request.param == "locmem":
        yield
        return
    server = ThrowawayRedis()
    server.start()
    in_process = settings.CACHES
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": server.url}
    }
    yield
    settings.CACHES = in_process
    server.stop()


def test_a_quote_saved_renders_its_pages_afresh_and_leaves_an_unrelated_contest_cached(
    newsroom, any_cache, django_assert_max_num_queries
):
    urls = pages(newsroom)
    reader = warm(urls)
    quote = newsroom["quote"]

    quote.text = "We won the caucus."
    quote.save()
    outcomes = {name: reader.get(url) for name, url in urls.items()}

    assert {name: response.page_cache for name, response in outcomes.items()} == {
        "profile": "refresh",
        "quote": "refresh",
        "source": "refresh",
        "contest": "hit",
        "other profile": "hit",
    }
    for name in ("profile", "quote", "source"):
        assert "We won the caucus." in outcomes[name].text, name
    with django_assert_max_num_queries(0):
        assert reader.get(urls["contest"]).page_cache == "hit"


def test_a_result_saved_renders_its_contest_and_candidate_afresh_not_the_quote_pages(newsroom):
    urls = pages(newsroom)
    reader = warm(urls)

    result = newsroom["result"]
    result.votes += 1
    result.save()

    assert {name: reader.get(url).page_cache for name, url in urls.items()} == {
        "profile": "hit",
        "quote": "hit",
        "source": "hit",
        "contest": "refresh",
        "other profile": "refresh",
    }


def test_a_new_citation_renders_its_source_page_and_its_quote_afresh(newsroom):
    urls = pages(newsroom)
    reader = warm(urls)
    other = factories.SourceFactory(headline="Biden loses American Samoa")

    factories.CitationFactory(content_object=newsroom["quote"], source=other)
    outcomes = {name: reader.get(url).page_cache for name, url in urls.items()}

    assert outcomes["quote"] == outcomes["profile"] == "refresh"
    assert outcomes["contest"] == "hit"
    assert "Biden loses American Samoa" in reader.get(urls["quote"]).text


def test_a_newly_published_quote_appears_on_the_lists_of_quotes(newsroom):
    reader = Client()
    feed = "/feeds/quotes.rss"
    search = "/search/?q=turnout"
    for url in (feed, search):
        reader.get(url)
        assert reader.get(url).page_cache == "hit"

    factories.QuoteFactory(text="Turnout was historic.")

    assert "Turnout was historic." in reader.get(feed).text
    assert "Turnout was historic." in reader.get(search).text


def test_an_unpublished_quote_leaves_every_page_that_showed_it(newsroom):
    from newsroom.editorial.publishing import Status

    urls = pages(newsroom)
    reader = warm(urls)
    quote = newsroom["quote"]

    quote.status = Status.UNPUBLISHED
    quote.save()

    for name in ("profile", "source"):
        assert "We will win the caucus." not in reader.get(urls[name]).text, name
    assert reader.get(urls["quote"]).status_code == 404


def test_while_one_request_renders_a_stale_page_the_others_get_the_stale_copy(
    newsroom, django_assert_max_num_queries
):
    url = pages(newsroom)["profile"]
    reader = Client()
    first = reader.get(url)
    quote = newsroom["quote"]
    quote.text = "We won the caucus."
    quote.save()

    # Another worker is rendering the page: it holds the lock.
    assert cache.add(lock_key(first.page_key), 1, 5)
    with django_assert_max_num_queries(0):
        stale = reader.get(url)
        again = Client().get(url)
    cache.delete(lock_key(first.page_key))
    fresh = reader.get(url)
    then = reader.get(url)

    assert (stale.page_cache, again.page_cache) == ("stale", "stale")
    assert stale.content == again.content == first.content
    assert stale["Cache-Control"].startswith("public, max-age=0, stale-while-revalidate=")
    assert (fresh.page_cache, then.page_cache) == ("refresh", "hit")
    assert "We won the caucus." in fresh.text


def test_a_cold_page_another_request_is_rendering_is_waited_for_then_rendered(newsroom, settings):
    settings.PAGE_CACHE_LOCK_SECONDS = 0.2
    url = pages(newsroom)["profile"]
    reader = Client()
    first = reader.get(url)
    cache.delete(first.page_key)

    assert cache.add(lock_key(first.page_key), 1, 5)
    waited = reader.get(url)

    assert waited.page_cache == "miss"
    assert "We will win the caucus." in waited.text


def test_a_stale_copy_is_served_while_the_render_fails(newsroom, monkeypatch):
    from candidates import views

    url = pages(newsroom)["profile"]
    reader = Client(raise_request_exception=False)
    first = reader.get(url)
    newsroom["quote"].save()

    def broken(self, queryset=None):
        raise RuntimeError("database gone")

    monkeypatch.setattr(views.CandidateDetailView, "get_object", broken)
    response = reader.get(url)

    assert (response.status_code, response.page_cache) == (200, "stale-if-error")
    assert response.content == first.content


def test_public_pages_name_their_surrogate_keys_and_staff_pages_are_private(
    newsroom, admin_client_logged_in
):
    quote, source = newsroom["quote"], newsroom["source"]
    profile = Client().get(quote.candidate.get_absolute_url())
    listing = Client().get("/candidates/")
    staff = admin_client_logged_in.get(quote.candidate.get_absolute_url())

    keys = profile["Surrogate-Key"].split(" ")
    assert profile["xkey"] == profile["Surrogate-Key"]
    assert {f"candidate-{quote.candidate.pk}", f"quote-{quote.pk}", f"source-{source.pk}"} <= (
        set(keys)
    )
    assert not any(key.startswith("list-") for key in keys)
    assert "list-candidate" in listing["Surrogate-Key"].split(" ")
    assert profile["Cache-Control"] == (
        "public, max-age=30, stale-while-revalidate=300, stale-if-error=86400"
    )
    assert not staff.has_header("Surrogate-Key")
    assert "no-store" in staff["Cache-Control"] and "private" in staff["Cache-Control"]


@pytest.mark.parametrize("quotes", [3, 240])
def test_surrogate_keys_are_bounded_at_any_size(quotes, settings, django_assert_max_num_queries):
    # Low enough that a profile of 240 quotes is over it, however many it lists.
    settings.PAGE_CACHE_MAX_KEYS = 20
    candidate = factories.CandidateFactory()
    citations = [
        factories.CitationFactory(content_object=quote)
        for quote in factories.QuoteFactory.create_batch(quotes, candidate=candidate)
    ]
    url = candidate.get_absolute_url()

    first = Client().get(url)
    with django_assert_max_num_queries(0):
        cached = Client().get(url)
    # Keys collapsed or not, a change to one row shown renders the page afresh.
    source = citations[-1].source
    source.headline = "Palmer wins American Samoa"
    source.save()
    after_source = Client().get(url)
    factories.CitationFactory(content_object=citations[0].content_object)
    after_citation = Client().get(url)

    keys = first["Surrogate-Key"].split(" ")
    assert len(keys) <= settings.PAGE_CACHE_MAX_KEYS
    assert len(first["Surrogate-Key"]) <= settings.PAGE_CACHE_MAX_KEY_BYTES
    assert f"candidate-{candidate.pk}" in keys
    assert cached.page_cache == "hit"
    assert cached["Surrogate-Key"] == first["Surrogate-Key"]
    assert (after_source.page_cache, after_citation.page_cache) == ("refresh", "refresh")
    assert any(key.startswith("any-") for key in keys) == (quotes > 3)


class PurgeReceiver(http.server.BaseHTTPRequestHandler):
    """A stand-in for Varnish: notes the keys of every PURGE it is sent."""

    received: list[dict] = []

    def do_PURGE(self):
        self.received.append({"xkey": self.headers["xkey"], "path": self.path})
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server(settings):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeReceiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeReceiver.received = []
    settings.PURGE_URLS = [f"http://127.0.0.1:{server.server_port}/"]
    yield PurgeReceiver.received
    server.shutdown()
    server.server_close()


@pytest.mark.django_db(transaction=True)
def test_a_committed_save_purges_its_keys_in_front(newsroom, purge_server):
    quote = newsroom["quote"]
    purge_server.clear()
    with transaction.atomic():
        quote.text = "We won the caucus."
        quote.save()
        # Nothing is purged before the commit: a cache in front would fetch the old page.
        assert purge_server == []

    keys = set(" ".join(request["xkey"] for request in purge_server).split(" "))
    assert {f"quote-{quote.pk}", f"candidate-{quote.candidate.pk}", "list-quote"} <= keys
    assert f"contest-{newsroom['contest'].pk}" not in keys


@pytest.mark.django_db(transaction=True)
def test_a_purge_that_fails_is_logged_and_the_save_stands(newsroom, settings, caplog):
    settings.PURGE_URLS = ["http://127.0.0.1:9/"]
    quote = newsroom["quote"]
    with transaction.atomic():
        quote.text = "We won the caucus."
        quote.save()

    quote.refresh_from_db()
    assert quote.text == "We won the caucus."
    assert "Purge of" in caplog.text


def test_a_page_a_save_overtook_while_it_rendered_is_sent_stale(newsroom, monkeypatch):
    from candidates import views

    url = pages(newsroom)["profile"]
    quote = newsroom["quote"]
    render = views.CandidateDetailView.get_context_data

    def saved_meanwhile(self, **kwargs):
        context = render(self, **kwargs)
        # Another worker commits an edit of a row this page shows while it renders (a save
        # here would read this request's session through the history middleware).
        bump_keys(changed_keys(quote))
        return context

    monkeypatch.setattr(views.CandidateDetailView, "get_context_data", saved_meanwhile)
    overtaken = Client().get(url)
    monkeypatch.undo()
    next_reader = Client().get(url)

    assert overtaken.page_cache == "miss"
    assert overtaken["Cache-Control"].startswith("public, max-age=0, ")
    assert next_reader.page_cache == "refresh"
    assert next_reader["Cache-Control"].startswith("public, max-age=30, ")
