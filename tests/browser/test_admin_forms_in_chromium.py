"""Every registered model's admin change form in Debian's Chromium at 1280 px, as an editor
sees it: no console error, no failed request, no horizontal scroll, no heading bar
painted behind the form (the editorial comments once did, making every fieldset heading
look broken), and tabular inline rows one line high. A screenshot of each form's first screen
is saved under test-artifacts/admin/.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin

from tests.support.admin_forms import admin_url
from tests.support.browser import signed_in_context
from tests.test_admin_pages import build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "admin"
DESKTOP = {"width": 1280, "height": 900}

# The tallest block of the page that is not the form itself, a heading or the sidebar: a
# heading as tall as the form is a bar painted behind it.
TALL_HEADINGS = """() => [...document.querySelectorAll('h1, h2, h3')]
  .filter(h => h.getBoundingClientRect().height > 120)
  .map(h => h.textContent.trim())"""

# Tabular inline rows whose inputs start well below the row's top: a saved row's name
# written above its inputs doubles every row's height.
DOUBLED_ROWS = """() => [...document.querySelectorAll('.tabular tr.has_original')]
  .filter(row => {
    const field = row.querySelector(
      'td:not(.original) :is(input:not([type=hidden]), textarea, .select2-container, ' +
      'select:not(.select2-hidden-accessible))');
    return field && field.getBoundingClientRect().top - row.getBoundingClientRect().top > 20;
  })
  .map(row => row.id)"""


@pytest.fixture
def editor_page(browser, live_server, superuser):
    context = signed_in_context(browser, live_server, superuser, viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


def test_every_change_form_renders_cleanly_at_desktop_width(editor_page, live_server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    seen: list[str] = []  # what went wrong on the page being checked
    editor_page.on("console", lambda m: seen.append(m.text) if m.type == "error" else None)
    editor_page.on("requestfailed", lambda r: seen.append(f"failed {r.url}"))
    editor_page.on(
        "response", lambda r: seen.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    problems = []
    for model in admin.site._registry:
        label = model._meta.label
        seen.clear()
        response = editor_page.goto(live_server.url + admin_url(model, "change", build(model).pk))
        assert response.status == 200, label
        overflow = editor_page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        tall = editor_page.evaluate(TALL_HEADINGS)
        doubled = editor_page.evaluate(DOUBLED_ROWS)
        # The first screen, what an editor sees on opening the form.
        editor_page.screenshot(path=str(ARTIFACTS / f"{label}.png"))
        if seen:
            problems.append(f"{label}: {seen}")
        if overflow > 0:
            problems.append(f"{label}: scrolls {overflow} px sideways at 1280 px")
        if tall:
            problems.append(f"{label}: headings painted as tall bars: {tall}")
        if doubled:
            problems.append(f"{label}: inline rows of double height: {doubled}")
    assert not problems, "\n".join(problems)
