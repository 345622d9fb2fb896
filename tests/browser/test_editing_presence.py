"""Two editors' browsers on the same candidate: the presence notice in Debian's Chromium.

The notice is in the page from the server; presence.js sends a heartbeat when the tab
becomes visible again (which refreshes the notice) and says goodbye on pagehide. No Content
Security Policy complaint on the way.
"""

import time

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from newsroom.editorial.publishing import Status
from newsroom.editorial.records import EditingPresence
from tests.support import factories
from tests.support.admin_forms import admin_url
from tests.support.browser import signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def editor_page(browser, live_server, username, full_name, console):
    given, family = full_name.split(" ", 1)
    user = get_user_model().objects.create_superuser(
        username, "", "correct horse 42", first_name=given, last_name=family
    )
    context = signed_in_context(browser, live_server, user)
    page = context.new_page()
    page.on("console", lambda message: console.append(message.text))
    return page, user


def wait_for(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_second_editor_sees_the_first_and_the_first_learns_of_the_second(browser, live_server):
    candidate = factories.CandidateFactory(full_name="Jason Palmer", status=Status.DRAFT)
    url = live_server.url + admin_url(type(candidate), "change", candidate.pk)
    console = []
    alice, _ = editor_page(browser, live_server, "alice", "Alice Archer", console)
    bob, bob_user = editor_page(browser, live_server, "bob", "Bob Baker", console)

    alice.goto(url)
    expect(alice.locator("#editing-presence")).to_be_hidden()
    bob.goto(url)
    bob_notice = bob.locator("#editing-presence")
    expect(bob_notice).to_be_visible()
    expect(bob_notice).to_contain_text("Alice Archer has had this candidate open since")

    # Alice's tab comes back to the front: its heartbeat brings news of Bob at once.
    alice.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(alice.locator("#editing-presence")).to_contain_text("Bob Baker has had this")

    # Bob leaves the page: his goodbye beacon ends his presence. He goes to a blank page, so
    # the beacon is the live server's only request: on SQLite its threads share one in-memory
    # connection, and a page load beside the beacon failed it now and then ("bad parameter or
    # other API misuse"), a race of the test server, not of the site.
    bob.goto("about:blank")
    assert wait_for(lambda: not EditingPresence.objects.filter(user=bob_user).exists())
    alice.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(alice.locator("#editing-presence")).to_be_hidden()

    assert [text for text in console if "Content Security" in text] == []
