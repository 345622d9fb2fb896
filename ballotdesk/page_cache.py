"""Caching of public pages: whole responses in the cache, HTTP validators, and invalidation.

Readers who are not logged in get pages from the cache (Redis in production). A page is
stored under the site's *content version*, which moves on whenever a row of a content app
(newsroom, candidates, results) is saved or deleted: publishing, editing or unpublishing
anything makes every page render afresh on its next request, without tracking which page
shows what. A scheduled publication time coming due moves the version on too: the earliest
pending `publish_at` is kept beside the version (looked up once per version), and the first
request after it starts a new version, so scheduled items go live on time without a cron
job. Only changes that send no signal at all (`QuerySet.update()`) wait up to
`PAGE_CACHE_SECONDS`.

Every public page also carries an ETag, Last-Modified (the content version's time) and
Cache-Control, and conditional requests are answered with 304. Logged-in staff and the admin
get `Cache-Control: private, no-store` and never touch the page cache.

A page with a form holds the reader's CSRF token; it is stored with a placeholder and each
reader gets their own token put back in, so such pages are cached too, as private ones.

Pages are stored gzip-compressed (a 200-quote profile is about 270 KB of HTML and a sixth of
that compressed), and readers whose browser accepts gzip get the stored bytes as they are,
with their own ETag and `Vary: Accept-Encoding`. Pages with a form are always sent
uncompressed: a secret token next to reflected text must not be compressed (BREACH).

When the cache does not answer (django-redis logs the error and reports a miss), pages are
rendered from the database as if nothing were cached.

**Only the query parameters a page reads are part of its key.** The view gets a `request.GET`
that notes which names it looked up (`ReadParameters`); the names an address's pages have
read are kept beside the cache (`ballotdesk:parameters:<path>`), and the page's key holds
those names and their values only. `/?x=<random>` is the home page from the cache, while
`/search/?q=turnout` and `/sources/?page=2` are pages of their own. A view that walks every
parameter (`lists()`, `items()`, `len()`: the API's check for unknown ones) keys on all of
them; an address nothing has been learned for yet keys on all of them too, so a parameter is
never ignored before a render has shown it is not read.
"""

import copy
import gzip
import hashlib
import re
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.utils.cache import (
    add_never_cache_headers,
    get_cache_key,
    get_conditional_response,
    learn_cache_key,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date

CONTENT_VERSION_KEY = "ballotdesk:content-version"
#: {"version": the content version it was computed for, "due": epoch seconds or None}
NEXT_DUE_KEY = "ballotdesk:next-scheduled"
PARAMETERS_KEY = "ballotdesk:parameters:"
#: Stands for "every parameter": the view walked them all.
EVERY = "*"

# Exactly what {% csrf_token %} renders. Escaped editor text can never produce it.
_CSRF_INPUT = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(">)')
_CSRF_PLACEHOLDER = b"\x00csrf-token\x00"
_STORED_CSRF_INPUT = b'<input type="hidden" name="csrfmiddlewaretoken" value="%s">'
# Headers that belong to one response, never to a stored page.
_UNSTORED_HEADERS = {"content-length", "set-cookie", "x-request-id"}


def content_version() -> int | None:
    """The current content version, or None when the cache does not answer."""
    stored = cache.get_many([CONTENT_VERSION_KEY, NEXT_DUE_KEY])
    version = stored.get(CONTENT_VERSION_KEY)
    if version is None:
        # First request after a flush or a Redis restart: start a version of our own, unless
        # another worker just did.
        cache.add(CONTENT_VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(CONTENT_VERSION_KEY)
        if version is None:
            return None
    next_due = stored.get(NEXT_DUE_KEY)
    if next_due is None or next_due.get("version") != version:
        next_due = {"version": version, "due": next_scheduled_time()}
        cache.set(NEXT_DUE_KEY, next_due, timeout=None)
    if next_due["due"] is not None and time.time() >= next_due["due"]:
        # A scheduled item has just gone live: pages rendered before now lack it.
        bump_content_version()
        return content_version()
    return version


def next_scheduled_time() -> float | None:
    """The earliest publication time still to come, over every publishable model."""
    from django.apps import apps

    from newsroom.editorial.publishing import Publishable

    times = [
        model._default_manager.scheduled()
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
        for model in apps.get_models()
        if issubclass(model, Publishable)
    ]
    pending = [moment.timestamp() for moment in times if moment is not None]
    return min(pending, default=None)


def bump_content_version() -> None:
    cache.set(CONTENT_VERSION_KEY, time.time_ns(), timeout=None)


def content_changed(sender, **kwargs) -> None:
    """Signal receiver: a row of a content app was saved, deleted or relinked.

    The version moves on at once and again when the transaction commits: a page rendered
    in between, from the rows as they were before the commit, is never served.
    """
    if sender._meta.app_label not in settings.PAGE_CACHE_CONTENT_APPS:
        return
    bump_content_version()
    connection = transaction.get_connection()
    if not any(entry[1] is bump_content_version for entry in connection.run_on_commit):
        # Once per transaction: an import of 10,000 rows moves it on once at commit.
        transaction.on_commit(bump_content_version, robust=True)


def is_private(request) -> bool:
    """Staff and admin requests, which no cache may keep."""
    if request.path.startswith(f"/{settings.ADMIN_URL}"):
        return True
    # Without a session cookie nobody is logged in; looking would add `Vary: Cookie`.
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated


def is_personal(request) -> bool:
    """The view read the session or showed messages: the page is this reader's own."""
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return bool(
        (session is not None and session.accessed)
        or (messages is not None and (messages.used or messages.added_new))
    )


def is_cacheable(request, response) -> bool:
    """A public page, the same for every anonymous reader (but for a CSRF token)."""
    cache_control = response.get("Cache-Control", "")
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and not is_personal(request)
        # A CSP nonce in the page belongs to this response alone.
        and not getattr(request, "_csp_nonce", None)
    )


def key_prefix(version: int) -> str:
    return f"page.{version}"


def stored_page(response) -> dict:
    content, forms = _CSRF_INPUT.subn(rb"\g<1>" + _CSRF_PLACEHOLDER + rb"\g<2>", response.content)
    digest = hashlib.sha256(content).hexdigest()[:32]
    return {
        "status": response.status_code,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in _UNSTORED_HEADERS
        ],
        # mtime=0: the same page always compresses to the same bytes.
        "gzip": gzip.compress(content, compresslevel=6, mtime=0),
        "has_form": bool(forms),
        # Pages with a form differ by the token only: equivalent, not identical.
        "etag": f'W/"{digest}"' if forms else f'"{digest}"',
    }


def accepts_gzip(request) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "").lower()


def page_response(request, page: dict) -> HttpResponse:
    if not page["has_form"] and accepts_gzip(request):
        response = HttpResponse(page["gzip"], status=page["status"])
        response.gzipped = True
    else:
        content = gzip.decompress(page["gzip"])
        if page["has_form"]:
            token = get_token(request).encode()
            content = content.replace(
                _STORED_CSRF_INPUT % _CSRF_PLACEHOLDER, _STORED_CSRF_INPUT % token
            )
        response = HttpResponse(content, status=page["status"])
    for name, value in page["headers"]:
        response[name] = value
    if getattr(response, "gzipped", False):
        response["Content-Encoding"] = "gzip"
    return response


def with_validators(request, response, page: dict, version: int | None):
    """Cache-Control, ETag and Last-Modified; 304 when the reader's copy is current."""
    visibility = {"private": True} if page["has_form"] else {"public": True}
    patch_cache_control(response, max_age=settings.PAGE_CACHE_MAX_AGE, **visibility)
    etag = page["etag"]
    if not page["has_form"]:
        # The page differs by encoding: each encoding has its own strong validator.
        patch_vary_headers(response, ["Accept-Encoding"])
        if getattr(response, "gzipped", False):
            etag = f'{etag[:-1]}-gzip"'
    response["ETag"] = etag
    last_modified = None
    if version is not None:
        last_modified = version // 1_000_000_000
        response["Last-Modified"] = http_date(last_modified)
    return get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )


class ReadParameters(QueryDict):
    """`request.GET` that notes the names the view looked up (`read`), or that it walked
    them all (`read_all`)."""

    def __init__(self, source: QueryDict):
        super().__init__(mutable=True)
        for name, values in source.lists():
            self.setlist(name, values)
        self._mutable = False
        self.read, self.read_all = set(), False

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def _getlist(self, key, *args, **kwargs):
        self.read.add(key)
        return super()._getlist(key, *args, **kwargs)


def _walks_every_parameter(name):
    def walk(self, *args, **kwargs):
        self.read_all = True
        return getattr(QueryDict, name)(self, *args, **kwargs)

    return walk


for _method in ("__iter__", "__len__", "__copy__", "__deepcopy__", "__reduce__", "keys",
                "values", "items", "lists", "dict", "copy", "urlencode"):  # fmt: skip
    setattr(ReadParameters, _method, _walks_every_parameter(_method))


def parameters_key(request) -> str:
    return PARAMETERS_KEY + hashlib.sha256(request.path.encode()).hexdigest()[:32]


def keyed_request(request, names):
    """The request as the cache key sees it: only the parameters in `names` (EVERY: all)."""
    if names == EVERY or not request.META.get("QUERY_STRING"):
        return request
    query = request.GET if not isinstance(request.GET, ReadParameters) else request._query
    kept = [(name, value) for name in sorted(names) for value in query.getlist(name)]
    keyed = copy.copy(request)
    keyed.META = {**request.META, "QUERY_STRING": urlencode(kept)}
    return keyed


def learn_parameters(request, known) -> str | set:
    """The names this address's pages read, with what this render read added."""
    read = request.GET
    names = EVERY if known == EVERY or read.read_all else (known or set()) | read.read
    if names != known:
        cache.set(parameters_key(request), names, timeout=None)
    return names


class PageCacheMiddleware:
    """Serves and stores anonymous GET pages; marks staff responses private.

    Sits after the session, CSRF, authentication and messages middleware, so it sees who
    asks and what the view touched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_private(request):
            response = self.get_response(request)
            add_never_cache_headers(response)
            response.page_cache = "private"
            return response
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)

        storing = settings.PAGE_CACHE_SECONDS > 0
        version = content_version() if storing else None
        prefix = key_prefix(version) if version is not None else None
        # None: nothing learned yet for this address, so every parameter counts.
        known = cache.get(parameters_key(request)) if prefix is not None else None
        request._query = request.GET
        request.GET = ReadParameters(request._query)
        # A reader with a message waiting (say, "added to your basket") gets a fresh page.
        if prefix is not None and CookieStorage.cookie_name not in request.COOKIES:
            page_key = get_cache_key(
                keyed_request(request, EVERY if known is None else known), prefix, "GET", cache
            )
            page = cache.get(page_key) if page_key else None
            if page is not None:
                response = with_validators(request, page_response(request, page), page, version)
                response.page_cache = "hit"
                return response

        response = self.get_response(request)
        if not is_cacheable(request, response):
            if is_personal(request):
                patch_cache_control(response, private=True)
            response.page_cache = "pass"
            return response
        page = stored_page(response)
        if prefix is not None and request.method == "GET":
            keyed = keyed_request(request, learn_parameters(request, known))
            page_key = learn_cache_key(keyed, response, settings.PAGE_CACHE_SECONDS, prefix, cache)
            cache.set(page_key, page, settings.PAGE_CACHE_SECONDS)
            response.page_cache = "miss"
        else:
            response.page_cache = "unavailable" if storing else "off"
        return with_validators(request, response, page, version)
