"""The citation basket: items a reader collects from any page, kept in a signed cookie.

No account and no JavaScript: plain forms add and remove (kind, pk) pairs. Only published
rows are ever read back, so an item unpublished after it was added drops out of every
download.

The basket lives in the reader's browser, not in a server-side session: a session row per
basket would let anyone who drops the session cookie store a row with every POST. The
cookie is signed (a reader cannot slip in what the forms would refuse), compressed, sent
only to the citation pages, and bounded by LIMIT items and a browser's cookie size.
"""

from collections import defaultdict

from django.conf import settings
from django.core import signing
from django.db.models import Model
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import registry

COOKIE_NAME = "citation_basket"
SALT = "newsroom.citations.basket"
LIMIT = 500
#: Browsers keep cookies of up to 4096 bytes, name and attributes included.
COOKIE_BYTES = 3800


class BasketFull(Exception):
    """The basket already holds LIMIT items, or as many as its cookie can carry."""


def _read(request) -> list[tuple[str, int]]:
    value = request.COOKIES.get(COOKIE_NAME)
    if not value:
        return []
    try:
        stored = signing.loads(value, salt=SALT)
    except signing.BadSignature:
        return []
    if not isinstance(stored, list):
        return []
    return [
        (kind, pk)
        for kind, pk in (entry for entry in stored if isinstance(entry, list) and len(entry) == 2)
        if isinstance(kind, str) and isinstance(pk, int)
    ]


class Basket:
    """The basket of the reader making `request`; `save(response)` writes it back."""

    def __init__(self, request):
        self.entries: list[tuple[str, int]] = _read(request)
        self._cookie: str | None = None  # the new value, once changed

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry: tuple[str, int]) -> bool:
        return entry in self.entries

    def _store(self, entries: list[tuple[str, int]]) -> None:
        cookie = signing.dumps([[kind, pk] for kind, pk in entries], salt=SALT, compress=True)
        if entries and len(cookie) > COOKIE_BYTES:
            raise BasketFull(
                f"Your citation basket is full: it holds {len(self.entries)} items, as many "
                "as your browser can keep. Download or remove some before adding more."
            )
        self.entries = entries
        self._cookie = cookie if entries else ""

    def add(self, kind: str, pk: int) -> bool:
        """Add an item; False if it was already there."""
        if (kind, pk) in self.entries:
            return False
        if len(self.entries) >= LIMIT:
            raise BasketFull(
                f"Your citation basket is full: it holds at most {LIMIT} items. "
                "Download or remove some before adding more."
            )
        self._store([*self.entries, (kind, pk)])
        return True

    def remove(self, kind: str, pk: int) -> None:
        self._store([entry for entry in self.entries if entry != (kind, pk)])

    def clear(self) -> None:
        self._store([])

    def save(self, response):
        """Write a changed basket into `response`'s cookies. Any response built from the
        basket is this reader's own: never cached for another."""
        patch_vary_headers(response, ["Cookie"])
        patch_cache_control(response, private=True)
        if self._cookie is None:
            return response
        path = reverse("citations:basket").removesuffix("basket/")
        if self._cookie:
            response.set_cookie(
                COOKIE_NAME,
                self._cookie,
                max_age=settings.SESSION_COOKIE_AGE,
                path=path,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        else:
            response.delete_cookie(COOKIE_NAME, path=path, samesite="Lax")
        return response

    def rows(self) -> list[tuple[registry.Citable, Model]]:
        """The published rows in the basket, in the order they were added: one query a kind."""
        by_kind = defaultdict(list)
        for kind, pk in self.entries:
            by_kind[kind].append(pk)
        found = {}
        for kind, pks in by_kind.items():
            try:
                citable = registry.get(kind)
            except registry.UnknownKind:
                continue
            for pk, obj in citable.published().in_bulk(pks).items():
                found[kind, pk] = (citable, obj)
        return [found[entry] for entry in self.entries if entry in found]
