"""The jurisdiction page: every contest across the years, with who won."""

import pytest

from tests.support import factories
from tests.support.reader import visible_text

pytestmark = pytest.mark.django_db


def test_american_samoa_shows_each_year_with_its_winner(client, seed_newsroom):
    text = visible_text(client.get("/places/american-samoa/"))
    assert text.index("2016") < text.index("2020") < text.index("2024")
    assert "Won by Donald Trump" in text
    assert "Won by Michael Bloomberg with 175 votes" in text
    assert "Won by Jason Palmer with 51 votes" in text
    assert "Scheduled; no results yet" in text


def test_draft_contest_is_not_listed_for_its_place(client):
    place = factories.JurisdictionFactory()
    factories.ContestFactory(jurisdiction=place, name="Public caucus")
    factories.ContestFactory(jurisdiction=place, name="Draft caucus", status="draft")
    text = visible_text(client.get(place.get_absolute_url()))
    assert "Public caucus" in text
    assert "Draft caucus" not in text


def test_draft_place_is_404(client):
    place = factories.JurisdictionFactory(status="draft")
    assert client.get(place.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("contests", [2, 40])
def test_jurisdiction_query_count_does_not_grow_with_content(
    client, django_assert_max_num_queries, contests
):
    place = factories.JurisdictionFactory()
    for year in range(contests):
        result = factories.ResultFactory(
            contest=factories.ContestFactory(
                jurisdiction=place, year=1990 + year, held_on=None, held_on_precision=""
            )
        )
        factories.ResultFactory(contest=result.contest)
    client.get(place.get_absolute_url())  # the first request fills the content-type cache
    with django_assert_max_num_queries(5):
        assert client.get(place.get_absolute_url()).status_code == 200
