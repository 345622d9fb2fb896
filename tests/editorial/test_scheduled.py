"""Scheduled publishing without a cron job, with a frozen clock: an item published for a
later time is absent from every public surface (its page, lists, feeds, sitemap, search,
API) until the time comes, then present, with nothing run in between."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from candidates.models import Candidate, Quote
from newsroom.editorial import roles
from newsroom.editorial.publishing import Status
from newsroom.editorial.records import WorkflowEvent
from results.models import Contest
from tests.support import factories
from tests.support.editors import cited, client_for, messages_of, run_action

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    """The Cite box cache is versioned by the clock, which these tests freeze: start empty
    so a box cached by an earlier test for a row with the same id is not served."""
    cache.clear()


NOON = datetime.datetime(2026, 11, 3, 12, 0, tzinfo=datetime.UTC)
AT_ONE = NOON + datetime.timedelta(hours=1)
WORD = "Quixotically"


def _quote():
    candidate = factories.CandidateFactory(full_name="Amata Sunia")
    quote = factories.QuoteFactory(
        candidate=candidate, text=f"{WORD} we campaigned in every village.", status="in_review"
    )
    return cited(quote), [
        reverse("candidates:quote_detail", args=[quote.pk]),
        reverse("candidates:candidate_detail", args=[candidate.slug]),
        reverse("candidates:quotes_rss"),
        reverse("sitemap-section", kwargs={"section": "quotes"}),
        f"{reverse('search')}?q={WORD}",
        "/api/v1/quotes/",
    ]


def _contest():
    contest = factories.ContestFactory(name=f"{WORD} Caucus", slug="quixotic", status="in_review")
    return cited(contest), [
        reverse("results:contest_detail", args=[contest.slug]),
        reverse("results:contest_list"),
        reverse("results:contests_rss"),
        reverse("sitemap-section", kwargs={"section": "contests"}),
        f"{reverse('search')}?q={WORD}",
        "/api/v1/contests/",
    ]


def _candidate():
    candidate = factories.CandidateFactory(
        full_name=f"Tuli {WORD}", family_name=WORD, slug="tuli", status="in_review"
    )
    return cited(candidate), [
        reverse("candidates:candidate_detail", args=[candidate.slug]),
        reverse("candidates:candidate_list"),
        reverse("sitemap-section", kwargs={"section": "candidates"}),
        f"{reverse('search')}?q={WORD}",
        "/api/v1/candidates/",
    ]


ITEMS = {"quote": _quote, "contest": _contest, "candidate": _candidate}


def shows(url: str, item) -> bool:
    """Whether an anonymous reader finds `item` at `url`."""
    response = Client().get(url)
    if response.status_code == 404:
        return False
    assert response.status_code == 200, (url, response.status_code)
    text = response.content.decode()
    # The sitemap lists addresses; the search page repeats the query, so look for the link.
    marker = item.get_absolute_url() if "sitemap" in url or "search" in url else WORD
    return marker in text


@pytest.mark.parametrize("kind", sorted(ITEMS))
def test_item_scheduled_for_later_is_public_only_from_its_time(django_user_model, kind):
    with time_machine.travel(NOON, tick=False):
        item, urls = ITEMS[kind]()
        editor = client_for(django_user_model, roles.EDITOR)
        run_action(
            editor,
            type(item),
            "schedule_publication",
            [item],
            schedule="yes",
            publish_at="2026-11-03T13:00",
        )
        item.refresh_from_db()
        assert (item.status, item.publish_at) == (Status.PUBLISHED, AT_ONE)
        assert [url for url in urls if shows(url, item)] == []

    with time_machine.travel(AT_ONE + datetime.timedelta(minutes=1), tick=False):
        assert [url for url in urls if shows(url, item)] == urls


def test_scheduled_item_is_public_at_the_exact_time(django_user_model):
    quote, urls = _quote()
    with time_machine.travel(NOON, tick=False):
        run_action(client_for(django_user_model, roles.EDITOR), Quote, "publish", [quote])
    Quote.objects.filter(pk=quote.pk).update(publish_at=AT_ONE)

    with time_machine.travel(AT_ONE - datetime.timedelta(seconds=1), tick=False):
        assert not shows(urls[0], quote)
    with time_machine.travel(AT_ONE, tick=False):
        assert shows(urls[0], quote)


def test_publish_keeps_the_items_own_scheduled_time(django_user_model):
    with time_machine.travel(NOON, tick=False):
        quote, urls = _quote()
        Quote.objects.filter(pk=quote.pk).update(publish_at=AT_ONE)

        response = run_action(
            client_for(django_user_model, roles.EDITOR), Quote, "publish", [quote]
        )

        quote.refresh_from_db()
        assert (quote.status, quote.publish_at) == (Status.PUBLISHED, AT_ONE)
        assert messages_of(response) == [
            "1 published (1 scheduled: public from their publish time)."
        ]
        assert WorkflowEvent.objects.get().publish_at == AT_ONE
        assert not shows(urls[0], quote)


def test_schedule_action_asks_for_the_time_first(django_user_model):
    contest = cited(factories.ContestFactory(status="in_review"))
    editor = client_for(django_user_model, roles.EDITOR)

    response = run_action(editor, Contest, "schedule_publication", [contest])

    assert response.status_code == 200
    assert response.templates[0].name == "admin/editorial/schedule.html"
    assert str(contest) in response.text
    contest.refresh_from_db()
    assert contest.status == Status.IN_REVIEW


def test_schedule_action_refuses_a_time_that_is_not_one(django_user_model):
    contest = cited(factories.ContestFactory(status="in_review"))
    editor = client_for(django_user_model, roles.EDITOR)

    response = run_action(
        editor, Contest, "schedule_publication", [contest], schedule="yes", publish_at="soon"
    )

    assert "Enter a valid date/time." in response.text
    contest.refresh_from_db()
    assert contest.status == Status.IN_REVIEW


def test_editor_reschedules_a_scheduled_item(django_user_model):
    with time_machine.travel(NOON, tick=False):
        candidate = factories.CandidateFactory(status=Status.PUBLISHED, publish_at=AT_ONE)
        editor = client_for(django_user_model, roles.EDITOR)

        run_action(
            editor,
            Candidate,
            "schedule_publication",
            [candidate],
            schedule="yes",
            publish_at="2026-11-03T18:30",
        )

        candidate.refresh_from_db()
        assert candidate.publish_at == NOON + datetime.timedelta(hours=6, minutes=30)
        event = WorkflowEvent.objects.get()
        assert (event.from_status, event.to_status) == ("published", "published")
        assert event.publish_at == candidate.publish_at
