"""Browser tests' helpers: a Chromium context signed in to the live server."""

from django.conf import settings
from django.test import Client


def signed_in_context(browser, live_server, user, **options):
    """A new browser context whose session cookie signs `user` in to the live server."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(**options)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context
