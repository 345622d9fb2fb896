"""Caching of public pages: whole responses in the cache, HTTP validators, surrogate keys,
targeted invalidation and no stampede.

Readers who are not logged in get pages from the cache (Redis in production). Staff and the
admin get `Cache-Control: private, no-store` and never touch it.

**Each page knows what it shows: its surrogate keys.** While a public page renders, every
row of a content app (`PAGE_CACHE_CONTENT_APPS`) that is loaded records its key: `quote-12`,
`candidate-3`, `source-7`, `contest-12` (`<model name>-<pk>`). A row without a page of its
own, shown with its owner (a result, a citation, a byline: `EditorialPolicy.owner` names
the relation), records its owner's key instead. Item pages (any `SingleObjectMixin` view:
profiles, quotes, facts, contests, places, sources) carry those keys only; every other
page (lists, the home page, search, feeds, sitemaps, version pages, the API) also carries
a *kind key*, `list-quote`, for every content table its queries read, so a newly published
row appears there, and counts or empty results are never stale. A view or template can add
keys of its own with `page_keys(request).add(obj_or_key, ...)`. Too many keys (a profile
with hundreds of quotes) collapse kind by kind into the kind key, so a page carries at most
`PAGE_CACHE_MAX_KEYS` keys in at most `PAGE_CACHE_MAX_KEY_BYTES` bytes.

**A save invalidates the pages showing the saved row, not the site.** `post_save`,
`post_delete` and `m2m_changed` of a content model move on the versions of the row's keys
(`changed_keys`): its own key (for a row with a page or workflow of its own), its owner's
key, the key of every row with a page of its own its foreign keys point at (so a quote's
save reaches its candidate's profile, a citation's its quote, its source and their pages; a
candidate's save leaves the pages naming its party alone), the related rows of an m2m
change, and its kind key. Versions are ticks of one logical clock in the cache (an
`incr`); a page is stored with the clock's value from before it rendered, and it is fresh
while none of its keys has moved past that. The keys move at once and again when the
transaction commits, once per key per transaction (an import of 10,000 results moves a
contest's key, its candidates' keys and `list-result`, not 10,000 keys). Unrelated pages
stay cached. A hit reads its page's key versions only when the clock has moved since
they were last read for that page (`verified_fresh`): while nothing is saved, a hit is two
round trips to the cache whatever the page shows. Only changes that send no signal
(`QuerySet.update()`, raw SQL) wait up to `PAGE_CACHE_SECONDS`: a stored page is fresh for
that long at most.

A scheduled publication time coming due moves the site's *content version* on, which
makes every page stale at once (a rare event): the earliest pending `publish_at` is kept
beside the version (looked up once per version), and the first request after it starts a
new version, so scheduled items go live on time without a cron job.

**No stampede.** A stale page is kept (for `PAGE_CACHE_STALE_SECONDS` beyond its freshness)
until a new render replaces it. The first request that finds it stale takes a short lock
(`cache.add`, `PAGE_CACHE_LOCK_SECONDS`) and renders; every other reader meanwhile gets the
stale copy (`page_cache = "stale"`), and so do readers while the render fails (5xx). A cold
page (none stored) is rendered by the lock holder while the others wait for it up to the
lock's time, then render themselves.

**Headers.** Public pages carry `Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE,
stale-while-revalidate=PAGE_CACHE_STALE_SECONDS, stale-if-error=PAGE_CACHE_STALE_IF_ERROR`
(a stale copy, or a page a save overtook while it rendered, has `max-age=0`, so a cache in
front purged meanwhile does not keep it as fresh), an ETag and Last-Modified (when the page
was rendered), and their keys, space-separated, in `Surrogate-Key` (Fastly, and Varnish
with xkey) and `xkey` (Varnish's vmod-xkey): a CDN in front can purge exactly the pages of
a saved row (docs/deploy.md). Conditional requests are answered with 304.

**Reader pages carry no per-reader token.** A page whose view asked for a CSRF token (a
form) is that reader's own, sent `private` and never stored: public pages have no POST
form (the "Add to citation basket" button is a link to the small page that holds the form,
`newsroom.citations.views.basket_offer`), so a cached page is the same bytes for everyone.

Pages are stored gzip-compressed (a 200-quote profile is about 270 KB of HTML and a sixth of
that compressed), and readers whose browser accepts gzip get the stored bytes as they are,
with their own ETag and `Vary: Accept-Encoding`.

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

import contextlib
import contextvars
import copy
import gzip
import hashlib
import logging
import re
import time
import urllib.request
from collections import Counter
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connections, transaction
from django.http import HttpResponse, QueryDict
from django.utils.cache import (
    _generate_cache_header_key,
    _generate_cache_key,
    add_never_cache_headers,
    get_cache_key,
    get_conditional_response,
    learn_cache_key,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date
from django.views.generic.detail import SingleObjectMixin

logger = logging.getLogger("ballotdesk.cache")

CONTENT_VERSION_KEY = "ballotdesk:content-version"
#: {"version": the content version it was computed for, "due": epoch seconds or None}
NEXT_DUE_KEY = "ballotdesk:next-scheduled"
PARAMETERS_KEY = "ballotdesk:parameters:"
#: The logical clock every key version is a tick of.
CLOCK_KEY = "ballotdesk:page-keys:clock"
#: Prefix of one surrogate key's version.
KEY_VERSION = "ballotdesk:page-key:"
#: The stable prefix stored pages live under (their freshness is checked, not keyed).
PAGE_PREFIX = "page"
#: Stands for "every parameter": the view walked them all.
EVERY = "*"
KIND = "list-"
#: "Any row of this kind": what a page with too many row keys of one kind carries instead.
ANY = "any-"

# Headers that belong to one response, never to a stored page.
_UNSTORED_HEADERS = {"content-length", "set-cookie", "x-request-id"}
#: Where `first_read` puts the header list of an address without a query string.
_HEADER_KEY = object()
_QUOTED_NAME = re.compile(r'"([A-Za-z0-9_]+)"')


# --- Surrogate keys ---------------------------------------------------------------------


def is_tracked(model) -> bool:
    """A content model whose rows pages show (a historical record is not: its row is)."""
    return (
        model._meta.app_label in settings.PAGE_CACHE_CONTENT_APPS
        and getattr(model, "instance_type", None) is None
    )


def model_key(model, pk) -> str:
    return f"{model._meta.model_name}-{pk}"


def kind_key(model) -> str:
    return f"{KIND}{model._meta.model_name}"


def _owner_key(obj) -> str | None:
    """The key of the item whose page shows `obj`, from the ids on the row (no query)."""
    from newsroom.editorial.policy import policy_of

    name = policy_of(obj).owner
    if not name:
        return None
    field = obj._meta.get_field(name)
    if name == "content_object" or not getattr(field, "concrete", True):
        from django.contrib.contenttypes.models import ContentType

        type_id = obj.__dict__.get(f"{field.ct_field}_id")
        object_id = obj.__dict__.get(field.fk_field)
        if type_id is None or object_id is None:
            return None
        return f"{ContentType.objects.get_for_id(type_id).model}-{object_id}"
    target = obj.__dict__.get(field.attname)
    return None if target is None else model_key(field.related_model, target)


def _has_own_key(obj) -> bool:
    """Whether pages key `obj` by itself: it has a page or a workflow of its own."""
    from newsroom.editorial.publishing import Publishable

    return isinstance(obj, Publishable) or _owner_key(obj) is None


def shown_key(obj) -> str | None:
    """The key a page showing `obj` records: its own, or its owner's."""
    if obj.pk is None:
        return None
    if _has_own_key(obj):
        return model_key(type(obj), obj.pk)
    return _owner_key(obj)


def with_any(keys: set[str]) -> set[str]:
    """`keys` and, for each row key, its kind's "any" key (see `bounded`)."""
    return keys | {ANY + key.rsplit("-", 1)[0] for key in keys if not _is_group(key)}


def _is_group(key: str) -> bool:
    return key.startswith((KIND, ANY))


def changed_keys(obj) -> set[str]:
    """The keys of every page a save or deletion of `obj` may change."""
    keys = {kind_key(type(obj))}
    if obj.pk is not None and _has_own_key(obj):
        keys.add(model_key(type(obj), obj.pk))
    if owner := _owner_key(obj):
        keys.add(owner)
    for field in obj._meta.concrete_fields:
        if field.is_relation and (field.many_to_one or field.one_to_one):
            target = obj.__dict__.get(field.attname)
            if target is not None and lists_children(field.related_model):
                keys.add(model_key(field.related_model, target))
    return keys


def lists_children(model) -> bool:
    """Whether `model` has a page of its own, which may list the rows pointing at it (a
    profile its quotes, a source page what cites it). A reference record shown by name
    only (a party, an outlet) is not: a candidate's save leaves every page naming the
    candidate's party alone."""
    return is_tracked(model) and hasattr(model, "get_absolute_url")


class PageKeys:
    """What one public page shows: the keys of the rows it loaded, the content tables its
    queries read, and keys added by hand (`add`)."""

    def __init__(self):
        self.keys: set[str] = set()
        self.tables: set[str] = set()
        self.item_page = False

    def add(self, *items) -> None:
        """Record rows (model instances) or keys (strings) this page shows."""
        for item in items:
            key = item if isinstance(item, str) else shown_key(item)
            if key:
                self.keys.add(key)

    def all(self) -> list[str]:
        """The page's keys, bounded: the largest kinds collapse into their kind key."""
        keys = set(self.keys)
        if not self.item_page:
            kinds = _table_kinds()
            keys |= {kinds[table] for table in self.tables if table in kinds}
        return bounded(keys)


def bounded(keys: set[str]) -> list[str]:
    """At most PAGE_CACHE_MAX_KEYS keys in PAGE_CACHE_MAX_KEY_BYTES: while over, the row keys
    of the kind with the most are replaced by its "any" key (`any-quote`), which moves on
    with every row key of that kind: a page invalidated more often, never one left stale."""
    keys = set(keys)

    def over() -> bool:
        return (
            len(keys) > settings.PAGE_CACHE_MAX_KEYS
            or sum(len(key) + 1 for key in keys) > settings.PAGE_CACHE_MAX_KEY_BYTES
        )

    while over():
        kinds = Counter(key.rsplit("-", 1)[0] for key in keys if not _is_group(key))
        if not kinds:
            break
        kind = kinds.most_common(1)[0][0]
        keys = {key for key in keys if _is_group(key) or key.rsplit("-", 1)[0] != kind}
        keys.add(ANY + kind)
    return sorted(keys)


_TABLE_KINDS: dict[str, str] = {}


def _table_kinds() -> dict[str, str]:
    """Content table name → kind key; a historical table counts as its item's."""
    if not _TABLE_KINDS:
        from django.apps import apps

        for model in apps.get_models():
            if model._meta.app_label not in settings.PAGE_CACHE_CONTENT_APPS:
                continue
            shown = getattr(model, "instance_type", None) or model
            _TABLE_KINDS[model._meta.db_table] = kind_key(shown)
            for field in model._meta.local_many_to_many:
                _TABLE_KINDS[field.remote_field.through._meta.db_table] = kind_key(shown)
    return _TABLE_KINDS


#: Pages rendered by this process so far (see KeysAtCommit).
_renders = 0
_collecting: contextvars.ContextVar[PageKeys | None] = contextvars.ContextVar(
    "page_keys", default=None
)


def page_keys(request) -> PageKeys:
    """The collector of the page `request` renders (a throwaway one outside the cache)."""
    keys = getattr(request, "_page_keys", None)
    if keys is None:
        keys = request._page_keys = PageKeys()
    return keys


def row_loaded(sender, instance, **kwargs) -> None:
    """post_init receiver: a content row was loaded while a public page renders."""
    keys = _collecting.get()
    if keys is not None and instance.pk is not None:
        keys.add(instance)


@contextlib.contextmanager
def collecting(keys: PageKeys):
    """Record, while the page renders, the rows it loads and the tables it queries."""

    def note_tables(execute, sql, params, many, context):
        if isinstance(sql, str):
            keys.tables.update(_QUOTED_NAME.findall(sql))
        return execute(sql, params, many, context)

    global _renders
    _renders += 1
    token = _collecting.set(keys)
    try:
        with contextlib.ExitStack() as stack:
            for connection in connections.all(initialized_only=False):
                stack.enter_context(connection.execute_wrapper(note_tables))
            yield keys
    finally:
        _collecting.reset(token)


# --- Key versions -----------------------------------------------------------------------


def clock() -> int | None:
    """The logical clock's current tick; None when the cache does not answer."""
    tick = cache.get(CLOCK_KEY)
    if tick is None:
        cache.add(CLOCK_KEY, _clock_start(), timeout=None)
        tick = cache.get(CLOCK_KEY)
    return tick


def _clock_start() -> int:
    """The wall clock in microseconds: a clock lost with a flush restarts ahead of every tick
    handed out before (no process moves it on a million times a second), and the value stays
    below 2**53, exact through django-redis's `incr` (a Lua script: its numbers are doubles;
    nanoseconds would come back rounded)."""
    return time.time_ns() // 1000


def bump_keys(keys) -> None:
    """Move the versions of `keys` (and their kinds' "any" keys) past every page rendered
    until now."""
    if not keys:
        return
    keys = with_any(set(keys))
    try:
        tick = cache.incr(CLOCK_KEY)
    except ValueError:
        cache.add(CLOCK_KEY, _clock_start(), timeout=None)
        try:
            tick = cache.incr(CLOCK_KEY)
        except ValueError:
            tick = None
    if tick is None:
        return
    cache.set_many({KEY_VERSION + key: tick for key in keys}, timeout=None)
    # Once more, now that the versions are written: a page found fresh at a tick of the
    # clock stays fresh while the clock stands still (`verified_fresh`), and a save whose
    # versions a check missed has moved the clock past the tick that check saw.
    with contextlib.suppress(ValueError):
        cache.incr(CLOCK_KEY)


def purge(keys) -> None:
    """Ask each shared cache in front (`PURGE_URLS`: Varnish, a CDN's purge endpoint) to drop
    the pages carrying `keys`: one `PURGE` request with `xkey` and `Surrogate-Key` headers per
    batch of keys that fits a header. A cache that does not answer is logged and skipped:
    its copies expire within `PAGE_CACHE_MAX_AGE`."""
    if not settings.PURGE_URLS or not keys:
        return
    batches, batch = [], []
    for key in sorted(keys):
        if batch and sum(len(k) + 1 for k in batch) + len(key) > settings.PAGE_CACHE_MAX_KEY_BYTES:
            batches.append(batch)
            batch = []
        batch.append(key)
    batches.append(batch)
    for url in settings.PURGE_URLS:
        for batch in batches:
            value = " ".join(batch)
            request = urllib.request.Request(
                url, method="PURGE", headers={"xkey": value, "Surrogate-Key": value}
            )
            try:
                with urllib.request.urlopen(request, timeout=settings.PURGE_TIMEOUT):
                    pass
            except OSError as error:
                logger.error("Purge of %d keys at %s failed: %s", len(batch), url, error)
                break


def keys_committed(keys) -> None:
    """The rows behind `keys` are committed: their pages are stale here and in front."""
    bump_keys(keys)
    purge(with_any(set(keys)))


class KeysAtCommit:
    """The keys a transaction changed, moved on once more when it commits."""

    def __init__(self):
        self.keys: set[str] = set()
        #: Keys moved on since this process last rendered a page: only a render on this
        #: connection can see the uncommitted rows, so only one moves them on again.
        self.moved: set[str] = set()
        self.renders = _renders

    def __call__(self):
        keys_committed(self.keys)


def content_changed(sender, instance=None, action=None, model=None, pk_set=None, **kwargs):
    """Signal receiver: a row of a content app was saved, deleted or relinked.

    Its keys move on at once and again when the transaction commits: a page rendered in
    between, from the rows as they were before the commit, is never served as fresh.
    """
    if not is_tracked(sender) or instance is None:
        return
    if action is not None and not action.startswith("post_"):
        return
    keys = changed_keys(instance) if is_tracked(type(instance)) else set()
    if action is not None:
        keys.add(kind_key(sender))
        if model is not None and is_tracked(model):
            keys.add(kind_key(model))
            keys.update(model_key(model, pk) for pk in pk_set or ())
    keys_changed(keys)


def rows_changed(sender, instances=(), **kwargs) -> None:
    """Signal receiver of `newsroom.bulk.rows_written`: many rows written at once, every
    page showing any of them is changed (one bump per key, as for row-by-row saves)."""
    if not is_tracked(sender):
        return
    keys = set()
    for instance in instances:
        keys |= changed_keys(instance)
    keys_changed(keys)


def keys_changed(keys: set[str]) -> None:
    """Move `keys` on now, and again when the transaction commits."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        keys_committed(keys)
        return
    pending = next(
        (entry[1] for entry in connection.run_on_commit if isinstance(entry[1], KeysAtCommit)),
        None,
    )
    if pending is None:
        pending = KeysAtCommit()
        transaction.on_commit(pending, robust=True)
    pending.keys |= keys
    if pending.renders != _renders:
        pending.moved, pending.renders = set(), _renders
    # Once per key between renders: an import of 10,000 rows moves a contest's key once.
    new = keys - pending.moved
    pending.moved |= new
    bump_keys(new)


def _in_its_time(page: dict, version: int | None) -> bool:
    """Whether a stored page is of the current content version and within its lifetime:
    fresh, unless one of its keys has moved on since."""
    return (
        page.get("version") == version
        and page.get("tick") is not None
        and time.time() < page["fresh_until"]
    )


def is_fresh(page: dict, version: int | None) -> bool:
    """Whether a stored page still shows what it would show if rendered now."""
    if not _in_its_time(page, version):
        return False
    versions = cache.get_many([KEY_VERSION + key for key in page["keys"]])
    return all(tick <= page["tick"] for tick in versions.values())


def checked_key(page_key: str) -> str:
    """Where the clock's tick a stored page was last found fresh at is kept."""
    return f"{page_key}:fresh-at"


def verified_fresh(page: dict, version, page_key: str, now_tick, checked_tick) -> bool:
    """`is_fresh`, without reading the page's key versions again while the clock has not
    moved since they were last read (`checked_tick`, read with the page). A profile carries
    about eighty keys: on a busy site most hits find the clock where the last check left it
    and read no version at all. `now_tick` was read before the page and its versions, so a
    save that moves a key after it moves the clock past it too (`bump_keys`)."""
    if now_tick is not None and checked_tick == now_tick:
        return _in_its_time(page, version)
    fresh = is_fresh(page, version)
    if fresh and now_tick is not None:
        lifetime = settings.PAGE_CACHE_SECONDS + settings.PAGE_CACHE_STALE_SECONDS
        cache.set(checked_key(page_key), now_tick, lifetime)
    return fresh


# --- The site's content version (scheduled publication) ----------------------------------


def content_version(stored: dict | None = None) -> int | None:
    """The current content version, or None when the cache does not answer. `stored`: what
    the cache holds under CONTENT_VERSION_KEY and NEXT_DUE_KEY, if already read."""
    if stored is None:
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


# --- Who may be served from the cache ----------------------------------------------------


def is_private(request) -> bool:
    """Staff and admin requests, which no cache may keep."""
    if request.path.startswith(f"/{settings.ADMIN_URL}"):
        return True
    # Without a session cookie nobody is logged in; looking would add `Vary: Cookie`.
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated


def is_personal(request) -> bool:
    """The view read the session, showed messages or put a CSRF token in the page (a
    form): the page is this reader's own."""
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return bool(
        (session is not None and session.accessed)
        or (messages is not None and (messages.used or messages.added_new))
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def is_cacheable(request, response) -> bool:
    """A public page, the same for every anonymous reader."""
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


# --- Stored pages ------------------------------------------------------------------------


def stored_page(response, keys: list[str], *, tick=None, version=None) -> dict:
    content = response.content
    now = time.time()
    return {
        "status": response.status_code,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in _UNSTORED_HEADERS
        ],
        # mtime=0: the same page always compresses to the same bytes.
        "gzip": gzip.compress(content, compresslevel=6, mtime=0),
        "etag": f'"{hashlib.sha256(content).hexdigest()[:32]}"',
        "keys": keys,
        "tick": tick,
        "version": version,
        "rendered_at": int(now),
        "fresh_until": now + settings.PAGE_CACHE_SECONDS,
    }


def accepts_gzip(request) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "").lower()


def page_response(request, page: dict) -> HttpResponse:
    if accepts_gzip(request):
        response = HttpResponse(page["gzip"], status=page["status"])
        response.gzipped = True
    else:
        response = HttpResponse(gzip.decompress(page["gzip"]), status=page["status"])
    for name, value in page["headers"]:
        response[name] = value
    if getattr(response, "gzipped", False):
        response["Content-Encoding"] = "gzip"
    return response


def with_validators(request, response, page: dict, *, stale: bool = False):
    """Cache-Control, surrogate keys, ETag and Last-Modified; 304 when the reader's copy is
    current."""
    patch_cache_control(
        response,
        public=True,
        max_age=0 if stale else settings.PAGE_CACHE_MAX_AGE,
        stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
        stale_if_error=settings.PAGE_CACHE_STALE_IF_ERROR,
    )
    if page["keys"]:
        response["Surrogate-Key"] = response["xkey"] = " ".join(page["keys"])
    # The page differs by encoding: each encoding has its own strong validator.
    patch_vary_headers(response, ["Accept-Encoding"])
    etag = page["etag"]
    if getattr(response, "gzipped", False):
        etag = f'{etag[:-1]}-gzip"'
    response["ETag"] = etag
    last_modified = page["rendered_at"]
    response["Last-Modified"] = http_date(last_modified)
    return get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )


def lock_key(page_key: str) -> str:
    """The short lock the one request re-rendering a page holds."""
    return f"{page_key}:rendering"


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

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_class = getattr(view_func, "view_class", None)
        if isinstance(view_class, type) and issubclass(view_class, SingleObjectMixin):
            # One item's page: it carries the keys of what it loaded, no kind keys.
            page_keys(request).item_page = True

    def __call__(self, request):
        if is_private(request):
            response = self.get_response(request)
            add_never_cache_headers(response)
            response.page_cache = "private"
            return response
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)

        storing = settings.PAGE_CACHE_SECONDS > 0
        first = self.first_read(request) if storing else {}
        version = content_version(first) if storing else None
        available = version is not None
        # None: nothing learned yet for this address, so every parameter counts.
        known = first.get(parameters_key(request)) if available else None
        request._query = request.GET
        request.GET = ReadParameters(request._query)
        page_key = stale = None
        locked = False
        # A reader with a message waiting (say, "added to your basket") gets a fresh page.
        if available and CookieStorage.cookie_name not in request.COOKIES:
            keyed = keyed_request(request, EVERY if known is None else known)
            if keyed is request and _HEADER_KEY in first:
                headers = first[_HEADER_KEY]
                page_key = (
                    None
                    if headers is None
                    else _generate_cache_key(request, "GET", headers, PAGE_PREFIX)
                )
            else:
                page_key = get_cache_key(keyed, PAGE_PREFIX, "GET", cache)
            found = cache.get_many([page_key, checked_key(page_key)]) if page_key else {}
            page = found.get(page_key)
            if page is None and page_key:
                locked = cache.add(lock_key(page_key), 1, settings.PAGE_CACHE_LOCK_SECONDS)
                if not locked:
                    page = self.wait_for(page_key)
            if page is not None:
                checked = found.get(checked_key(page_key))
                if verified_fresh(page, version, page_key, first.get(CLOCK_KEY), checked):
                    response = with_validators(request, page_response(request, page), page)
                    response.page_cache = "hit"
                    return response
                locked = locked or cache.add(
                    lock_key(page_key), 1, settings.PAGE_CACHE_LOCK_SECONDS
                )
                if not locked:
                    # Another request is rendering it: this reader gets the copy it replaces.
                    return self.serve_stale(request, page, "stale")
                stale = page
        tick = clock() if available else None
        try:
            response = self.render(request)
        finally:
            if locked:
                cache.delete(lock_key(page_key))
        if stale is not None and response.status_code >= 500:
            return self.serve_stale(request, stale, "stale-if-error")
        if not is_cacheable(request, response):
            if is_personal(request):
                patch_cache_control(response, private=True)
            response.page_cache = "pass"
            return response
        page = stored_page(
            response, page_keys(request).all(), tick=tick, version=version if storing else None
        )
        if available and request.method == "GET":
            keyed = keyed_request(request, learn_parameters(request, known))
            lifetime = settings.PAGE_CACHE_SECONDS + settings.PAGE_CACHE_STALE_SECONDS
            stored_key = learn_cache_key(keyed, response, lifetime, PAGE_PREFIX, cache)
            cache.set(stored_key, page, lifetime)
            response.page_cache = "refresh" if stale is not None else "miss"
            response.page_key = stored_key
            # A row it shows was saved while it rendered: the page is already stale, and a
            # cache in front, purged meanwhile, must not keep it as fresh.
            return with_validators(request, response, page, stale=not is_fresh(page, version))
        response.page_cache = "unavailable" if storing else "off"
        return with_validators(request, response, page)

    @staticmethod
    def first_read(request) -> dict:
        """What every anonymous request reads first, in one round trip: the content version
        and next scheduled time, the parameters its address reads, the clock, and, for an
        address without a query string, the header list its page key is made from (under
        `_HEADER_KEY`, present only then; a stored None means no page)."""
        names = [CONTENT_VERSION_KEY, NEXT_DUE_KEY, CLOCK_KEY, parameters_key(request)]
        header_key = None
        if not request.META.get("QUERY_STRING"):
            header_key = _generate_cache_header_key(PAGE_PREFIX, request)
            names.append(header_key)
        first = cache.get_many(names)
        if header_key is not None:
            first[_HEADER_KEY] = first.pop(header_key, None)
        return first

    def render(self, request):
        with collecting(page_keys(request)):
            return self.get_response(request)

    @staticmethod
    def serve_stale(request, page, outcome):
        response = with_validators(request, page_response(request, page), page, stale=True)
        response.page_cache = outcome
        return response

    @staticmethod
    def wait_for(page_key):
        """A cold page another request is rendering: wait for it, up to the lock's time."""
        for _ in range(int(settings.PAGE_CACHE_LOCK_SECONDS / 0.05)):
            time.sleep(0.05)
            page = cache.get(page_key)
            if page is not None or cache.get(lock_key(page_key)) is None:
                return page
        return None
