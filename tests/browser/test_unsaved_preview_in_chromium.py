"""Preview before saving in Debian's Chromium: the change form's Preview button opens the
public page with the unsaved change in a new tab, the form stays as it was in its own tab,
and neither page logs an error (the preview is the public page under the site's CSP)."""

import pytest
from playwright.sync_api import expect

from candidates.models import Candidate
from tests.support import factories
from tests.support.admin_forms import admin_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_preview_opens_the_unsaved_page_in_a_new_tab_and_saves_nothing(signed_in_page, live_server):
    candidate = factories.CandidateFactory(status="draft")
    form = signed_in_page
    form.goto(live_server.url + admin_url(Candidate, "change", candidate.pk))
    form.locator("#id_full_name").fill("Synthetic Unsaved Name")

    preview_errors = []
    form.context.on(
        "page",
        lambda page: page.on(
            "console", lambda m: preview_errors.append(m.text) if m.type == "error" else None
        ),
    )

    with form.context.expect_page() as opened:
        form.get_by_role("button", name="Preview").click()
    preview = opened.value
    preview.wait_for_load_state()

    expect(preview.locator("h1")).to_contain_text("Synthetic Unsaved Name")
    expect(preview.locator(".preview-banner")).to_contain_text("nothing is saved yet")
    expect(form.locator("#id_full_name")).to_have_value("Synthetic Unsaved Name")
    assert Candidate.objects.get(pk=candidate.pk).full_name == candidate.full_name
    assert form.errors == [] and preview_errors == []
