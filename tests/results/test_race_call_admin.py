"""Editors confirm or retract race calls from the admin's race call list."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from results.models import RaceCall
from tests.support.factories import RaceCallFactory

URL = "/admin/results/racecall/"


@pytest.fixture
def lone_call(db, django_user_model):
    caller = django_user_model.objects.create_superuser("caller", "", "correct horse 43")
    return RaceCallFactory(entered_by=caller)


def test_second_editor_confirms_a_call_with_the_admin_action(lone_call, admin_client_logged_in):
    response = admin_client_logged_in.post(
        URL, {"action": "confirm_race_calls", ACTION_CHECKBOX_NAME: [lone_call.pk]}, follow=True
    )

    assert "Confirmed 1 race call(s); now public." in response.text
    assert RaceCall.objects.published().get() == lone_call


def test_the_caller_cannot_confirm_their_own_call_in_the_admin(lone_call, client):
    client.force_login(lone_call.entered_by)

    response = client.post(
        URL, {"action": "confirm_race_calls", ACTION_CHECKBOX_NAME: [lone_call.pk]}, follow=True
    )

    assert "must be confirmed by a second person" in response.text
    assert not RaceCall.objects.published().exists()


def test_retracting_asks_for_a_note_then_retracts(lone_call, admin_client_logged_in):
    data = {"action": "retract_race_calls", ACTION_CHECKBOX_NAME: [lone_call.pk]}

    form = admin_client_logged_in.post(URL, data)
    assert "Why they are retracted" in form.text

    done = admin_client_logged_in.post(
        URL, {**data, "retract": "Retract", "retraction_note": "Count withdrawn."}, follow=True
    )
    assert "Retracted:" in done.text
    lone_call.refresh_from_db()
    assert lone_call.retraction_note == "Count withdrawn."
