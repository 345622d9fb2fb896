"""Links built from a route reversed once (newsroom.routes) are the links `reverse()` gives."""

import pytest
from django.urls import reverse, set_script_prefix

from newsroom.routes import fixed_path, route_path
from tests.support import factories

ROUTES = [
    ("candidates:candidate_detail", "jason-palmer", None),
    ("candidates:quote_detail", 12, None),
    ("candidates:fact_detail", 7, None),
    ("results:contest_detail", "2024-american-samoa-democratic-caucus", None),
    ("results:jurisdiction_detail", "american-samoa", None),
    ("newsroom:source_detail", "fox-news-palmer-beats-biden", None),
    ("api:quote-detail", 12, "pk"),
    ("api:candidate-detail", "jason-palmer", "slug"),
]


def reversed_by_django(name, value, keyword):
    if keyword is None:
        return reverse(name, args=[value])
    return reverse(name, kwargs={keyword: value})


@pytest.mark.parametrize(("name", "value", "keyword"), ROUTES)
def test_a_route_path_is_the_path_reverse_gives(name, value, keyword):
    assert route_path(name, value, keyword=keyword) == reversed_by_django(name, value, keyword)


@pytest.mark.parametrize(("name", "value", "keyword"), ROUTES)
def test_a_route_path_follows_the_script_prefix(name, value, keyword):
    route_path(name, value, keyword=keyword)  # kept for the prefix "/"
    set_script_prefix("/newsroom/")
    try:
        path = route_path(name, value, keyword=keyword)
        assert path.startswith("/newsroom/")
        assert path == reversed_by_django(name, value, keyword)
    finally:
        set_script_prefix("/")


def test_a_value_that_needs_quoting_is_reversed_by_django():
    # Not a plain slug: reverse() quotes it (and refuses what the route does not take).
    assert route_path("api:candidate-detail", "née", keyword="slug") == reverse(
        "api:candidate-detail", kwargs={"slug": "née"}
    )


def test_a_route_without_arguments_is_the_path_reverse_gives():
    assert fixed_path("api:quote-list") == reverse("api:quote-list")


def test_model_pages_link_where_their_routes_resolve(db):
    quote = factories.QuoteFactory()
    assert quote.get_absolute_url() == reverse("candidates:quote_detail", args=[quote.pk])
    candidate = quote.candidate
    assert candidate.get_absolute_url() == reverse(
        "candidates:candidate_detail", args=[candidate.slug]
    )
