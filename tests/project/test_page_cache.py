"""Anonymous pages come from the cache, carry HTTP validators, and change as soon as what
they show is published, edited or unpublished. Staff pages are never cached."""

import html
import re
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsroom.editorial.publishing import Status
from newsroom.editorial.removals import delete_published
from tests.support import factories


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_CACHE_MAX_AGE = 30
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def quote(db):
    return factories.QuoteFactory(text="We will win the caucus.")


def profile_url(quote):
    return quote.candidate.get_absolute_url()


def test_second_anonymous_request_is_served_from_the_cache(client, quote, page_cache):
    first = client.get(profile_url(quote))
    second = client.get(profile_url(quote))

    assert (first.page_cache, second.page_cache) == ("miss", "hit")
    assert "We will win the caucus." in second.text


def test_edited_quote_shows_on_the_next_request(client, quote, page_cache):
    client.get(profile_url(quote))
    assert client.get(profile_url(quote)).page_cache == "hit"

    quote.text = "We won the caucus."
    quote.save()
    response = client.get(profile_url(quote))

    assert "We won the caucus." in response.text
    assert "We will win the caucus." not in response.text


def test_unpublished_quote_leaves_the_page_on_the_next_request(client, quote, page_cache):
    assert "We will win the caucus." in client.get(profile_url(quote)).text

    quote.status = Status.UNPUBLISHED
    quote.save()

    assert "We will win the caucus." not in client.get(profile_url(quote)).text


def test_published_quote_appears_on_the_next_request(client, quote, page_cache):
    draft = factories.QuoteFactory(
        candidate=quote.candidate, text="Turnout was historic.", status=Status.DRAFT
    )
    assert "Turnout was historic." not in client.get(profile_url(quote)).text

    draft.status = Status.PUBLISHED
    draft.save()

    assert "Turnout was historic." in client.get(profile_url(quote)).text


def test_deleted_candidate_is_gone_on_the_next_request(client, quote, page_cache):
    url = profile_url(quote)
    assert client.get(url).status_code == 200

    delete_published(quote.candidate, note="Duplicate profile removed.")

    assert client.get(url).status_code == 410


def test_public_page_carries_cache_control_etag_and_last_modified(client, db, page_cache):
    response = client.get(reverse("candidates:candidate_list"))

    assert response["Cache-Control"] == (
        "public, max-age=30, stale-while-revalidate=300, stale-if-error=86400"
    )
    assert response["ETag"]
    assert response["Last-Modified"]


@pytest.mark.parametrize("cached", [False, True], ids=["rendered", "from-cache"])
def test_conditional_request_is_answered_304(client, db, page_cache, cached):
    url = reverse("candidates:candidate_list")
    first = client.get(url)
    if cached:
        client.get(url)

    by_etag = client.get(url, headers={"If-None-Match": first["ETag"]})
    by_date = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})

    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_date.status_code == 304


def test_conditional_request_after_an_edit_gets_the_new_page(client, quote, page_cache):
    first = client.get(profile_url(quote))
    quote.text = "We won the caucus."
    quote.save()

    response = client.get(profile_url(quote), headers={"If-None-Match": first["ETag"]})

    assert response.status_code == 200
    assert "We won the caucus." in response.text


def test_validators_are_sent_without_a_page_cache(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("candidates:candidate_list")
    first = client.get(url)

    assert first.page_cache == "off"
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304


def test_staff_pages_are_private_and_never_stored(admin_client_logged_in, quote, page_cache):
    staff = admin_client_logged_in.get(profile_url(quote))
    anonymous = Client().get(profile_url(quote))

    assert staff.page_cache == "private"
    assert "no-store" in staff["Cache-Control"]
    assert "private" in staff["Cache-Control"]
    assert "public" not in staff["Cache-Control"]
    assert anonymous.page_cache == "miss"


def test_staff_never_get_the_anonymous_copy(admin_client_logged_in, quote, page_cache):
    Client().get(profile_url(quote))

    assert admin_client_logged_in.get(profile_url(quote)).page_cache == "private"


def test_admin_pages_are_never_cached(admin_client_logged_in, client, db, page_cache):
    login = client.get(reverse("admin:login"))
    index = admin_client_logged_in.get(reverse("admin:index"))

    for response in (login, index):
        assert "no-store" in response["Cache-Control"]
        assert response.page_cache == "private"


def test_a_cached_page_is_the_same_bytes_for_every_reader_and_holds_no_token(quote, page_cache):
    first_reader, second_reader = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for url in (profile_url(quote), quote.get_absolute_url()):
        first = first_reader.get(url)
        second = second_reader.get(url)

        assert (first.page_cache, second.page_cache) == ("miss", "hit")
        assert first.content == second.content
        assert b"csrfmiddlewaretoken" not in first.content
        assert b'method="post"' not in first.content
        assert "public" in second["Cache-Control"]
        assert not first.cookies and not second.cookies


def test_the_basket_button_of_a_cached_page_leads_to_the_form_without_javascript(quote, page_cache):
    reader = Client(enforce_csrf_checks=True)
    url = quote.get_absolute_url()
    reader.get(url)
    page = reader.get(url)
    offer_url = html.unescape(
        re.search(r'<a href="([^"]+)">Add to citation basket</a>', page.text).group(1)
    )
    offer = reader.get(offer_url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', offer.text).group(1)
    next_url = re.search(r'name="next" value="([^"]+)"', offer.text).group(1)
    added = reader.post(
        reverse("citations:basket_add"),
        {"csrfmiddlewaretoken": token, "kind": "quote", "pk": quote.pk, "next": next_url},
    )

    assert page.page_cache == "hit"
    assert offer_url == f"{reverse('citations:basket_offer', args=['quote', quote.pk])}?next={url}"
    assert (offer.status_code, offer.page_cache) == (200, "pass")
    assert "private" in offer["Cache-Control"]
    assert (added.status_code, added.url) == (302, url)
    assert "This is in your" in reader.get(offer_url).text


def test_a_page_showing_the_readers_basket_is_not_stored(client, db, page_cache):
    client.get(reverse("citations:basket"))

    assert client.get(reverse("citations:basket")).page_cache == "pass"


def test_a_reader_with_a_message_waiting_gets_a_fresh_page(quote, page_cache):
    reader = Client()
    reader.get(profile_url(quote))
    reader.post(reverse("citations:basket_add"), {"kind": "quote", "pk": quote.pk})

    assert reader.get(profile_url(quote)).page_cache != "hit"


def test_a_scheduled_quote_appears_when_its_time_comes_not_a_cache_lifetime_later(
    client, quote, page_cache
):
    with time_machine.travel("2026-11-03 20:00:00Z", tick=False) as clock:
        factories.QuoteFactory(
            candidate=quote.candidate,
            text="Polls are closed.",
            publish_at=timezone.now() + timedelta(seconds=30),
        )
        assert "Polls are closed." not in client.get(profile_url(quote)).text
        clock.shift(timedelta(seconds=29))
        cached = client.get(profile_url(quote))
        assert cached.page_cache == "hit"
        assert "Polls are closed." not in cached.text

        clock.shift(timedelta(seconds=1))
        response = client.get(profile_url(quote))

    # The copy it replaces was kept until now: one render replaced it.
    assert response.page_cache == "refresh"
    assert "Polls are closed." in response.text


def test_pending_schedules_are_looked_up_once_per_content_version(
    client, quote, page_cache, django_assert_max_num_queries
):
    client.get(profile_url(quote))
    with django_assert_max_num_queries(0):
        assert client.get(profile_url(quote)).page_cache == "hit"


def test_a_transaction_of_many_saves_moves_their_keys_on_once_at_commit(
    db, page_cache, django_capture_on_commit_callbacks
):
    from ballotdesk.page_cache import KeysAtCommit

    with django_capture_on_commit_callbacks() as callbacks:
        quotes = factories.QuoteFactory.create_batch(5)

    at_commit = [callback for callback in callbacks if isinstance(callback, KeysAtCommit)]
    assert len(at_commit) == 1
    assert {f"quote-{quote.pk}" for quote in quotes} | {"list-quote"} <= at_commit[0].keys


def test_a_cached_page_is_sent_gzipped_to_browsers_that_accept_it(client, quote, page_cache):
    import gzip

    url = "/candidates/"
    client.get(url)
    zipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain = client.get(url)

    assert zipped.page_cache == plain.page_cache == "hit"
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert quote.candidate.full_name in plain.text
    assert not plain.has_header("Content-Encoding")
    assert "Accept-Encoding" in zipped["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert zipped["ETag"] != plain["ETag"]
    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=zipped["ETag"])
    assert again.status_code == 304


def test_a_hit_reads_the_key_versions_again_only_after_the_clock_moved(
    client, quote, page_cache, monkeypatch
):
    """A page found fresh is not checked key by key again while nothing was saved; any
    save moves the clock, so the next hit checks again and a save of what it shows is seen."""
    from ballotdesk import page_cache as module

    checks = []
    is_fresh = module.is_fresh
    monkeypatch.setattr(module, "is_fresh", lambda *a: checks.append(1) or is_fresh(*a))
    url = profile_url(quote)
    client.get(url)
    hits = [client.get(url).page_cache for _ in range(3)]
    assert (hits, len(checks)) == (["hit"] * 3, 2)  # the store's own check, the first hit

    factories.QuoteFactory(text="Somewhere else entirely.")  # not on this page
    assert client.get(url).page_cache == "hit"
    assert len(checks) == 3  # the clock moved: checked again, still fresh

    quote.text = "We won the caucus."
    quote.save()
    response = client.get(url)
    assert (response.page_cache, "We won the caucus." in response.text) == ("refresh", True)
