"""The citation basket: items a reader collects from any page, kept in their session.

No account and no JavaScript: plain forms add and remove (kind, pk) pairs. Only published
rows are ever read back, so an item unpublished after it was added drops out of every
download.
"""

from collections import defaultdict

from django.db.models import Model

from . import registry

SESSION_KEY = "citation_basket"
LIMIT = 500


class BasketFull(Exception):
    """The basket already holds LIMIT items."""


class Basket:
    def __init__(self, session):
        self.session = session

    @property
    def entries(self) -> list[tuple[str, int]]:
        return [(kind, pk) for kind, pk in self.session.get(SESSION_KEY, [])]

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry: tuple[str, int]) -> bool:
        return entry in self.entries

    def _save(self, entries: list[tuple[str, int]]) -> None:
        self.session[SESSION_KEY] = [[kind, pk] for kind, pk in entries]

    def add(self, kind: str, pk: int) -> bool:
        """Add an item; False if it was already there."""
        entries = self.entries
        if (kind, pk) in entries:
            return False
        if len(entries) >= LIMIT:
            raise BasketFull(
                f"Your citation basket is full: it holds at most {LIMIT} items. "
                "Download or remove some before adding more."
            )
        self._save([*entries, (kind, pk)])
        return True

    def remove(self, kind: str, pk: int) -> None:
        self._save([entry for entry in self.entries if entry != (kind, pk)])

    def clear(self) -> None:
        self._save([])

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
