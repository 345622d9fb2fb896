"""Public lists come a page at a time: the same queries and about the same bytes per page
whatever the size of the newsroom, every published row on exactly one page, drafts on none."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support import factories
from tests.support.reader import visible_text

pytestmark = pytest.mark.django_db

PAGE_SIZE = 3


def contest_with_results(**kwargs):
    contest = factories.ContestFactory(**kwargs)
    factories.ResultFactory(contest=contest)
    factories.ResultFactory(contest=contest, votes=20)
    return contest


LISTS = {
    "/sources/": lambda **kwargs: factories.SourceFactory(**kwargs),
    "/candidates/": lambda **kwargs: factories.CandidateFactory(**kwargs),
    "/contests/": contest_with_results,
}


def names(item) -> str:
    return getattr(item, "headline", None) or getattr(item, "full_name", None) or item.name


@pytest.fixture(autouse=True)
def small_pages(settings):
    settings.PUBLIC_LIST_PAGE_SIZE = PAGE_SIZE


@pytest.mark.parametrize("path", LISTS)
def test_every_published_row_is_on_exactly_one_page_and_drafts_on_none(client, path):
    made = [LISTS[path]() for _ in range(7)]
    draft = LISTS[path](status="draft")

    shown = []
    page = client.get(path)
    while True:
        assert page.status_code == 200
        text = visible_text(page)
        shown += [names(item) for item in made if names(item) in text]
        assert names(draft) not in text
        following = re.search(r'href="(\?page=\d+)" rel="next"', page.content.decode())
        if following is None:
            break
        page = client.get(path + following.group(1))

    assert sorted(shown) == sorted(names(item) for item in made)
    assert "Page 3 of 3" in visible_text(page)


@pytest.mark.parametrize("path", LISTS)
def test_a_list_page_costs_the_same_queries_and_bytes_at_two_sizes(client, path):
    for _ in range(2 * PAGE_SIZE):
        LISTS[path]()
    small_queries, small_bytes = measure(client, path)

    for _ in range(8 * PAGE_SIZE):
        LISTS[path]()
    large_queries, large_bytes = measure(client, path)

    assert large_queries == small_queries
    # The page shows as many rows either way; only their names' lengths differ.
    assert abs(large_bytes - small_bytes) < 0.05 * small_bytes, (small_bytes, large_bytes)


def measure(client, path) -> tuple[int, int]:
    """Queries and bytes of the list's second page."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, {"page": 2})
    assert response.status_code == 200
    return len(captured), len(response.content)


@pytest.mark.parametrize("page", ["9", "0", "two", "9" * 30])
def test_a_page_that_does_not_exist_is_404(client, page):
    factories.SourceFactory()
    assert client.get("/sources/", {"page": page}).status_code == 404


@pytest.mark.parametrize("path", LISTS)
def test_a_long_list_counts_only_the_pages_near_the_one_shown(client, settings, path):
    """Three rows a page, counted one page past the one shown: 11 rows are four pages."""
    settings.PUBLIC_LIST_PAGES_COUNTED = 1
    made = [LISTS[path]() for _ in range(11)]

    first = client.get(path)
    assert "Page 1 of more than 2" in visible_text(first)
    with CaptureQueriesContext(connection) as captured:
        second = client.get(path, {"page": 2})
    assert "Page 2 of more than 3" in visible_text(second)
    # The count reads at most the rows of the pages up to one past this one, plus one.
    counts = [query["sql"] for query in captured if "COUNT(*)" in query["sql"]]
    assert len(counts) == 1 and "LIMIT 10" in counts[0], counts

    # Near the end the count is exact, and every row is on a page.
    shown, page = [], first
    while True:
        shown += [names(item) for item in made if names(item) in visible_text(page)]
        following = re.search(r'href="(\?page=\d+)" rel="next"', page.content.decode())
        if following is None:
            break
        page = client.get(path + following.group(1))
    assert "Page 4 of 4" in visible_text(page)
    assert sorted(shown) == sorted(names(item) for item in made)


def test_a_page_far_past_the_counted_ones_is_still_reachable(client, settings):
    settings.PUBLIC_LIST_PAGES_COUNTED = 1
    for _ in range(20):
        factories.SourceFactory()
    assert "Page 5 of more than 6" in visible_text(client.get("/sources/", {"page": 5}))
    assert "Page 7 of 7" in visible_text(client.get("/sources/", {"page": 7}))
    assert client.get("/sources/", {"page": 8}).status_code == 404


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("rows", [8, 20])
def test_a_page_near_the_end_shows_the_rows_of_the_list_order_without_skipping_the_rest(
    client, settings, path, rows
):
    """Each page holds the same rows in the same order as reading the whole list from the
    start, and the last page is read from the end: its query skips no rows (no OFFSET),
    whatever the length of the list."""
    settings.PUBLIC_LIST_PAGES_COUNTED = 10
    made = [LISTS[path]() for _ in range(rows)]
    pages = []
    for number in range(1, -(-rows // PAGE_SIZE) + 1):
        text = visible_text(client.get(path, {"page": number}))
        on_page = [item for item in made if names(item) in text]
        pages.append(sorted(on_page, key=lambda item, text=text: text.index(names(item))))
    listed = [item for page in pages for item in page]
    assert sorted(names(item) for item in listed) == sorted(names(item) for item in made)
    assert listed == list(type(made[0]).objects.filter(pk__in=[item.pk for item in made]))

    with CaptureQueriesContext(connection) as captured:
        last = client.get(path, {"page": "last"})
    text = visible_text(last)
    assert [item for item in made if names(item) in text] == sorted(
        pages[-1], key=lambda item: made.index(item)
    )
    table = connection.ops.quote_name(type(made[0])._meta.db_table)
    reads = [q["sql"] for q in captured if q["sql"].startswith("SELECT") and table in q["sql"]]
    rows_read = [sql for sql in reads if "COUNT(" not in sql and "LIMIT" in sql]
    assert rows_read and not any("OFFSET" in sql for sql in rows_read), rows_read
