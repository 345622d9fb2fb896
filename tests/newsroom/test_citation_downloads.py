"""Stable download URLs: content types, file names, Accept negotiation, few queries."""

import json

import pytest

from candidates.models import Candidate
from results.models import Contest
from tests.support.factories import (
    CandidateFactory,
    CitationFactory,
    QuoteFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

CONTENT_TYPES = {
    "json": "application/vnd.citationstyles.csl+json; charset=utf-8",
    "bib": "application/x-bibtex; charset=utf-8",
    "ris": "application/x-research-info-systems; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}


@pytest.mark.parametrize("fmt", CONTENT_TYPES)
def test_download_has_its_content_type(client, fmt):
    source = SourceFactory()

    response = client.get(f"/cite/source/{source.pk}.{fmt}")

    assert response["Content-Type"] == CONTENT_TYPES[fmt]


@pytest.mark.parametrize("fmt", ["json", "bib", "ris", "csv"])
def test_download_is_an_attachment_named_for_the_source(client, fmt):
    source = SourceFactory(slug="palmer-wins")

    response = client.get(f"/cite/source/{source.pk}.{fmt}")

    assert response["Content-Disposition"] == f'attachment; filename="palmer-wins.{fmt}"'


def test_styled_text_file_name_says_the_style(client):
    source = SourceFactory(slug="palmer-wins")

    response = client.get(f"/cite/source/{source.pk}.txt", {"style": "mla"})

    assert response["Content-Disposition"] == 'attachment; filename="palmer-wins-mla.txt"'


def test_unknown_style_is_a_bad_request(client):
    source = SourceFactory()

    assert client.get(f"/cite/source/{source.pk}.txt", {"style": "harvard"}).status_code == 400


def test_unknown_format_is_404(client):
    source = SourceFactory()

    assert client.get(f"/cite/source/{source.pk}.docx").status_code == 404


def test_unknown_kind_is_404(client):
    assert client.get("/cite/ballot/1/").status_code == 404


def test_accept_header_negotiates_csl_json(client):
    source = SourceFactory()

    response = client.get(
        f"/cite/source/{source.pk}/", headers={"accept": "application/vnd.citationstyles.csl+json"}
    )

    assert response["Content-Type"] == CONTENT_TYPES["json"]
    assert json.loads(b"".join(response.streaming_content))[0]["id"] == source.slug
    assert response["Vary"] == "Accept"


def test_browser_accept_header_gets_the_cite_page(client):
    source = SourceFactory()

    response = client.get(f"/cite/source/{source.pk}/", headers={"accept": "text/html,*/*;q=0.8"})

    assert response["Content-Type"] == "text/html; charset=utf-8"


def test_profile_is_cited_as_a_web_page_of_this_site(client, seed_newsroom):
    palmer = Candidate.objects.get(slug="jason-palmer")

    (item,) = json.loads(
        b"".join(client.get(f"/cite/candidate/{palmer.pk}.json").streaming_content)
    )

    assert item["type"] == "webpage"
    assert item["title"] == "Jason Palmer"
    assert item["container-title"] == "Ballot Desk"
    assert item["URL"].endswith("/candidates/jason-palmer/")
    assert item["issued"]["date-parts"][0] == [
        palmer.updated_at.year,
        palmer.updated_at.month,
        palmer.updated_at.day,
    ]


def test_all_sources_of_a_profile_in_one_download(client, seed_newsroom):
    palmer = Candidate.objects.get(slug="jason-palmer")

    response = client.get(f"/cite/candidate/{palmer.pk}/sources.json")

    ids = {item["id"] for item in json.loads(b"".join(response.streaming_content))}
    assert ids == {
        "fox-news-palmer-american-samoa",
        "abc-news-who-is-jason-palmer",
        "cnn-who-is-jason-palmer",
    }
    assert response["Content-Disposition"] == 'attachment; filename="jason-palmer-sources.json"'


def test_all_sources_of_a_contest_in_one_download(client, seed_newsroom):
    contest = Contest.objects.get(slug="2024-american-samoa-democratic-caucuses")

    response = client.get(f"/cite/contest/{contest.pk}/sources.bib")

    text = b"".join(response.streaming_content).decode()
    assert "@article{fox-news-palmer-american-samoa," in text
    assert "@article{abc-news-who-is-jason-palmer," in text


def test_contest_cite_page_lists_its_sources(client, seed_newsroom):
    contest = Contest.objects.get(slug="2024-american-samoa-democratic-caucuses")

    html = client.get(f"/cite/contest/{contest.pk}/").content.decode()

    assert f"<em>{contest.name}</em>. (20" in html  # no author: the title leads
    assert "Ballot Desk." in html
    assert "Sources of this page" in html
    assert "entrepreneur. (2024, March 6). <em>ABC News</em>." in html


def test_cite_page_needs_few_queries(client, django_assert_max_num_queries):
    quote = QuoteFactory()
    for _ in range(3):
        CitationFactory(content_object=quote)
    client.get(f"/cite/quote/{quote.pk}/")

    with django_assert_max_num_queries(4):
        client.get(f"/cite/quote/{quote.pk}/")


def test_cite_box_costs_no_query_once_cached(client, django_assert_num_queries):
    from django.template import Context, Template
    from django.test import RequestFactory

    quote = QuoteFactory()
    CitationFactory(content_object=quote)
    template = Template('{% include "citations/cite_box.html" with cite_kind="quote" cite_pk=pk %}')
    context = Context({"pk": quote.pk, "request": RequestFactory().get("/")})
    first = template.render(context)

    with django_assert_num_queries(0):
        second = template.render(context)

    assert second == first
    assert "Cite this quote" in second


@pytest.mark.parametrize("fmt", ["json", "bib", "ris", "csv", "txt", "html"])
def test_sources_download_of_a_page_citing_nothing_yet_is_a_page_saying_why(client, db, fmt):
    candidate = CandidateFactory()

    response = client.get(f"/cite/candidate/{candidate.pk}/sources.{fmt}")

    assert response.status_code == 404
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "Content-Disposition" not in response
    page = response.content.decode()
    assert f"“{candidate}” cites no published source yet" in page
    assert f'href="{candidate.get_absolute_url()}"' in page
