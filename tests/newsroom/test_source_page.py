"""The source page: the article and everything on the site that cites it."""

import pytest

from tests.support import factories
from tests.support.reader import json_ld, visible_text

pytestmark = pytest.mark.django_db

FOX = "/sources/fox-news-palmer-american-samoa/"


def test_source_page_lists_what_cites_it(client, seed_newsroom):
    text = visible_text(client.get(FOX))
    assert "Fox News" in text
    assert "The Associated Press contributed (wire)" in text
    assert "Zoom town halls" in text
    assert "2024 American Samoa Democratic presidential caucuses" in text


def test_source_page_json_ld_is_a_news_article(client, seed_newsroom):
    data = json_ld(client.get("/sources/abc-news-who-is-jason-palmer/"))
    assert data["@type"] == "NewsArticle"
    assert data["datePublished"] == "2024-03-06"


def test_drafts_citing_a_source_are_not_listed(client):
    source = factories.SourceFactory()
    factories.CitationFactory(source=source, content_object=factories.QuoteFactory(text="Seen"))
    hidden = factories.QuoteFactory(text="Not yet", status="draft")
    factories.CitationFactory(source=source, content_object=hidden)
    contest = factories.ContestFactory(status="draft", name="Draft caucus")
    factories.CitationFactory(
        source=source, content_object=factories.ResultFactory(contest=contest)
    )
    text = visible_text(client.get(source.get_absolute_url()))
    assert "Seen" in text
    assert "Not yet" not in text
    assert "Draft caucus" not in text


def test_draft_source_is_404(client):
    source = factories.SourceFactory(status="draft")
    assert client.get(source.get_absolute_url()).status_code == 404


def test_source_of_draft_outlet_is_404(client):
    source = factories.SourceFactory(outlet=factories.OutletFactory(status="draft"))
    assert client.get(source.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("citing", [2, 80])
def test_source_query_count_does_not_grow_with_citations(
    client, django_assert_max_num_queries, citing
):
    source = factories.SourceFactory()
    for _ in range(citing // 2):
        factories.CitationFactory(source=source, content_object=factories.QuoteFactory())
        factories.CitationFactory(source=source, content_object=factories.ResultFactory())
    client.get(source.get_absolute_url())  # the first request fills the content-type cache
    # 8 for the page, 1 for its corrections and updates.
    with django_assert_max_num_queries(9):
        assert client.get(source.get_absolute_url()).status_code == 200


def test_source_page_names_the_cited_field_in_words(client, seed_newsroom):
    text = visible_text(client.get("/sources/fox-news-palmer-american-samoa/"))
    assert "(for: entered the race)" in text
    assert "campaign_launched_on" not in text
