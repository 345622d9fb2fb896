"""Fixtures of the browser tests: a page of Debian's Chromium signed in as an editor."""

import pytest
from django.conf import settings
from django.test import Client


@pytest.fixture
def signed_in_page(browser, live_server, superuser):
    """A 1280 px page signed in as a superuser; `page.errors` collects its console errors
    and uncaught exceptions."""
    client = Client()
    client.force_login(superuser)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()
