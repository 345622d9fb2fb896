"""Fixtures of the browser tests: a page of Debian's Chromium signed in as an editor."""

import pytest

from tests.support.browser import signed_in_context


@pytest.fixture
def signed_in_page(browser, live_server, superuser):
    """A 1280 px page signed in as a superuser; `page.errors` collects its console errors
    and uncaught exceptions."""
    context = signed_in_context(
        browser, live_server, superuser, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()
