"""The jurisdiction page: its latest contests across the years, with who won, and all of
them a page at a time."""

import re

import pytest
from django.test import override_settings

from tests.support import factories
from tests.support.reader import visible_text

pytestmark = pytest.mark.django_db


def test_american_samoa_shows_each_year_with_its_winner(client, seed_newsroom):
    text = visible_text(client.get("/places/american-samoa/"))
    assert text.index("2024") < text.index("2020") < text.index("2016")  # newest first
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
    # Seven: its external ids, and one more (the count for "All N contests") when there
    # are more than it shows.
    with django_assert_max_num_queries(7):
        assert client.get(place.get_absolute_url()).status_code == 200


def contest_names(response) -> list[str]:
    return re.findall(r'<h4><a href="[^"]+">([^<]+)</a></h4>', response.content.decode())


def place_with_contests(count: int, **options):
    place = factories.JurisdictionFactory(**options)
    for year in range(count):
        factories.ResultFactory(
            contest=factories.ContestFactory(
                jurisdiction=place,
                name=f"Caucus {1990 + year}",
                year=1990 + year,
                held_on=None,
                held_on_precision="",
            )
        )
    return place


@override_settings(PLACE_LATEST_CONTESTS=3, PUBLIC_LIST_PAGE_SIZE=2)
def test_a_place_shows_its_latest_contests_and_links_to_all_of_them_a_page_at_a_time(client):
    place = place_with_contests(5)
    factories.ContestFactory(jurisdiction=place, name="Draft caucus", year=2030, status="draft")

    page = client.get(place.get_absolute_url())
    assert contest_names(page) == ["Caucus 1994", "Caucus 1993", "Caucus 1992"]
    assert "All 5 contests in" in visible_text(page)  # the draft is not counted

    every = f"{place.get_absolute_url()}contests/"
    assert contest_names(client.get(every)) == ["Caucus 1994", "Caucus 1993"]
    assert contest_names(client.get(every, {"page": 3})) == ["Caucus 1990"]
    assert client.get(every, {"page": 4}).status_code == 404


@override_settings(PLACE_LATEST_CONTESTS=3)
def test_a_place_with_few_contests_shows_them_all_and_still_links_to_their_list(client):
    place = place_with_contests(3)
    page = client.get(place.get_absolute_url())
    assert len(contest_names(page)) == 3
    assert "3 contests in" in visible_text(page)
    assert f'href="{place.get_absolute_url()}contests/"' in page.content.decode()


def test_a_draft_places_contests_are_not_found(client):
    place = place_with_contests(1, status="draft")
    assert client.get(f"{place.get_absolute_url()}contests/").status_code == 404


@pytest.mark.parametrize("contests", [2, 40])
def test_a_places_contests_pages_cost_the_same_at_two_sizes(
    client, django_assert_max_num_queries, contests
):
    place = place_with_contests(contests)
    every = f"{place.get_absolute_url()}contests/"
    client.get(every)  # the first request fills the content-type cache
    with django_assert_max_num_queries(6):
        assert client.get(every).status_code == 200
