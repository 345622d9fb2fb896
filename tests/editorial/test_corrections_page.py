"""/corrections/ and its feeds list every correction of an item that is or was public,
newest first, paginated, linked from every page's footer; corrections of items that were
never public stay off them, and an unpublished item's correction stays on, unlinked."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from newsroom.corrections_views import IN_FEED, PER_PAGE
from newsroom.editorial.publishing import Status
from newsroom.editorial.removals import delete_published
from newsroom.models import Correction
from tests.support import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def correct(item, note, **options):
    return factories.CorrectionFactory(content_object=item, note=note, **options)


def test_empty_corrections_page_says_so(client):
    response = client.get("/corrections/")

    assert response.status_code == 200
    assert "No corrections or updates have been published." in response.text


def test_footer_links_to_corrections_and_their_feeds(client):
    html = client.get("/").text

    assert 'href="/corrections/"' in html
    assert 'href="/feeds/corrections.rss"' in html
    assert 'href="/feeds/corrections.atom"' in html


def test_corrections_page_lists_corrections_of_every_kind_of_item_with_links(client):
    quote = factories.QuoteFactory()
    contest = factories.ContestFactory()
    result = factories.ResultFactory(contest=contest)
    source = factories.SourceFactory()
    correct(quote, "Quote note.")
    correct(
        result,
        "Result note.",
        kind=Correction.Kind.UPDATE,
        changes={"votes": {"label": "votes", "from": "51", "to": "52"}},
    )
    correct(source, "Source note.", kind=Correction.Kind.RETRACTION)

    html = client.get("/corrections/").text

    for note in ("Quote note.", "Result note.", "Source note."):
        assert note in html
    assert "Votes: 51 → 52" in html
    assert ">Retraction<" in html
    assert f'href="{quote.get_absolute_url()}"' in html
    assert f'href="{contest.get_absolute_url()}"' in html
    assert f'href="{source.get_absolute_url()}"' in html


def test_corrections_page_is_newest_first(client):
    now = timezone.now()
    correct(factories.QuoteFactory(), "Older.", created_at=now - datetime.timedelta(hours=3))
    correct(factories.QuoteFactory(), "Newer.", created_at=now)

    html = client.get("/corrections/").text

    assert html.index("Newer.") < html.index("Older.")


@pytest.mark.parametrize(
    "hide",
    [
        {"status": Status.DRAFT},
        {"status": Status.IN_REVIEW},
        {"status": Status.UNPUBLISHED},
        {"publish_at": "future"},
    ],
)
def test_corrections_of_items_that_are_not_public_are_not_listed(client, hide):
    if hide.get("publish_at") == "future":
        hide = {"publish_at": timezone.now() + datetime.timedelta(days=1)}
    correct(factories.QuoteFactory(**hide), "Hidden quote note.")
    correct(factories.ContestFactory(**hide), "Hidden contest note.")
    correct(factories.SourceFactory(**hide), "Hidden source note.")

    html = client.get("/corrections/").text
    rss = client.get("/feeds/corrections.rss").text

    for note in ("Hidden quote note.", "Hidden contest note.", "Hidden source note."):
        assert note not in html
        assert note not in rss


def test_correction_of_a_published_quote_of_a_draft_candidate_is_not_listed(client):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    correct(factories.QuoteFactory(candidate=candidate), "Quote under a draft.")
    correct(
        factories.ResultFactory(contest=factories.ContestFactory(status=Status.DRAFT)),
        "Result of a draft contest.",
    )

    html = client.get("/corrections/").text

    assert "Quote under a draft." not in html
    assert "Result of a draft contest." not in html


def test_a_retraction_stays_listed_after_its_item_is_unpublished(client):
    quote = factories.QuoteFactory(text="I never said that.")
    correct(quote, "This quote was misattributed.", kind=Correction.Kind.RETRACTION)
    url = quote.get_absolute_url()
    assert f'href="{url}"' in client.get("/corrections/").text

    quote.status = Status.UNPUBLISHED
    quote.text = "Draft wording nobody published."
    quote.save()
    html = client.get("/corrections/").text
    rss = client.get("/feeds/corrections.rss").text

    assert "This quote was misattributed." in html
    assert ">Retraction<" in html
    assert "I never said that." in html
    assert f'href="{url}"' not in html  # its page is gone: the entry stays, unlinked
    assert "Draft wording" not in html
    assert "This quote was misattributed." in rss
    assert "Draft wording" not in rss
    assert client.get(url).status_code == 404


def test_a_correction_stays_listed_after_its_candidate_is_unpublished(client):
    candidate = factories.CandidateFactory()
    correct(factories.QuoteFactory(candidate=candidate), "Quote corrected.")

    candidate.status = Status.UNPUBLISHED
    candidate.save()

    assert "Quote corrected." in client.get("/corrections/").text


def test_a_correction_recorded_while_its_item_was_a_draft_is_not_listed_once_published(client):
    quote = factories.QuoteFactory(status=Status.DRAFT)
    correct(quote, "Recorded on a draft.")
    quote.status = Status.PUBLISHED
    quote.save()
    assert "Recorded on a draft." in client.get("/corrections/").text

    quote.status = Status.UNPUBLISHED
    quote.save()

    assert "Recorded on a draft." not in client.get("/corrections/").text


def test_corrections_page_is_paginated(client):
    now = timezone.now()
    quote = factories.QuoteFactory()
    for number in range(PER_PAGE + 2):
        correct(
            quote, f"Note number {number:03d}.", created_at=now - datetime.timedelta(minutes=number)
        )

    first = client.get("/corrections/").text
    second = client.get("/corrections/?page=2").text

    assert "Note number 000." in first
    assert f"Note number {PER_PAGE:03d}." not in first
    assert f"Note number {PER_PAGE:03d}." in second
    assert 'rel="next"' in first
    assert client.get("/corrections/?page=99").status_code == 404


def test_rss_feed_lists_corrections_with_links_to_their_pages(client):
    contest = factories.ContestFactory()
    record = correct(
        factories.ResultFactory(contest=contest),
        "Votes updated <b>now</b>.",
        kind=Correction.Kind.UPDATE,
        changes={"votes": {"label": "votes", "from": "51", "to": "52"}},
    )

    response = client.get("/feeds/corrections.rss")
    channel = ET.fromstring(response.content).find("channel")
    item = channel.find("item")

    assert response.status_code == 200
    assert item.find("title").text.startswith("Update: Result")
    assert item.find("link").text.endswith(f"{contest.get_absolute_url()}#correction-{record.pk}")
    description = item.find("description").text
    assert "Votes updated &lt;b&gt;now&lt;/b&gt;." in description
    assert "Votes: 51 → 52" in description


def test_atom_feed_lists_corrections_newest_first_and_keeps_to_its_length(client):
    now = timezone.now()
    quote = factories.QuoteFactory()
    for number in range(IN_FEED + 3):
        correct(
            quote, f"Feed note {number:03d}.", created_at=now - datetime.timedelta(minutes=number)
        )

    response = client.get("/feeds/corrections.atom")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")

    assert response.status_code == 200
    assert len(entries) == IN_FEED
    assert "Feed note 000." in entries[0].find(f"{ATOM}summary").text


@pytest.mark.parametrize("count", [2, 60])
def test_corrections_page_and_feed_queries_do_not_grow(
    client, django_assert_max_num_queries, count
):
    for number in range(count):
        contest = factories.ContestFactory()
        correct(factories.QuoteFactory(), f"Quote {number}.")
        correct(factories.ResultFactory(contest=contest), f"Result {number}.")
        correct(contest, f"Contest {number}.")
        correct(factories.SourceFactory(), f"Source {number}.")
        unpublished = factories.QuoteFactory()
        correct(unpublished, f"Unpublished {number}.", kind=Correction.Kind.RETRACTION)
        unpublished.status = Status.UNPUBLISHED
        unpublished.save()
        delete_published(factories.FactFactory(), note=f"Removed {number}.")
    client.get("/corrections/")  # fills the content-type cache
    with django_assert_max_num_queries(12):
        assert client.get("/corrections/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/feeds/corrections.rss").status_code == 200
