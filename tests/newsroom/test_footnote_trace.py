"""Readers see the trace: each source in a page's notes list shows the outlet and pinpoint of
every passage the page cites from it, the passage one click away in a <details> (no
JavaScript), and the JSON-LD carries the passages."""

import html as html_lib
import re

import pytest

from candidates.models import Quote
from tests.support import factories
from tests.support.reader import json_ld, visible_text

pytestmark = pytest.mark.django_db

AP_INTERVIEW_PASSAGE = (
    '"I found out that I had won because my phone started blowing up with friends and '
    'campaign staffers texting me," Palmer told The Associated Press.'
)


def details(response) -> list[tuple[str, str]]:
    """(summary, blockquote text) of every <details> on the page, unescaped."""
    found = re.findall(
        r"<details[^>]*><summary>(.*?)</summary><blockquote[^>]*>(.*?)</blockquote></details>",
        response.content.decode(),
        re.S,
    )
    strip = lambda text: html_lib.unescape(re.sub(r"<[^>]+>", "", text)).strip()  # noqa: E731
    return [(strip(summary), strip(passage)) for summary, passage in found]


def notes_list(response) -> str:
    """The HTML of the page's notes list."""
    return re.search(r'<section class="sources".*?</section>', response.content.decode(), re.S)[0]


def ap_interview_quote():
    return Quote.objects.get(text__startswith="I found out that I had won")


def test_quote_page_shows_outlet_and_pinpoint_with_the_passage_in_details(client, seed_newsroom):
    response = client.get(ap_interview_quote().get_absolute_url())

    assert "Fox News, para. 9" in visible_text(response)
    assert details(response) == [("Fox News, para. 9", AP_INTERVIEW_PASSAGE)]


def test_quote_json_ld_carries_the_cited_passage(client, seed_newsroom):
    data = json_ld(client.get(ap_interview_quote().get_absolute_url()))

    [article] = data["citation"]
    assert article["publisher"]["name"] == "Fox News"
    assert article["hasPart"] == [
        {"@type": "CreativeWork", "name": "para. 9", "text": AP_INTERVIEW_PASSAGE}
    ]


def test_a_citation_without_a_passage_shows_its_pinpoint_and_no_empty_details(client):
    quote = factories.QuoteFactory()
    factories.CitationFactory(
        content_object=quote, source__outlet__name="Island Herald", pinpoint="para. 4"
    )

    response = client.get(quote.get_absolute_url())

    assert "Island Herald, para. 4" in visible_text(response)
    assert "Island Herald, para. 4" in notes_list(response)
    assert "<details" not in notes_list(response)
    assert "hasPart" not in json_ld(response)["citation"][0]


def test_a_citation_with_neither_pinpoint_nor_passage_lists_only_the_source(client):
    quote = factories.QuoteFactory()
    factories.CitationFactory(content_object=quote, source__headline="Island tour report")

    response = client.get(quote.get_absolute_url())

    assert "Island tour report" in visible_text(response)
    assert "cited-passages" not in notes_list(response)
    assert "<details" not in notes_list(response)


def test_fact_page_shows_the_passage_and_its_json_ld_is_a_claim_citing_it(client):
    fact = factories.FactFactory(statement="Visited every island.")
    factories.CitationFactory(
        content_object=fact,
        source__outlet__name="Island Herald",
        pinpoint="para. 2",
        quoted_passage="He toured all seven islands.",
    )

    response = client.get(fact.get_absolute_url())

    assert details(response) == [("Island Herald, para. 2", "He toured all seven islands.")]
    data = json_ld(response)
    assert data["@type"] == "Claim"
    assert data["text"] == "Visited every island."
    assert data["citation"][0]["hasPart"][0]["text"] == "He toured all seven islands."


def test_profile_lists_each_passage_cited_from_a_source_once(client, seed_newsroom):
    response = client.get("/candidates/jason-palmer/")

    summaries = [summary for summary, _ in details(response)]
    assert ("Fox News, para. 2", "Jason Palmer, a 52-year-old businessman from Baltimore") in (
        details(response)
    )
    assert len(summaries) == len(set(details(response)))
    assert "Fox News, para. 9" in summaries


def test_contest_page_notes_list_shows_passages_and_json_ld_carries_them(client, seed_newsroom):
    response = client.get("/contests/2024-american-samoa-democratic-caucuses/")

    assert ("ABC News, para. 3", "With 99% of the expected vote reporting") in details(response)
    texts = [
        part["text"] for article in json_ld(response)["subjectOf"] for part in article["hasPart"]
    ]
    assert "Six delegates were at stake in the U.S. territory" in texts


def test_two_passages_from_one_source_share_its_number_and_are_both_listed(client):
    quote = factories.QuoteFactory()
    source = factories.SourceFactory(outlet__name="Island Herald")
    for para, words in [(3, "First words."), (5, "Later words.")]:
        factories.CitationFactory(
            content_object=quote, source=source, pinpoint=f"para. {para}", quoted_passage=words
        )

    response = client.get(quote.get_absolute_url())

    assert details(response) == [
        ("Island Herald, para. 3", "First words."),
        ("Island Herald, para. 5", "Later words."),
    ]
    assert response.content.decode().count('id="source-') == 1


def test_source_page_shows_each_citing_passage_in_details(client, seed_newsroom):
    quote = ap_interview_quote()
    source = quote.citations.get().source

    response = client.get(source.get_absolute_url())

    assert ("Fox News, para. 9: the passage", AP_INTERVIEW_PASSAGE) in details(response)
