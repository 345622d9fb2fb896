"""A profile is bounded: of its quotes, facts, career and platform it shows the first few
(`PROFILE_LATEST_ITEMS`) and links to all of them, on pages of their own
(`/candidates/<slug>/quotes/` …, `PUBLIC_LIST_PAGE_SIZE` a page) with their own numbered
sources. Published rows only; the same queries and about the same bytes at two sizes."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support import factories
from tests.support.reader import visible_text

pytestmark = pytest.mark.django_db

SHOWN = 2
PAGE_SIZE = 3

#: Each part: its address, how to make a row of it, the text that names a row.
PARTS = {
    "quotes": (factories.QuoteFactory, "text"),
    "facts": (factories.FactFactory, "statement"),
    "career": (factories.CareerEntryFactory, "organisation"),
    "platform": (factories.PlatformPositionFactory, "topic"),
}


@pytest.fixture(autouse=True)
def small_pages(settings):
    settings.PROFILE_LATEST_ITEMS = SHOWN
    settings.PUBLIC_LIST_PAGE_SIZE = PAGE_SIZE


def rows(part, candidate, count, **kwargs):
    make, _field = PARTS[part]
    return [make(candidate=candidate, **kwargs) for _ in range(count)]


def name(part, row) -> str:
    return getattr(row, PARTS[part][1])


def cited(part, candidate, count, sources):
    made = rows(part, candidate, count)
    for index, row in enumerate(made):
        factories.CitationFactory(content_object=row, source=sources[index % len(sources)])
    return made


def test_the_profile_shows_the_latest_quotes_and_links_to_all_of_them(client):
    candidate = factories.CandidateFactory(full_name="Candidate Number Quoted")
    older, newer, newest = (
        factories.QuoteFactory(
            candidate=candidate, said_on=f"2024-03-0{day}", said_on_precision="day"
        )
        for day in (1, 2, 3)
    )

    response = client.get(candidate.get_absolute_url())

    text = visible_text(response)
    assert newest.text in text and newer.text in text
    assert older.text not in text
    assert text.index(newest.text) < text.index(newer.text)
    assert (
        f'<a href="/candidates/{candidate.slug}/quotes/">All 3 quotes by Candidate Number Quoted'
        in response.text
    )


@pytest.mark.parametrize("part", PARTS)
def test_no_link_to_all_when_the_profile_shows_them_all(client, part):
    candidate = factories.CandidateFactory()
    rows(part, candidate, SHOWN)
    rows(part, candidate, 1, status="draft")

    html = client.get(candidate.get_absolute_url()).text

    assert f"/candidates/{candidate.slug}/{part}/" not in html


@pytest.mark.parametrize("part", PARTS)
def test_every_published_row_is_on_exactly_one_page_and_drafts_on_none(client, part):
    candidate = factories.CandidateFactory()
    made = rows(part, candidate, 7)
    draft = rows(part, candidate, 1, status="draft")[0]
    other = rows(part, factories.CandidateFactory(), 1)[0]
    profile = client.get(candidate.get_absolute_url()).text
    address = re.search(rf'href="(/candidates/{candidate.slug}/{part}/)"', profile).group(1)

    shown, page = [], client.get(address)
    while True:
        assert page.status_code == 200
        text = visible_text(page)
        shown += [name(part, row) for row in made if name(part, row) in text]
        assert name(part, draft) not in text
        assert name(part, other) not in text
        following = re.search(r'href="(\?page=\d+)" rel="next"', page.text)
        if following is None:
            break
        page = client.get(address + following.group(1))

    assert sorted(shown) == sorted(name(part, row) for row in made)
    assert "Page 3 of 3" in visible_text(page)


def test_the_quotes_pages_say_how_many_and_go_newest_first(client):
    candidate = factories.CandidateFactory(full_name="Candidate Number Listed")
    quotes = [
        factories.QuoteFactory(
            candidate=candidate, said_on=f"2024-03-0{day}", said_on_precision="day"
        )
        for day in (1, 2, 3)
    ]

    text = visible_text(client.get(f"/candidates/{candidate.slug}/quotes/"))

    assert "3 quotes by Candidate Number Listed, newest first" in text
    positions = [text.index(quote.text) for quote in reversed(quotes)]
    assert positions == sorted(positions)


def test_footnotes_are_numbered_on_each_page_by_itself(client):
    candidate = factories.CandidateFactory()
    sources = [factories.SourceFactory() for _ in range(PAGE_SIZE * 2)]
    for source in sources:
        quote = factories.QuoteFactory(candidate=candidate)
        factories.CitationFactory(content_object=quote, source=source)

    for page in (1, 2):
        response = client.get(f"/candidates/{candidate.slug}/quotes/", {"page": page})
        html = response.text
        markers = re.findall(r'href="#source-(\d+)"', html)
        entries = re.findall(r'<li id="source-(\d+)">', html)
        assert markers == entries == ["1", "2", "3"], page
        # The page lists the sources of its own quotes, and no other.
        listed = [source for source in sources if source.headline in visible_text(response)]
        assert len(listed) == PAGE_SIZE


@pytest.mark.parametrize("part", PARTS)
def test_a_part_with_nothing_published_says_so_and_links_back(client, part):
    candidate = factories.CandidateFactory(full_name="Candidate Number Quiet")
    rows(part, candidate, 1, status="draft")

    response = client.get(f"/candidates/{candidate.slug}/{part}/")

    assert response.status_code == 200
    assert "are published yet" in visible_text(response)
    assert f'href="{candidate.get_absolute_url()}"' in response.text


@pytest.mark.parametrize("status", ["draft", "inreview", "unpublished"])
def test_the_pages_of_a_hidden_candidate_are_404(client, status):
    candidate = factories.CandidateFactory(status=status)
    rows("quotes", candidate, 3)

    for part in PARTS:
        assert client.get(f"/candidates/{candidate.slug}/{part}/").status_code == 404


def test_staff_preview_the_pages_of_a_draft_candidate_privately(admin_client_logged_in):
    candidate = factories.CandidateFactory(status="draft")
    quote = rows("quotes", candidate, 1)[0]

    response = admin_client_logged_in.get(f"/candidates/{candidate.slug}/quotes/")

    assert response.status_code == 200
    assert quote.text in visible_text(response)
    assert "Staff preview" in visible_text(response)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("page", ["9", "0", "two"])
def test_a_page_that_does_not_exist_is_404(client, page):
    candidate = factories.CandidateFactory()
    rows("quotes", candidate, 4)
    assert client.get(f"/candidates/{candidate.slug}/quotes/", {"page": page}).status_code == 404


def measure(client, path, **params) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(captured), len(response.content)


@pytest.mark.parametrize("part", PARTS)
def test_a_part_page_costs_the_same_queries_and_bytes_at_two_sizes(client, part):
    candidate = factories.CandidateFactory()
    sources = [factories.SourceFactory() for _ in range(3)]
    address = f"/candidates/{candidate.slug}/{part}/"
    cited(part, candidate, 2 * PAGE_SIZE, sources)
    client.get(address)  # fills the content-type cache
    small_queries, small_bytes = measure(client, address, page=2)

    cited(part, candidate, 20 * PAGE_SIZE, sources)
    large_queries, large_bytes = measure(client, address, page=2)

    assert large_queries == small_queries
    assert abs(large_bytes - small_bytes) < 0.05 * small_bytes, (small_bytes, large_bytes)


def test_the_profile_costs_the_same_queries_and_bounded_bytes_at_two_sizes(client, settings):
    """3, 15, then 30 of each part, cited by 3, 8, then 15 sources: the profile shows five
    of each."""
    settings.PROFILE_LATEST_ITEMS = 5
    candidate = factories.CandidateFactory()
    factories.ResultFactory(candidate=candidate)

    def add(count, source_count):
        sources = [factories.SourceFactory() for _ in range(source_count)]
        for source in sources:
            factories.ContributorFactory(source=source)
        for part in PARTS:
            cited(part, candidate, count, sources)

    def measure_profile():
        # The first request after a change fills the content types and the cite box.
        client.get(candidate.get_absolute_url())
        return measure(client, candidate.get_absolute_url())

    add(3, 3)
    small_queries, small_bytes = measure_profile()
    add(12, 5)
    large_queries, large_bytes = measure_profile()
    add(15, 7)
    larger_queries, larger_bytes = measure_profile()

    # The profile, each part and its citations, the contest history, the corrections and
    # versions: never a query per row.
    assert small_queries == large_queries == larger_queries == PROFILE_QUERIES
    # Past five of each, the page stops growing: 30 of each weigh what 15 do (five of each
    # and the sources of those twenty rows), give or take the lengths of names and a few
    # more or fewer sources shared between the rows shown.
    assert large_bytes > small_bytes
    assert abs(larger_bytes - large_bytes) < 0.1 * large_bytes, (large_bytes, larger_bytes)
    html = client.get(candidate.get_absolute_url()).text
    for kind in ("quote", "fact", "career", "platform"):
        assert len(re.findall(rf'<(?:li|div) id="{kind}-\d+"', html)) == 5, kind
    assert len(re.findall(r'<li id="source-\d+">', html)) <= 20
    assert f"All 30 quotes by {candidate.full_name}" in html


PROFILE_QUERIES = 13  # with the external ids; the citations of the profile and its parts in one


def test_the_part_pages_read_only_page_from_the_query_for_the_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    candidate = factories.CandidateFactory()
    rows("quotes", candidate, 2 * PAGE_SIZE)
    address = f"/candidates/{candidate.slug}/quotes/"
    try:
        one = client.get(address)
        two = client.get(address, {"page": 2})
        one_again = client.get(address, {"utm_source": "feed"})
        two_again = client.get(address, {"page": 2, "x": "a7f3"})
    finally:
        cache.clear()

    assert [one.page_cache, two.page_cache] == ["miss", "miss"]
    assert [one_again.page_cache, two_again.page_cache] == ["hit", "hit"]
    assert one.content != two.content
    assert two_again.content == two.content
