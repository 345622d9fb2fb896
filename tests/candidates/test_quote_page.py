"""Quote and fact permalinks: the verbatim words, who, where, when, and the reporting."""

import pytest

from candidates.models import Quote
from tests.support import factories
from tests.support.reader import json_ld, visible_text

pytestmark = pytest.mark.django_db


def test_quote_page_shows_words_speaker_venue_dates_and_articles(client, seed_newsroom):
    quote = Quote.objects.get(text__startswith="I’m just proud")
    text = visible_text(client.get(quote.get_absolute_url()))
    assert quote.text in text
    assert "Interview, CNN, interviewed by Laura Coates" in text
    assert "March 6, 2024 (as reported: “early Wednesday”)" in text
    assert "Who is Jason Palmer, the Democrat who delivered Biden his first primary defeat?" in text


def test_quote_json_ld_is_a_quotation_citing_the_article(client, seed_newsroom):
    quote = Quote.objects.get(text__contains="Zoom town halls")
    data = json_ld(client.get(quote.get_absolute_url()))
    assert data["@type"] == "Quotation"
    assert data["text"] == quote.text
    assert data["creator"]["name"] == "Jason Palmer"
    assert [article["publisher"]["name"] for article in data["citation"]] == ["Fox News"]


def test_draft_quote_is_404(client):
    quote = factories.QuoteFactory(status="draft")
    assert client.get(quote.get_absolute_url()).status_code == 404


def test_quote_of_draft_candidate_is_404(client):
    quote = factories.QuoteFactory(candidate=factories.CandidateFactory(status="draft"))
    assert client.get(quote.get_absolute_url()).status_code == 404


def test_fact_page_shows_statement_and_its_sources(client):
    fact = factories.FactFactory(statement="Visited every island.")
    factories.CitationFactory(content_object=fact, source__headline="Island tour report")
    text = visible_text(client.get(fact.get_absolute_url()))
    assert "Visited every island." in text
    assert "Island tour report" in text


def test_draft_fact_is_404(client):
    fact = factories.FactFactory(status="draft")
    assert client.get(fact.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("sources", [1, 12])
def test_quote_query_count_does_not_grow_with_sources(
    client, django_assert_max_num_queries, sources
):
    quote = factories.QuoteFactory()
    for _ in range(sources):
        citation = factories.CitationFactory(content_object=quote)
        factories.ContributorFactory(source=citation.source)
    client.get(quote.get_absolute_url())  # the first request fills the content-type cache
    with django_assert_max_num_queries(8):
        assert client.get(quote.get_absolute_url()).status_code == 200
