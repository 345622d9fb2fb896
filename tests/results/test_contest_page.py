"""The contest page: status, reporting, results table, chart, sources."""

import re

import pytest

from tests.support import factories
from tests.support.reader import json_ld, visible_text

pytestmark = pytest.mark.django_db

PALMER_CAUCUS = "/contests/2024-american-samoa-democratic-caucuses/"


def test_contest_page_shows_counts_shares_and_reporting(client, seed_newsroom):
    text = visible_text(client.get(PALMER_CAUCUS))
    assert "Final" in text
    assert "Ballots cast 91" in text
    assert "Delegates at stake 6" in text
    assert "99% of the expected vote" in text
    assert re.search(r"Jason Palmer 51[\d ,\[\]]* 56\.0% 56%[\d ,\[\]]* not reported", text)
    assert re.search(r"Joe Biden 40[\d ,\[\]]* 44\.0% 44%[\d ,\[\]]* not reported", text)


def test_vote_counts_and_reported_shares_each_carry_their_own_source(client, seed_newsroom):
    html = client.get(PALMER_CAUCUS).content.decode()
    sources = dict(re.findall(r'<li id="source-(\d+)"><cite><a href="/sources/([\w-]+)/"', html))
    palmer_row = re.search(r'jason-palmer/">Jason Palmer</a></th>(.*?)</tr>', html, re.S).group(1)
    votes_cell, _, reported_cell = re.findall(r"<td.*?</td>", palmer_row, re.S)[:3]
    votes_sources = {sources[n] for n in re.findall(r"#source-(\d+)", votes_cell)}
    share_sources = {sources[n] for n in re.findall(r"#source-(\d+)", reported_cell)}
    assert "fox-news-palmer-american-samoa" in votes_sources
    assert share_sources == {"abc-news-who-is-jason-palmer"}


def test_chart_is_an_accessible_svg_with_a_text_alternative(client, seed_newsroom):
    html = client.get(PALMER_CAUCUS).content.decode()
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg
    assert '<title id="chart-title">' in svg
    assert "Jason Palmer 56.0%, Joe Biden 44.0%" in svg
    assert '<th scope="col">Votes</th>' in html


def test_scheduled_contest_keeps_the_reported_day_beside_the_date(client, seed_newsroom):
    text = visible_text(client.get("/contests/2024-american-samoa-republican-caucuses/"))
    assert "Scheduled" in text
    assert "March 8, 2024 (as reported: “Friday”)" in text
    assert "has not been held yet" in text


def test_contest_without_counts_says_not_reported_never_zero(client, seed_newsroom):
    text = visible_text(client.get("/contests/2016-american-samoa-republican-caucuses/"))
    assert re.search(
        r"Donald Trump not reported not reported not reported not reported Winner", text
    )
    assert "Ballots cast not reported" in text


def test_share_without_ballots_cast_is_computed_from_the_listed_votes(client, seed_newsroom):
    text = visible_text(client.get("/contests/2020-american-samoa-democratic-contest/"))
    assert "of the 346 votes reported for the candidates listed" in text
    assert "Michael Bloomberg 175" in text
    assert "50.6%" in text


def test_draft_contest_is_404(client):
    contest = factories.ContestFactory(status="draft")
    assert client.get(contest.get_absolute_url()).status_code == 404


def test_contest_in_draft_place_is_404(client):
    contest = factories.ContestFactory(jurisdiction=factories.JurisdictionFactory(status="draft"))
    assert client.get(contest.get_absolute_url()).status_code == 404


def test_draft_candidate_in_results_is_named_but_not_linked(client):
    result = factories.ResultFactory(candidate=factories.CandidateFactory(status="draft"))
    html = client.get(result.contest.get_absolute_url()).content.decode()
    assert result.candidate.full_name in html
    assert result.candidate.get_absolute_url() not in html


def test_unconfirmed_race_call_is_not_shown(client):
    call = factories.RaceCallFactory(called_by="Unconfirmed desk")
    assert "Unconfirmed desk" not in visible_text(client.get(call.contest.get_absolute_url()))


def test_contest_json_ld_is_an_event_citing_its_sources(client, seed_newsroom):
    data = json_ld(client.get(PALMER_CAUCUS))
    assert data["@type"] == "Event"
    assert data["startDate"] == "2024-03-05"
    assert data["location"]["name"] == "American Samoa"
    assert any(article["publisher"]["name"] == "Fox News" for article in data["subjectOf"])


def _contest_with(candidates: int, sources: int):
    contest = factories.ContestFactory(ballots_cast=None, delegates_at_stake=None)
    source_rows = [factories.SourceFactory() for _ in range(sources)]
    for index in range(candidates):
        result = factories.ResultFactory(contest=contest, votes=index + 1)
        factories.CitationFactory(
            content_object=result, source=source_rows[index % sources], field_name="votes"
        )
        factories.ContestFactFactory(contest=contest)
    factories.RaceCallFactory(contest=contest, confirmed_at="2024-03-06T00:00Z")
    return contest


@pytest.mark.parametrize(("candidates", "sources"), [(2, 2), (60, 30)])
def test_contest_query_count_does_not_grow_with_content(
    client, django_assert_max_num_queries, candidates, sources
):
    contest = _contest_with(candidates, sources)
    client.get(contest.get_absolute_url())  # the first request fills the content-type cache
    # 12 for the page, 1 for its corrections and updates, 1 for its external ids.
    with django_assert_max_num_queries(14):
        response = client.get(contest.get_absolute_url())
    assert response.status_code == 200


def test_count_history_lists_each_reported_update_with_its_source(client, seed_newsroom):
    page = visible_text(client.get(PALMER_CAUCUS))
    text = page.split("How the count moved")[1].split("What the reports say")[0]
    assert text.index("“Tuesday night”, as reported") < text.index("after Tuesday’s caucus")
    assert "99% reporting" in text
    assert "ABC News" in text and "Fox News" in text
    assert re.search(r"Jason Palmer not reported first figures 56% first figures", text)


def test_count_history_shows_the_change_since_the_previous_update(client):
    contest = factories.ContestFactory(ballots_cast=None)
    candidate = factories.CandidateFactory(full_name="Ada Vote")
    for percent, votes in [(40, 100), (80, 130)]:
        snapshot = factories.SnapshotFactory(
            contest=contest, reporting_percent=percent, taken_at=f"2024-03-05T2{percent // 40}:00Z"
        )
        factories.SnapshotEntryFactory(snapshot=snapshot, candidate=candidate, votes=votes)
    text = visible_text(client.get(contest.get_absolute_url()))
    assert "80% reporting (40 points)" in text
    assert re.search(r"Ada Vote 130 \+30", text)


@pytest.mark.parametrize("updates", [1, 25])
def test_count_history_query_count_does_not_grow_with_updates(
    client, django_assert_max_num_queries, updates
):
    contest = _contest_with(3, 2)
    for number in range(updates):
        snapshot = factories.SnapshotFactory(contest=contest, reporting_percent=number)
        factories.SnapshotEntryFactory(snapshot=snapshot, votes=number)
    client.get(contest.get_absolute_url())
    # 12 for the page, 1 for its corrections and updates, 1 for its external ids.
    with django_assert_max_num_queries(14):
        assert client.get(contest.get_absolute_url()).status_code == 200
