"""Numbered source notes: each source cited on a page gets one number, in order of first use.

A page asks `SourceNotes.cite()` for the markers of each fact, quote or figure it shows, then
lists `SourceNotes.sources` at the foot, so every marker links to an entry in that list. Each
listed source carries `cited_here`: the passages this page cites from it, outlet and pinpoint
("Fox News, para. 9") with the quoted passage, so the notes list can show the trace.

Where sources disagree about a field (a citation with `value_as_reported`),
`SourceNotes.differences()` says so: the value shown with its sources, then each other
value with the source that gives it. Such citations are never markers of the value shown.
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

    @property
    def label(self) -> str:
        """The outlet and pinpoint a reader sees: "Fox News, para. 9"."""
        outlet = self.source.outlet.name
        return f"{outlet}, {self.pinpoint}" if self.pinpoint else outlet


@dataclass(frozen=True)
class Passage:
    """One place in a source that this page cites, and its words if recorded."""

    pinpoint: str
    text: str
    label: str


@dataclass(frozen=True)
class Reading:
    """One value of a disputed field and the sources that give it."""

    value: str
    notes: list[Note]


@dataclass(frozen=True)
class Difference:
    """A field whose sources disagree: the value shown first, then each other reading."""

    readings: list[Reading]


class SourceNotes:
    """The numbered source list of one page."""

    def __init__(self):
        self._numbers: dict[int, int] = {}
        self._passage_keys: dict[int, set[tuple[str, str]]] = {}
        self.sources: list[Source] = []

    def cite(self, citations: Iterable[Citation]) -> list[Note]:
        """Markers for these citations, numbering sources not seen before on this page.

        Citations that give a different value (`value_as_reported`) are left out: they do
        not support the value shown (see `differences`)."""
        return self._markers(c for c in citations if not c.value_as_reported)

    def cite_by_field(self, citations: Iterable[Citation]) -> dict[str, list[Note]]:
        """Markers per field name; citations of the whole item are under "item"."""
        grouped = defaultdict(list)
        for citation in citations:
            grouped[citation.field_name or "item"].append(citation)
        return {field: self.cite(group) for field, group in grouped.items()}

    def differences(
        self, citations: Iterable[Citation], shown: dict[str, str]
    ) -> dict[str, Difference]:
        """Fields where a source gives another value than the one shown, keyed by field.

        `shown` maps field names to the value as the page shows it. Each difference lists
        the value shown with its supporting sources, then every other value with its own."""
        supporting, other = defaultdict(list), defaultdict(lambda: defaultdict(list))
        for citation in citations:
            field = citation.field_name or "item"
            if citation.value_as_reported:
                other[field][citation.value_as_reported].append(citation)
            else:
                supporting[field].append(citation)
        found = {}
        for field, readings in other.items():
            listed = [Reading(shown.get(field, ""), self._markers(supporting[field]))]
            listed += [Reading(value, self._markers(group)) for value, group in readings.items()]
            found[field] = Difference(listed)
        return found

    def load_bylines(self) -> None:
        """Fetch the contributors of every listed source in one query."""
        prefetch_related_objects(self.sources, "contributors")

    def _markers(self, citations: Iterable[Citation]) -> list[Note]:
        notes, seen = [], set()
        for citation in citations:
            number = self._number(citation.source)
            self._keep_passage(citation, self.sources[number - 1])
            if number not in seen:
                seen.add(number)
                notes.append(Note(number, citation.source, citation.pinpoint))
        return sorted(notes, key=lambda note: note.number)

    def _keep_passage(self, citation: Citation, listed: Source) -> None:
        keys = self._passage_keys[listed.pk]
        key = (citation.pinpoint, citation.quoted_passage)
        if key not in keys and (citation.pinpoint or citation.quoted_passage):
            keys.add(key)
            outlet = citation.source.outlet.name
            label = f"{outlet}, {citation.pinpoint}" if citation.pinpoint else outlet
            listed.cited_here.append(Passage(citation.pinpoint, citation.quoted_passage, label))

    def _number(self, source: Source) -> int:
        if source.pk not in self._numbers:
            source.cited_here = []
            self._passage_keys[source.pk] = set()
            self.sources.append(source)
            self._numbers[source.pk] = len(self.sources)
        return self._numbers[source.pk]


def item_notes(item) -> SourceNotes:
    """The source list of a page about one cited item (a quote, a fact), its markers set on
    `item.notes`; from the citations `item.citations.all()` holds (prefetched, or as they
    were for a version page)."""
    notes = SourceNotes()
    item.notes = notes.cite(item.citations.all())
    return notes
