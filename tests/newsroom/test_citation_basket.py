"""The citation basket: plain forms, a signed cookie, no account, no session, any format."""

import json

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from candidates.models import Fact, Quote
from newsroom.citations import basket, csl
from newsroom.citations.render import STYLES
from newsroom.editorial.publishing import Status
from newsroom.models import Source
from tests.support.factories import (
    CitationFactory,
    ContributorFactory,
    FactFactory,
    QuoteFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def add(client, kind: str, pk, *, follow: bool = False, **extra):
    return client.post("/cite/basket/add/", {"kind": kind, "pk": pk, **extra}, follow=follow)


def csl_ids(response) -> list[str]:
    return [item["id"] for item in json.loads(b"".join(response.streaming_content))]


def test_anonymous_reader_adds_a_source_and_downloads_it(client):
    source = SourceFactory()
    add(client, "source", source.pk)

    response = client.get("/cite/basket.json")

    assert csl_ids(response) == [source.slug]


def test_basket_download_holds_items_of_different_kinds(client):
    source, fact = SourceFactory(), FactFactory()
    citation = CitationFactory(content_object=fact)
    add(client, "source", source.pk)
    add(client, "fact", fact.pk)

    ids = csl_ids(client.get("/cite/basket.json"))

    assert ids == [source.slug, citation.source.slug]


def test_one_article_with_its_quotes_and_fact_is_one_entry_in_every_format(client, seed_newsroom):
    abc = Source.objects.get(slug="abc-news-who-is-jason-palmer")
    quotes = Quote.objects.published().filter(citations__source=abc).distinct()[:2]
    fact = Fact.objects.published().filter(citations__source=abc).first()
    add(client, "source", abc.pk)
    for quote in quotes:
        add(client, "quote", quote.pk)
    add(client, "fact", fact.pk)

    ids = csl_ids(client.get("/cite/basket.json"))

    assert ids.count(abc.slug) == 1
    for style in STYLES:
        text = client.get("/cite/basket.txt", {"style": style}).content.decode()
        entries = [line for line in text.splitlines() if line and not line.startswith(" ")]
        assert len(entries) == len(set(ids)), (style, entries)
        assert "2024a" not in text and "2024b" not in text and "———" not in text
        assert text.count("para. ") + text.count("par. ") >= 3, style


def test_adding_redirects_back_to_the_page_it_came_from(client):
    source = SourceFactory()

    response = add(client, "source", source.pk, next="/sources/")

    assert response.status_code == 302
    assert response.url == "/sources/"


def test_adding_never_redirects_off_site(client):
    source = SourceFactory()

    response = add(client, "source", source.pk, next="https://evil.example/")

    assert response.url == "/cite/basket/"


def test_basket_page_lists_items_with_remove_forms(client):
    source = SourceFactory(headline="Palmer wins")
    add(client, "source", source.pk)

    html = client.get("/cite/basket/").content.decode()

    assert "Palmer wins" in html
    assert 'action="/cite/basket/remove/"' in html


def test_removing_takes_the_item_out(client):
    source = SourceFactory()
    add(client, "source", source.pk)

    client.post("/cite/basket/remove/", {"kind": "source", "pk": source.pk})

    assert "Your citation basket is empty" in client.get("/cite/basket.json").content.decode()


def test_adding_twice_keeps_one(client):
    source = SourceFactory()
    add(client, "source", source.pk)
    add(client, "source", source.pk)

    assert csl_ids(client.get("/cite/basket.json")) == [source.slug]


def test_unknown_kind_is_a_bad_request(client):
    assert add(client, "ballot", 1).status_code == 400


def test_non_numeric_id_is_a_bad_request(client):
    assert add(client, "source", "1; drop table").status_code == 400


def test_missing_id_is_not_found(client):
    assert add(client, "source", 999999).status_code == 404


def test_full_basket_says_so(client, monkeypatch):
    monkeypatch.setattr(basket, "LIMIT", 1)
    first, second = SourceFactory(), SourceFactory()
    add(client, "source", first.pk)

    response = add(client, "source", second.pk, follow=True)

    assert "holds at most 1 items" in response.content.decode()
    assert csl_ids(client.get("/cite/basket.json")) == [first.slug]


def test_adding_needs_a_csrf_token():
    source = SourceFactory()
    strict = Client(enforce_csrf_checks=True)

    assert strict.post("/cite/basket/add/", {"kind": "source", "pk": source.pk}).status_code == 403


def test_basket_downloads_as_styled_text(client):
    source = SourceFactory(headline="Palmer wins")
    add(client, "source", source.pk)

    response = client.get("/cite/basket.txt", {"style": "chicago"})

    assert "“Palmer Wins.”" in response.content.decode()


@pytest.mark.parametrize(
    "pk", ["²", "9" * 5000, "-1", "0", "1.5", "", "9223372036854775808", "12abc"]
)
def test_adding_an_odd_number_is_a_bad_request(client, pk):
    response = add(client, "source", pk)

    assert response.status_code == 400
    assert b"Give a kind of item and its number." in response.content


@pytest.mark.parametrize("pk", ["²", "9" * 5000, "-1"])
def test_removing_an_odd_number_is_a_bad_request(client, pk):
    response = client.post("/cite/basket/remove/", {"kind": "source", "pk": pk})

    assert response.status_code == 400


def test_cookieless_basket_posts_store_no_session_rows():
    source = SourceFactory()

    for _ in range(20):
        assert add(Client(), "source", source.pk).status_code == 302

    assert Session.objects.count() == 0


def test_the_basket_is_kept_in_a_signed_cookie_for_the_citation_pages(client):
    source = SourceFactory()

    cookie = add(client, "source", source.pk).cookies[basket.COOKIE_NAME]

    assert cookie["path"] == "/cite/"
    assert cookie["httponly"]


def test_a_tampered_basket_cookie_is_an_empty_basket(client):
    source = SourceFactory()
    add(client, "source", source.pk)
    value = client.cookies[basket.COOKIE_NAME].value
    client.cookies[basket.COOKIE_NAME] = value[:-2] + ("AA" if value[-2:] != "AA" else "BB")

    response = client.get("/cite/basket.json")
    assert response.status_code == 404
    assert "Your citation basket is empty" in response.content.decode()


def test_a_full_basket_of_large_ids_still_fits_in_a_browser_cookie():
    reader_basket = basket.Basket(RequestFactory().get("/cite/basket/"))
    kinds = ["source", "quote", "fact", "candidate", "result", "contest"]
    try:
        for n in range(basket.LIMIT):
            reader_basket.add(kinds[n % len(kinds)], 9_000_000 + n * 7919)
    except basket.BasketFull:
        pass

    cookie = reader_basket.save(HttpResponse()).cookies[basket.COOKIE_NAME]
    assert len(cookie.OutputString()) < 4096
    assert len(reader_basket) == basket.LIMIT


def test_basket_pages_are_never_cached_for_another_reader(client):
    response = client.get("/cite/basket/")

    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def fill_basket(client, size: int) -> list[tuple[str, int]]:
    """`size` quotes, facts and sources, each cited or credited, added in turn."""
    added = []
    for _ in range(size):
        quote, fact, source = QuoteFactory(), FactFactory(), SourceFactory()
        CitationFactory(content_object=quote)
        CitationFactory(content_object=quote)
        CitationFactory(content_object=fact)
        ContributorFactory(source=source)
        for kind, item in (("quote", quote), ("fact", fact), ("source", source)):
            add(client, kind, item.pk)
            added.append((kind, item.pk))
    return added


@pytest.mark.parametrize("fmt", ["json", "bib"])
def test_basket_download_costs_the_same_queries_for_3_or_30_items(client, fmt):
    counts = []
    for more in (1, 9):
        fill_basket(client, more)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/cite/basket.{fmt}")
            b"".join(response.streaming_content)
        assert response.status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


def test_basket_download_says_what_each_item_alone_says(client):
    added = fill_basket(client, 2)

    alone = [
        item
        for kind, pk in added
        for item in json.loads(b"".join(client.get(f"/cite/{kind}/{pk}.json").streaming_content))
    ]
    together = json.loads(b"".join(client.get("/cite/basket.json").streaming_content))

    assert len(together) == 2 * (2 + 1 + 1)
    assert together == alone


EVERY_DOWNLOAD = [
    *(f"/cite/basket.{fmt}" for fmt in ("json", "bib", "ris", "csv")),
    *(f"/cite/basket.{fmt}?style={style}" for fmt in ("txt", "html") for style in STYLES),
]


@pytest.mark.parametrize("address", EVERY_DOWNLOAD)
def test_empty_basket_download_is_a_page_saying_why_not_an_empty_file(client, address):
    response = client.get(address)

    assert response.status_code == 404
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "Content-Disposition" not in response
    page = response.content.decode()
    assert "Your citation basket is empty" in page
    assert "Add to citation basket" in page


@pytest.mark.parametrize("address", EVERY_DOWNLOAD)
def test_basket_of_items_since_unpublished_says_they_left(client, address):
    source = SourceFactory()
    add(client, "source", source.pk)
    Source.objects.filter(pk=source.pk).update(status=Status.UNPUBLISHED)

    response = client.get(address)

    assert response.status_code == 404
    assert "The item you added is no longer published" in response.content.decode()


def test_empty_basket_page_explains_how_to_fill_it_and_offers_no_downloads(client):
    response = client.get("/cite/basket/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Your citation basket is empty" in page
    assert "“Add to citation basket”" in page
    assert "/cite/basket." not in page  # no download links
    assert 'href="/candidates/"' in page


def test_basket_page_shows_each_style_in_the_same_queries_for_3_or_12_items(client):
    counts = []
    for more in (1, 3):
        fill_basket(client, more)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/cite/basket/")
        assert response.status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]
    page = response.content.decode()
    assert page.count('class="citation"') == len(STYLES) * 4 * 4  # 4 entries for 3 items


def test_quotes_of_one_source_read_in_several_chunks_are_still_one_entry(client, monkeypatch):
    monkeypatch.setattr(csl, "CHUNK_SIZE", 2)
    source = SourceFactory()
    for paragraph in (2, 5, 7):
        quote = QuoteFactory()
        CitationFactory(content_object=quote, source=source, pinpoint=f"para. {paragraph}")
        add(client, "quote", quote.pk)

    (item,) = json.loads(b"".join(client.get("/cite/basket.json").streaming_content))
    text = client.get("/cite/basket.txt", {"style": "mla"}).content.decode()

    assert item["id"] == source.slug
    uses = [line for line in item["note"].splitlines() if not line.startswith("Attribution: ")]
    assert [line.split(":")[0] for line in uses] == ["para. 2", "para. 5", "para. 7"]
    assert all(f"par. {paragraph})" in text for paragraph in (2, 5, 7))
