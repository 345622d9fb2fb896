"""Site search: ranked full-text on PostgreSQL, substring fallback elsewhere, always safe."""

import pytest
from django.db import connection

from candidates.models import Quote
from newsroom.search import search_vector
from tests.support import factories
from tests.support.reader import visible_text

pytestmark = pytest.mark.django_db


def test_search_for_zoom_finds_palmers_quote_highlighted(client, seed_newsroom):
    response = client.get("/search/", {"q": "Zoom"})
    quote = Quote.objects.get(text__contains="Zoom town halls")
    html = response.content.decode()
    assert f'href="{quote.get_absolute_url()}"' in html
    assert "<mark>Zoom</mark>" in html


def test_search_covers_candidates_facts_sources_and_contests(client, seed_newsroom):
    text = visible_text(client.get("/search/", {"q": "American Samoa"}))
    for section in ["Candidates", "Quotes", "Facts", "Contests", "Sources"]:
        assert f"{section} (" in text


def test_empty_query_gets_a_friendly_page(client):
    response = client.get("/search/", {"q": "   "})
    assert response.status_code == 200
    assert "Type a name" in visible_text(response)


def test_thousand_character_query_gets_a_friendly_page(client):
    response = client.get("/search/", {"q": "zoom " * 200})
    assert response.status_code == 200
    assert "longer than 200 characters" in visible_text(response)


@pytest.mark.parametrize("query", ['"unclosed', "a & b | !c", "%_\\", "x\x00y", "<script>", "-"])
def test_odd_queries_never_error(client, query):
    factories.QuoteFactory(text="Ordinary words")
    assert client.get("/search/", {"q": query}).status_code == 200


def test_search_shows_only_published_items(client):
    factories.QuoteFactory(text="Lagoon visit promised")
    factories.QuoteFactory(text="Lagoon draft remark", status="draft")
    factories.QuoteFactory(
        text="Lagoon hidden candidate", candidate=factories.CandidateFactory(status="draft")
    )
    text = visible_text(client.get("/search/", {"q": "lagoon"}))
    assert "Lagoon visit promised" in text
    assert "draft remark" not in text
    assert "hidden candidate" not in text


def test_matches_are_escaped_inside_highlights(client):
    factories.QuoteFactory(text="<b>bold</b> Zoom claim")
    html = client.get("/search/", {"q": "zoom"}).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<b>bold</b>" not in html


@pytest.mark.parametrize("size", [2, 60])
def test_search_query_count_does_not_grow_with_content(client, django_assert_max_num_queries, size):
    for index in range(size):
        factories.QuoteFactory(text=f"Caucus remark {index}")
        factories.SourceFactory(headline=f"Caucus report {index}")
    with django_assert_max_num_queries(6):
        assert client.get("/search/", {"q": "caucus"}).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN index is PostgreSQL only")
def test_postgresql_answers_quote_search_from_the_stored_document_and_its_gin_index():
    from django.contrib.postgres.search import SearchQuery

    from newsroom.search import stored_document

    factories.QuoteFactory(text="Zoom town halls", speaker_name="Jason Palmer")
    queryset = Quote.objects.annotate(document=stored_document("candidates_quote")).filter(
        document=SearchQuery("zoom", config="english")
    )
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    assert "quote_search_document_gin" in queryset.explain()
    # The stored column holds exactly the vector the other searches compute.
    computed = Quote.objects.annotate(
        stored=stored_document("candidates_quote"),
        computed=search_vector("text", "speaker_name", "context"),
    ).values_list("stored", "computed")
    [(stored, expected)] = computed
    assert stored == expected and "palmer" in stored
