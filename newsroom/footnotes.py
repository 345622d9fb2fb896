"""Numbered source notes: each source cited on a page gets one number, in order of first use.

A page asks `SourceNotes.cite()` for the markers of each fact, quote or figure it shows, then
lists `SourceNotes.sources` at the foot, so every marker links to an entry in that list.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import prefetch_related_objects

from .models import Citation, Source


@dataclass(frozen=True)
class Note:
    number: int
    source: Source
    pinpoint: str


class SourceNotes:
    """The numbered source list of one page."""

    def __init__(self):
        self._numbers: dict[int, int] = {}
        self.sources: list[Source] = []

    def cite(self, citations: Iterable[Citation]) -> list[Note]:
        """Markers for these citations, numbering sources not seen before on this page."""
        notes, seen = [], set()
        for citation in citations:
            number = self._number(citation.source)
            if number not in seen:
                seen.add(number)
                notes.append(Note(number, citation.source, citation.pinpoint))
        return sorted(notes, key=lambda note: note.number)

    def cite_by_field(self, citations: Iterable[Citation]) -> dict[str, list[Note]]:
        """Markers per field name; citations of the whole item are under "item"."""
        grouped = defaultdict(list)
        for citation in citations:
            grouped[citation.field_name or "item"].append(citation)
        return {field: self.cite(group) for field, group in grouped.items()}

    def load_bylines(self) -> None:
        """Fetch the contributors of every listed source in one query."""
        prefetch_related_objects(self.sources, "contributors")

    def _number(self, source: Source) -> int:
        if source.pk not in self._numbers:
            self.sources.append(source)
            self._numbers[source.pk] = len(self.sources)
        return self._numbers[source.pk]
