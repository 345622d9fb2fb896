"""The home page: latest contests with leaders, featured candidates, latest quotes."""

import datetime
import re

import pytest

from candidates import selectors
from tests.support import factories
from tests.support.reader import visible_text

pytestmark = pytest.mark.django_db


def test_home_page_leads_to_contests_candidates_and_quotes(client, seed_newsroom):
    response = client.get("/")
    text = visible_text(response)
    assert "Won by Jason Palmer with 51 votes" in text
    assert "Jason Palmer" in text
    html = response.content.decode()
    for path in ["/candidates/jason-palmer/", "/places/american-samoa/", "/contests/", "/sources/"]:
        assert f'href="{path}"' in html


def test_home_page_lists_only_published_items(client):
    factories.ContestFactory(name="Hidden caucus", status="draft")
    factories.CandidateFactory(full_name="Hidden Hopeful", status="draft")
    factories.QuoteFactory(text="Hidden words", status="draft")
    text = visible_text(client.get("/"))
    assert "Hidden caucus" not in text
    assert "Hidden Hopeful" not in text
    assert "Hidden words" not in text


@pytest.mark.parametrize("size", [1, 30])
def test_home_query_count_does_not_grow_with_content(client, django_assert_max_num_queries, size):
    for _ in range(size):
        result = factories.ResultFactory()
        factories.QuoteFactory(candidate=result.candidate)
        factories.SourceFactory()
    client.get("/")  # the first request fills the content-type cache
    # The featured candidates take three or four (candidates.selectors.featured_candidates:
    # names read as values to rank hundreds, then the four rows shown).
    with django_assert_max_num_queries(11):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("size", [1, 30])
def test_index_pages_query_counts_do_not_grow_with_content(
    client, django_assert_max_num_queries, size
):
    for _ in range(size):
        result = factories.ResultFactory()
        factories.QuoteFactory(candidate=result.candidate)
        factories.ContributorFactory()
    for path in ["/candidates/", "/contests/", "/sources/"]:
        client.get(path)  # the first request fills the content-type cache
        with django_assert_max_num_queries(4):
            assert client.get(path).status_code == 200


def featured_names(client) -> list[str]:
    html = client.get("/").content.decode()
    section = html.split('id="candidates-heading"')[1].split("</section>")[0]
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', section)


def test_featured_candidates_are_the_most_quoted_lately_then_others_by_name(client, monkeypatch):
    monkeypatch.setattr(selectors, "FEATURED_WINDOW", 3)
    earlier = factories.CandidateFactory(full_name="Ann Earlier", family_name="Earlier")
    lately = factories.CandidateFactory(full_name="Bo Lately", family_name="Lately")
    once = factories.CandidateFactory(full_name="Cy Once", family_name="Once")
    factories.CandidateFactory(full_name="Di Never", family_name="Never")
    factories.CandidateFactory(full_name="Ed Zed", family_name="Zed")
    for day in (1, 2, 3, 4):  # quoted most, but before the window
        factories.QuoteFactory(
            candidate=earlier, said_on=datetime.date(2024, 1, day), said_on_precision="day"
        )
    factories.QuoteFactory(
        candidate=once, said_on=datetime.date(2024, 2, 1), said_on_precision="day"
    )
    for day in (2, 3):
        factories.QuoteFactory(
            candidate=lately, said_on=datetime.date(2024, 2, day), said_on_precision="day"
        )
    factories.QuoteFactory(
        candidate=factories.CandidateFactory(full_name="Hid Den", status="draft"),
        said_on=datetime.date(2024, 3, 1),
        said_on_precision="day",
    )

    # Lately: 2 of the latest 3 public quotes, Once: 1; then the others by family name.
    assert featured_names(client) == ["Bo Lately", "Cy Once", "Ann Earlier", "Di Never"]


def test_favicon_ico_is_the_sites_icon_that_every_page_names(client, admin_client_logged_in):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
    icon = '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'
    assert icon in client.get("/").content.decode()
    assert icon in admin_client_logged_in.get("/admin/").content.decode()
