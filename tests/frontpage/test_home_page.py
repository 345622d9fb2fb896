"""The home page: latest contests with leaders, featured candidates, latest quotes."""

import pytest

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
    with django_assert_max_num_queries(9):
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
