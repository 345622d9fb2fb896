"""Live results in Debian's Chromium: a contest page whose count is live shows a changed
count without a reload, says so in its polite live region, and keeps to the CSP."""

import pytest
from playwright.sync_api import expect

from results.models import Result
from tests.support.factories import CandidateFactory, ContestFactory, ResultFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_changed_count_appears_without_reload(browser, live_server, settings):
    settings.LIVE_RESULTS_POLL_SECONDS = 0.3
    contest = ContestFactory(count_status="counting")
    candidate = CandidateFactory()
    ResultFactory(contest=contest, candidate=candidate, votes=10)
    page = browser.new_page()
    complaints = []
    page.on(
        "console", lambda m: complaints.append(m.text) if "Content Security" in m.text else None
    )
    page.goto(f"{live_server.url}/contests/{contest.slug}/")
    cell = page.locator(f'[data-live-field="votes"][data-live-candidate="{candidate.slug}"]')
    expect(cell).to_have_text("10")
    page.evaluate("window.notReloaded = true")

    result = Result.objects.get(contest=contest, candidate=candidate)
    result.votes = 11
    result.save()

    expect(cell).to_have_text("11")
    expect(page.locator("[data-live-announce]")).to_contain_text(
        f"Votes for {candidate.full_name}: 11"
    )
    assert page.evaluate("window.notReloaded") is True
    assert complaints == []
