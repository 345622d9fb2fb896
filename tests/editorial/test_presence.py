"""Presence: opening an item another person has open says who and since when, before any
conflict. Shown from the server on page load (no JavaScript needed), kept by a heartbeat,
ended by saving or leaving, and kept for a long time so a hidden tab is not forgotten."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.test import Client

from newsroom.editorial.publishing import Status
from newsroom.editorial.records import EditingPresence
from tests.support import factories
from tests.support.admin_forms import admin_url
from tests.support.editors import open_change_form, save

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 11, 3, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def candidate():
    return factories.CandidateFactory(full_name="Jason Palmer", status=Status.DRAFT)


def notices(response) -> list[str]:
    return response.context["editing_presence"]["notices"]


def heartbeat(client, item, action="heartbeat", **extra):
    return client.post(admin_url(type(item), "presence", item.pk), {"action": action}, **extra)


def test_second_editor_is_told_who_has_the_item_open_and_since_when(alice, bob, candidate):
    with time_machine.travel(NOON, tick=False):
        open_change_form(alice, candidate)
    with time_machine.travel(NOON + datetime.timedelta(minutes=7), tick=False):
        response, _ = open_change_form(bob, candidate)

    [notice] = notices(response)
    assert notice.startswith("Alice Archer has had this candidate open since 12:00")
    assert "last active 12:00" in notice


def test_notice_is_in_the_page_without_javascript(alice, bob, candidate):
    open_change_form(alice, candidate)

    response, _ = open_change_form(bob, candidate)

    html = response.text
    section = html[html.index('id="editing-presence"') :]
    section = section[: section.index("</section>")]
    assert "Alice Archer has had this candidate open since" in section
    assert " hidden" not in section.split(">", 1)[0]


def test_editor_alone_on_the_item_sees_no_notice(alice, candidate):
    response, _ = open_change_form(alice, candidate)

    assert notices(response) == []
    assert 'id="editing-presence"' in response.text


def test_reopening_the_form_keeps_the_first_opening_time(alice, bob, candidate):
    with time_machine.travel(NOON, tick=False):
        open_change_form(alice, candidate)
    with time_machine.travel(NOON + datetime.timedelta(minutes=30), tick=False):
        open_change_form(alice, candidate)
        response, _ = open_change_form(bob, candidate)

    assert "since 12:00 (last active 12:30)" in notices(response)[0]


def test_saving_ends_the_presence(alice, bob, candidate):
    _, data = open_change_form(alice, candidate)
    data["occupation"] = "Investor"
    assert save(alice, candidate, data).status_code == 302

    response, _ = open_change_form(bob, candidate)

    assert notices(response) == []


def test_save_and_continue_keeps_the_presence(alice, bob, candidate):
    _, data = open_change_form(alice, candidate)
    data["_continue"] = "Save and continue editing"
    assert save(alice, candidate, data).status_code == 302

    response, _ = open_change_form(bob, candidate)

    assert len(notices(response)) == 1


def test_refused_save_keeps_the_presence_of_the_editor_still_on_the_form(alice, bob, candidate):
    _, alice_data = open_change_form(alice, candidate)
    _, bob_data = open_change_form(bob, candidate)
    alice_data["occupation"] = "Investor"
    save(alice, candidate, alice_data)
    bob_data["occupation"] = "Banker"
    assert save(bob, candidate, bob_data).status_code == 200

    response, _ = open_change_form(alice, candidate)

    assert notices(response)[0].startswith("Bob Baker has had this candidate open")


def test_leaving_the_page_ends_the_presence(alice, bob, candidate):
    open_change_form(alice, candidate)

    assert heartbeat(alice, candidate, action="leave").status_code == 204
    response, _ = open_change_form(bob, candidate)

    assert notices(response) == []


def test_a_tab_hidden_for_half_an_hour_without_heartbeats_is_still_present(alice, bob, candidate):
    """Browsers throttle timers in hidden tabs (Wagtail #12207): no short timeout."""
    with time_machine.travel(NOON, tick=False):
        open_change_form(alice, candidate)
    with time_machine.travel(NOON + datetime.timedelta(minutes=45), tick=False):
        response, _ = open_change_form(bob, candidate)

    assert notices(response)[0].startswith("Alice Archer has had this candidate open since 12:00")


def test_a_heartbeat_when_the_tab_is_visible_again_keeps_the_presence_going(alice, bob, candidate):
    with time_machine.travel(NOON, tick=False):
        open_change_form(alice, candidate)
    with time_machine.travel(NOON + datetime.timedelta(minutes=50), tick=False):
        assert heartbeat(alice, candidate).status_code == 200
    with time_machine.travel(NOON + datetime.timedelta(minutes=100), tick=False):
        response, _ = open_change_form(bob, candidate)

    assert "since 12:00 (last active 12:50)" in notices(response)[0]


def test_presence_ends_an_hour_after_the_last_sign_of_life(alice, bob, candidate):
    with time_machine.travel(NOON, tick=False):
        open_change_form(alice, candidate)
    with time_machine.travel(NOON + datetime.timedelta(minutes=61), tick=False):
        response, _ = open_change_form(bob, candidate)

    assert notices(response) == []


def test_a_presence_that_expired_starts_anew(alice, bob, candidate):
    with time_machine.travel(NOON, tick=False):
        open_change_form(alice, candidate)
    with time_machine.travel(NOON + datetime.timedelta(hours=3), tick=False):
        open_change_form(alice, candidate)
        response, _ = open_change_form(bob, candidate)

    assert "since 15:00" in notices(response)[0]


def test_heartbeat_answers_who_else_is_there(alice, bob, candidate):
    open_change_form(alice, candidate)
    open_change_form(bob, candidate)

    response = heartbeat(alice, candidate)

    assert response.status_code == 200
    [notice] = response.json()["notices"]
    assert notice.startswith("Bob Baker has had this candidate open since")


def test_heartbeat_recreates_a_presence_lost_to_an_early_goodbye(alice, bob, candidate):
    open_change_form(alice, candidate)
    heartbeat(alice, candidate, action="leave")

    heartbeat(alice, candidate)

    response, _ = open_change_form(bob, candidate)
    assert len(notices(response)) == 1


def test_heartbeat_refuses_a_request_without_the_csrf_token(alice, candidate):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice.user)

    response = heartbeat(client, candidate)

    assert response.status_code == 403
    assert not EditingPresence.objects.exists()


def test_heartbeat_accepts_the_pages_csrf_token(alice, candidate):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice.user)
    page, _ = open_change_form(client, candidate)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]

    response = client.post(
        admin_url(type(candidate), "presence", candidate.pk),
        {"action": "heartbeat", "csrfmiddlewaretoken": token},
    )

    assert response.status_code == 200


def test_heartbeat_is_post_only(alice, candidate):
    response = alice.get(admin_url(type(candidate), "presence", candidate.pk))

    assert response.status_code == 405


def test_heartbeat_of_an_anonymous_visitor_goes_to_the_login_page(client, candidate):
    response = heartbeat(client, candidate)

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not EditingPresence.objects.exists()


def test_heartbeat_needs_permission_to_see_the_item(django_user_model, candidate):
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)
    client = Client()
    client.force_login(clerk)

    response = heartbeat(client, candidate)

    assert response.status_code == 403
    assert not EditingPresence.objects.exists()


def test_someone_who_may_only_view_the_item_is_not_counted_as_editing(
    django_user_model, bob, candidate
):
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_candidate"))
    client = Client()
    client.force_login(viewer)
    open_change_form(client, candidate)

    response, _ = open_change_form(bob, candidate)

    assert notices(response) == []


def test_heartbeat_for_a_missing_item_is_404(alice, candidate):
    response = alice.post(admin_url(type(candidate), "presence", candidate.pk + 999))

    assert response.status_code == 404


def test_deleting_the_item_ends_every_presence(alice, bob, candidate):
    open_change_form(alice, candidate)
    open_change_form(bob, candidate)

    response = alice.post(admin_url(type(candidate), "delete", candidate.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not EditingPresence.objects.exists()


def test_notice_script_and_style_come_from_the_site_itself(alice, candidate):
    """The admin's CSP refuses inline scripts and styles."""
    response, _ = open_change_form(alice, candidate)

    html = response.text
    assert '<script src="/static/admin/editorial/presence.js" defer></script>' in html
    assert 'href="/static/admin/editorial/collaboration.css"' in html
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_presence_times_are_shown_in_the_sites_time_zone(alice, bob, candidate, settings):
    settings.TIME_ZONE = "America/New_York"
    with time_machine.travel(NOON, tick=False):
        open_change_form(alice, candidate)
        response, _ = open_change_form(bob, candidate)

    assert "since 07:00" in notices(response)[0]
