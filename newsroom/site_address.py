"""The site's own absolute address, for canonical links, JSON-LD, feeds, sitemaps and citations.

SITE_URL, when set, is the address: a deployment names its public origin once, whatever
host a request came in by. Unset (as for `make run`), the address is the one the current
request was served on, so a site started with `make run PORT=8001` links to :8001 and never
to a port nothing listens on. Outside any request (a management command), the fallback is
`make run`'s default address.

The middleware keeps the current request where `site_url()` can find it, so the code that
builds addresses (JSON-LD, citation records) needs no request passed down to it.
"""

from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.http import FileResponse
from django.urls import reverse

#: Where `make run` serves unless told otherwise.
DEFAULT_SITE_URL = "http://127.0.0.1:8000"

_current_request = ContextVar("served_request", default=None)


def site_url() -> str:
    """The site's origin, without a trailing slash: SITE_URL, else the address being served."""
    if settings.SITE_URL:
        return settings.SITE_URL
    request = _current_request.get()
    if request is None:
        return DEFAULT_SITE_URL
    return f"{request.scheme}://{request.get_host()}"


def absolute(path: str) -> str:
    return f"{site_url()}{path}"


class ServedAddressMiddleware:
    """Makes the request's address the site's address while it is answered (streamed too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        # A file (a static file, a download) renders nothing, and keeps its fast file path.
        if response.streaming and not response.is_async and not isinstance(response, FileResponse):
            response.streaming_content = _served_from(request, response.streaming_content)
        return response


def _served_from(request, chunks):
    """The chunks of a streamed response, each made while `request` is the current one."""
    chunks = iter(chunks)
    while True:
        token = _current_request.set(request)
        try:
            chunk = next(chunks, None)
        finally:
            _current_request.reset(token)
        if chunk is None:
            return
        yield chunk


class SiteAddressSitemap(Sitemap):
    """A sitemap section on the site's address (Django's default is the request's host).

    A section comes in pages of at most `limit` addresses (`?p=N`), each listed in the
    sitemap index, so no sitemap file grows with the newsroom: 5,000 addresses are about
    1 MB, well inside the protocol's 50,000 addresses and 50 MB. A page is a range of
    primary keys (page N: the published rows among the `limit` keys from the first
    published row's plus (N - 1) × `limit`), read from the primary key's index however deep
    the page, where an OFFSET would walk every row before it; a range whose rows are all
    unpublished is an empty page. Each address's last change is its row's `updated_at`; the
    section's latest is its newest row (an index on `updated_at` where a section is large).
    """

    limit = 5000
    lastmod_field = "updated_at"
    #: The page each row has, as a URL name and the field its one argument comes from:
    #: a section's file is written from those two columns, without building each row.
    url_name = ""
    url_field = "pk"

    def key_range(self) -> tuple[int, int] | None:
        """The first and last primary keys of the published rows (two index lookups)."""
        keys = self.items().values_list("pk", flat=True)
        first, last = keys.order_by("pk").first(), keys.order_by("-pk").first()
        return None if first is None else (first, last)

    def page_count(self, keys: tuple[int, int] | None) -> int:
        return 1 if keys is None else (keys[1] - keys[0]) // self.limit + 1

    def page_rows(self, number: int, keys: tuple[int, int] | None) -> list[tuple[str, object]]:
        """(address, last change) of page `number` (from 1), read as two columns."""
        if keys is None:
            return []
        marker = 987654321 if self.url_field == "pk" else "sitemap-row-marker"
        prefix, suffix = absolute(reverse(self.url_name, args=[marker])).split(str(marker))
        start = keys[0] + (number - 1) * self.limit
        rows = self.items().filter(pk__gte=start, pk__lt=start + self.limit).order_by("pk")
        return [
            (f"{prefix}{value}{suffix}", changed)
            for value, changed in rows.values_list(self.url_field, self.lastmod_field)
        ]

    def lastmod(self, item):
        return getattr(item, self.lastmod_field)

    def get_latest_lastmod(self):
        newest = self.items().order_by(f"-{self.lastmod_field}")
        return newest.values_list(self.lastmod_field, flat=True).first()

    def get_protocol(self, protocol=None):
        return urlsplit(site_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_url()).netloc


class SiteAddressFeed(Feed):
    """A feed whose links are on the site's address (Django's default is the request's host)."""

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        served, site = f"{request.scheme}://{request.get_host()}", site_url()
        if served != site:
            for entry in (feed.feed, *feed.items):
                for key, value in entry.items():
                    if isinstance(value, str) and value.startswith(f"{served}/"):
                        entry[key] = site + value.removeprefix(served)
        return feed
