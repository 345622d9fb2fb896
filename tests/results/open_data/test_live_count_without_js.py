"""A contest whose count is live says, without JavaScript, when its figures were updated and
links to reload; the script is loaded only then."""

from tests.support.factories import CandidateFactory, ContestFactory, ResultFactory

CAUCUS = "2024-american-samoa-democratic-caucuses"


def test_live_contest_page_says_when_updated_and_links_to_reload(db, client):
    contest = ContestFactory(count_status="counting")
    ResultFactory(contest=contest, candidate=CandidateFactory(), votes=10)

    page = client.get(f"/contests/{contest.slug}/")

    assert "last updated at <time" in page.text
    assert f'<a href="/contests/{contest.slug}/">Reload the page</a>' in page.text
    assert f'data-live-results="/api/v1/contests/{contest.slug}/"' in page.text
    assert 'aria-live="polite"' in page.text
    assert "js/live-results.js" in page.text


def test_a_final_count_is_not_polled(seed_newsroom, client):
    page = client.get(f"/contests/{CAUCUS}/")

    assert "data-live-results" not in page.text
    assert "live-results.js" not in page.text
