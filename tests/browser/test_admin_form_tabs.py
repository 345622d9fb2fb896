"""A long change form as tabs in Debian's Chromium (form-tabs.js): one section at a time
under the fields editors change most, arrow keys between tabs, "All sections" for the
whole form, and a save refused for a field in a hidden section opens on that section.
Without JavaScript the same contents are plain links (test_admin_pages.py)."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from candidates.models import Candidate
from results.models import Contest
from tests.support.admin_forms import admin_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEIGHT = "document.documentElement.scrollHeight"
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "admin"
SHOWN_PANELS = "[...document.querySelectorAll('[role=tabpanel]')].filter(p => !p.hidden).length"


@pytest.mark.parametrize("model", [Candidate, Contest])
def test_a_long_form_shows_one_section_at_a_time(signed_in_page, live_server, seed_newsroom, model):
    item = model.objects.order_by("pk").first()
    page = signed_in_page
    page.goto(live_server.url + admin_url(model, "change", item.pk))
    tabs = page.get_by_role("tab")
    expect(tabs.first).to_have_attribute("aria-selected", "true")
    panels = page.locator("[role=tabpanel]").count()
    tabbed_height = page.evaluate(HEIGHT)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{model._meta.model_name}-tabs.png"), full_page=True)

    assert panels >= 3
    assert page.evaluate(SHOWN_PANELS) == 1

    tabs.first.focus()
    page.keyboard.press("ArrowRight")
    expect(tabs.nth(1)).to_be_focused()
    expect(tabs.nth(1)).to_have_attribute("aria-selected", "true")
    assert page.evaluate(SHOWN_PANELS) == 1

    page.get_by_role("tab", name="All sections").click()
    assert page.evaluate(SHOWN_PANELS) == panels
    whole_height = page.evaluate(HEIGHT)
    print(f"{item}'s change form: {tabbed_height} px in tabs, {whole_height} px whole")
    assert whole_height > 1.5 * tabbed_height
    assert page.errors == []


def test_a_refused_save_opens_on_the_section_of_the_error(
    signed_in_page, live_server, seed_newsroom
):
    palmer = Candidate.objects.get(slug="jason-palmer")
    page = signed_in_page
    page.goto(live_server.url + admin_url(Candidate, "change", palmer.pk))
    required = page.locator("[role=tabpanel] input[required]:not([type=hidden])").first
    field_id = required.get_attribute("id")
    page.get_by_role("tab", name="All sections").click()
    required.fill("")
    # Any other tab than the field's own.
    owner = page.locator(f"[role=tabpanel]:has(#{field_id})").get_attribute("aria-labelledby")
    other = page.locator(f"[role=tab]:not(#{owner}):not([href='#all-sections'])").first
    other.click()
    expect(page.locator(f"#{field_id}")).to_be_hidden()

    page.locator("input[name=_continue]").click()

    expect(page.locator(f"#{field_id}")).to_be_visible()
    expect(page.locator(f"#{owner}")).to_have_attribute("aria-selected", "true")
    assert Candidate.objects.get(pk=palmer.pk).full_name == palmer.full_name
    assert page.errors == []
