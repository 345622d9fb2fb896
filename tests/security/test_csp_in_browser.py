"""The Content Security Policy (no 'unsafe-inline' for scripts or styles) holds in a real
browser: the admin's pages and the public pages render without one refusal."""

import pytest
from django.urls import reverse

from candidates.models import Candidate, Quote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse 42"


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.refusals = []
    page.on(
        "console",
        lambda message: (
            page.refusals.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    return page


def visit(page, url):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response.status == 200, url
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]


def test_admin_pages_render_without_csp_refusals(page, live_server, seed_newsroom, superuser):
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", superuser.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))
    quote, candidate = Quote.objects.first(), Candidate.objects.first()

    for url in [
        reverse("admin:index"),
        reverse("admin:candidates_quote_changelist"),
        reverse("admin:candidates_quote_change", args=[quote.pk]),
        reverse("admin:candidates_candidate_change", args=[candidate.pk]),
        reverse("admin:candidates_candidate_add"),
        reverse("admin:results_contest_changelist"),
        reverse("results_import:import"),
    ]:
        visit(page, live_server.url + url)

    assert page.refusals == []


def test_public_pages_render_without_csp_refusals(page, live_server, seed_newsroom):
    quote, candidate = Quote.objects.published().first(), Candidate.objects.published().first()

    for url in [
        "/",
        candidate.get_absolute_url(),
        quote.get_absolute_url(),
        reverse("citations:cite", args=["quote", quote.pk]),
        reverse("results:contest_list"),
        reverse("search") + "?q=Palmer",
    ]:
        visit(page, live_server.url + url)

    assert page.refusals == []


def test_api_pages_render_without_csp_refusals(page, live_server, seed_newsroom):
    for url in ["/api/v1/candidates/", "/api/v1/docs/"]:
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")

    assert page.refusals == []
