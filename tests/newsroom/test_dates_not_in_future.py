"""Dates of things that already happened (a report, a count, a call, a quote) cannot lie in
the future, give or take a day for dates and a few minutes for times."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from candidates.models import Candidate
from newsroom.models import Source
from results.models import Contest, Snapshot
from tests.support import factories
from tests.support.admin_forms import CHANGE_NOTE, admin_url, page_data

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def change(client, item, **values):
    url = admin_url(type(item), "change", item.pk)
    data = page_data(client.get(url)) | CHANGE_NOTE | values
    return client.post(url, data)


def field_errors(response, name):
    return response.context["adminform"].form.errors.get(name, [])


def test_contest_reporting_as_of_in_2030_is_refused_on_the_field(admin_client_logged_in):
    contest = factories.ContestFactory()

    response = change(
        admin_client_logged_in,
        contest,
        reporting_as_of_0="2030-01-01",
        reporting_as_of_1="09:00:00",
    )

    assert response.status_code == 200
    assert field_errors(response, "reporting_as_of") == ["This time cannot be in the future."]
    contest.refresh_from_db()
    assert contest.reporting_as_of is None


def test_source_published_and_accessed_in_2030_is_refused_on_both_fields(
    admin_client_logged_in,
):
    source = factories.SourceFactory()

    response = change(
        admin_client_logged_in, source, published_on="2030-01-01", accessed_on="2030-01-02"
    )

    assert response.status_code == 200
    assert field_errors(response, "published_on") == ["This date cannot be in the future."]
    assert field_errors(response, "accessed_on") == ["This date cannot be in the future."]
    assert Source.objects.get(pk=source.pk).published_on == datetime.date(2024, 3, 6)


def test_candidate_entering_the_race_in_2031_is_refused_on_the_field(admin_client_logged_in):
    candidate = factories.CandidateFactory()

    response = change(
        admin_client_logged_in,
        candidate,
        campaign_launched_on="2031-05-01",
        campaign_launched_on_precision="month",
    )

    assert response.status_code == 200
    assert field_errors(response, "campaign_launched_on") == ["This date cannot be in the future."]
    assert Candidate.objects.get(pk=candidate.pk).campaign_launched_on is None


def test_this_month_at_month_precision_is_accepted(admin_client_logged_in):
    candidate = factories.CandidateFactory()

    response = change(
        admin_client_logged_in,
        candidate,
        campaign_launched_on="2026-03-01",
        campaign_launched_on_precision="month",
    )

    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.campaign_launched_on_display == "March 2026"


def test_tomorrow_is_allowed_for_a_reporter_ahead_of_our_clock():
    source = factories.SourceFactory(published_on=datetime.date(2026, 3, 11))

    source.full_clean()


def test_a_snapshot_taken_later_than_a_few_minutes_from_now_is_refused():
    snapshot = Snapshot(
        contest=factories.ContestFactory(),
        taken_at=timezone.now() + datetime.timedelta(minutes=6),
    )

    with pytest.raises(ValidationError) as refused:
        snapshot.full_clean()

    assert refused.value.message_dict == {"taken_at": ["This time cannot be in the future."]}


def test_a_snapshot_taken_a_minute_ahead_of_our_clock_is_accepted():
    snapshot = Snapshot(
        contest=factories.ContestFactory(),
        taken_at=timezone.now() + datetime.timedelta(minutes=1),
    )

    snapshot.full_clean()


def test_a_contest_may_be_held_in_the_future():
    contest = factories.ContestFactory(year=2028, held_on=datetime.date(2028, 2, 1))
    contest.held_on_precision = "day"

    contest.full_clean()

    assert Contest.objects.filter(pk=contest.pk).exists()
