"""The candidate profile: key facts, career, platform, quotes, contest history, footnotes."""

import re

import pytest

from tests.support import factories
from tests.support.reader import json_ld, visible_text

pytestmark = pytest.mark.django_db


def test_profile_shows_key_facts_with_dates_and_sources(client, seed_newsroom):
    text = visible_text(client.get("/candidates/jason-palmer/"))
    assert "52, as of March 2024" in text
    assert "Baltimore" in text
    assert "Entered the race November 2023" in text
    assert "$500,000 (loan to own campaign)" in text


def test_every_footnote_marker_links_to_an_entry_in_the_source_list(client, seed_newsroom):
    html = client.get("/candidates/jason-palmer/").content.decode()
    markers = set(re.findall(r'href="#source-(\d+)"', html))
    entries = set(re.findall(r'<li id="source-(\d+)">', html))
    assert markers
    assert markers == entries


def test_profile_lists_quotes_career_platform_and_contest_history(client, seed_newsroom):
    response = client.get("/candidates/jason-palmer/")
    text = visible_text(response)
    # Palmer's latest ten quotes of twenty; the others are a link away.
    assert "focusing on education, health care, and climate change" in text
    assert "Zoom town halls" not in text
    assert "All 20 quotes by Jason Palmer" in text
    all_quotes = re.search(r'href="([^"]+)">All 20 quotes', response.text).group(1)
    assert "Zoom town halls" in visible_text(client.get(all_quotes))
    assert "New Markets Venture Partners" in text
    assert "Department of Innovation and Technology" in text
    assert "2024 American Samoa Democratic presidential caucuses 51" in text


def test_contest_history_shows_share_computed_from_votes(client, seed_newsroom):
    text = visible_text(client.get("/candidates/joe-biden/"))
    assert "44.0%" in text
    assert "2020 American Samoa Democratic presidential contest 31" in text


def test_unknown_key_fact_reads_not_reported(client):
    candidate = factories.CandidateFactory(hometown="")
    text = visible_text(client.get(candidate.get_absolute_url()))
    assert "Hometown not reported" in text
    assert "Age not reported" in text


def test_draft_candidate_is_404(client):
    candidate = factories.CandidateFactory(status="draft")
    assert client.get(candidate.get_absolute_url()).status_code == 404


def test_draft_quote_and_draft_source_stay_off_the_profile(client):
    candidate = factories.CandidateFactory()
    factories.QuoteFactory(candidate=candidate, text="Published words")
    draft = factories.QuoteFactory(candidate=candidate, text="Unpublished words", status="draft")
    hidden_source = factories.SourceFactory(headline="Embargoed report", status="draft")
    factories.CitationFactory(content_object=draft, source=hidden_source)
    factories.CitationFactory(content_object=candidate, source=hidden_source, field_name="age")
    text = visible_text(client.get(candidate.get_absolute_url()))
    assert "Published words" in text
    assert "Unpublished words" not in text
    assert "Embargoed report" not in text


def test_profile_json_ld_is_a_person_citing_news_articles(client, seed_newsroom):
    data = json_ld(client.get("/candidates/jason-palmer/"))
    assert data["@type"] == "Person"
    assert data["name"] == "Jason Palmer"
    headlines = {article["name"] for article in data["subjectOf"]}
    assert "Who is Jason Palmer, the Democrat who delivered Biden his first primary defeat?" in (
        headlines
    )
    assert {article["@type"] for article in data["subjectOf"]} == {"NewsArticle"}


def _profile_with(quotes: int, sources: int):
    candidate = factories.CandidateFactory()
    factories.CareerEntryFactory(candidate=candidate)
    factories.PlatformPositionFactory(candidate=candidate)
    factories.FactFactory(candidate=candidate)
    factories.ResultFactory(candidate=candidate)
    source_rows = [factories.SourceFactory() for _ in range(sources)]
    for row in source_rows:
        factories.ContributorFactory(source=row)
    for index in range(quotes):
        quote = factories.QuoteFactory(candidate=candidate)
        factories.CitationFactory(content_object=quote, source=source_rows[index % sources])
    return candidate


@pytest.mark.parametrize(("quotes", "sources"), [(2, 2), (200, 100)])
def test_profile_query_count_does_not_grow_with_content(
    client, django_assert_max_num_queries, settings, quotes, sources
):
    settings.PROFILE_LATEST_ITEMS = 10
    candidate = _profile_with(quotes, sources)
    client.get(candidate.get_absolute_url())  # the first request fills the content-type cache
    # 12 for the profile (the citations of the candidate and of its parts' rows in one), 1
    # for its corrections and updates.
    with django_assert_max_num_queries(13):
        response = client.get(candidate.get_absolute_url())
    assert response.content.decode().count('class="quote"') == min(quotes, 10)
