"""CSL-JSON items: the one description of a citation that every style and format reads.

One work, one item: a source is one item whose id is its slug, whatever cites it and however
often. A reported item (quote, fact, result) is cited as *uses* of its sources' items: each
use names the item, where in it (a CSL locator, "paragraph" 9 for the editor's "para. 9"),
what was reported there and, for a quote, a ready-to-paste attribution line. The item's
`note` lists the uses it carries ("para. 9: …") and their attribution lines
("Attribution: …"), so every download (CSL-JSON, RIS, BibLaTeX, CSV) has them, and an
export of many quotes from one article is still one entry of that article. A page of this
site becomes a `webpage` item dated by its last update.

An untitled source (its editor wrote a bracketed description instead of a headline) has no
`title`: CSL has no variable for a description, and the description goes in `genre` (the
specification's "type, class, or subtype of the item"), the variable the official APA style
prints in brackets where it describes a work, in the title's place when there is no title.
Chicago and MLA print it plain, neither quoted nor title-cased. docs/citations.md explains
the choice.
"""

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Prefetch
from django.utils import timezone

from newsroom.dates import DatePrecision, date_parts
from newsroom.models import Citation, Contributor, Source
from newsroom.site_address import absolute

from .names import split_person_name
from .registry import Citable, published_sources_citing

SITE_NAME = "Ballot Desk"

ITEM_TYPES = {
    Source.Kind.NEWS_ARTICLE: "article-newspaper",
    Source.Kind.WEB_PAGE: "webpage",
    Source.Kind.SOCIAL_POST: "post",
    Source.Kind.INTERVIEW: "interview",
    Source.Kind.VIDEO: "motion_picture",
    Source.Kind.STATEMENT: "document",
}

NAME_VARIABLES = {
    Contributor.Role.AUTHOR: "author",
    Contributor.Role.EDITOR: "editor",
    Contributor.Role.CONTRIBUTOR: "contributor",
    Contributor.Role.WIRE: "contributor",
}

#: Pinpoints as editors write them ("para. 9", "paras. 3-4", "¶ 2", "p. 12") and the CSL
#: locator label each names. Anything else stays in the note, with no locator.
LOCATOR_LABELS = (
    (re.compile(r"(?:para(?:graph)?s?|pars?)\.?|¶{1,2}", re.IGNORECASE), "paragraph"),
    (re.compile(r"(?:pp?|pages?)\.?", re.IGNORECASE), "page"),
)
LOCATOR_NUMBER = re.compile(r"\d+(?:\s*[-–]\s*\d+)?")


def csl_locator(pinpoint: str) -> tuple[str, str]:
    """("paragraph", "9") from "para. 9"; ("", "") for a pinpoint CSL has no label for."""
    words = pinpoint.strip()
    for pattern, label in LOCATOR_LABELS:
        prefix = pattern.match(words)
        if prefix:
            number = LOCATOR_NUMBER.fullmatch(words[prefix.end() :].strip())
            if number:
                return label, re.sub(r"\s*[-–]\s*", "–", number.group())
    return "", ""


@dataclass(frozen=True)
class Use:
    """One use of a work: what was reported where, cited as a locator on the work's item."""

    id: str
    pinpoint: str = ""
    note: str = ""
    attribution: str = ""
    label: str = field(init=False, default="")
    locator: str = field(init=False, default="")

    def __post_init__(self):
        label, locator = csl_locator(self.pinpoint)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "locator", locator)

    @property
    def cite(self) -> dict:
        """The CSL citation-item: what citeproc reads to render this use in the text."""
        if not self.locator:
            return {"id": self.id}
        return {"id": self.id, "locator": self.locator, "label": self.label}

    @property
    def note_line(self) -> str:
        return f"{self.pinpoint}: {self.note}" if self.pinpoint and self.note else self.note

    @property
    def lines(self) -> tuple[str, str]:
        """What the use adds to its work's note: what was reported there, and its attribution."""
        return self.note_line, self.attribution_line

    @property
    def attribution_line(self) -> str:
        """The attribution as a line of the work's note, so every download carries it."""
        return f"Attribution: {self.attribution}" if self.attribution else ""


@dataclass
class Citations:
    """Items, one per work, and the uses that cite them, both in first-seen order."""

    items: list[dict]
    uses: list[Use]


def with_citation_data(sources):
    """Sources with what `source_item` reads, in as few queries as the backend allows."""
    return sources.select_related("outlet").prefetch_related(
        Prefetch("contributors", queryset=Contributor.objects.order_by("position", "pk"))
    )


def csl_name(contributor: Contributor) -> dict:
    """An institution, or a one-word name, stays whole; a person's name is split into CSL's
    parts (names.split_person_name: “MJ” + “Lee”, a suffix such as “Jr.”, a particle such
    as “van”)."""
    name = " ".join(contributor.name.split())
    if contributor.is_organisation or " " not in name:
        return {"literal": name}
    return split_person_name(name)


def csl_date(value, precision: str = DatePrecision.DAY) -> dict | None:
    parts = date_parts(value, precision)
    return {"date-parts": [parts]} if parts else None


def source_item(source: Source, *, notes: Iterable[str] = (), contributors=None) -> dict:
    """The one item of `source`, id its slug; `notes` are the uses it carries."""
    item = {"id": source.slug, "type": ITEM_TYPES.get(source.kind, "document")}
    if source.headline:
        item["title"] = source.headline
    else:
        item["genre"] = source.untitled_description
    item["container-title"] = source.outlet.name
    for contributor in source.contributors.all() if contributors is None else contributors:
        variable = NAME_VARIABLES[contributor.role]
        item.setdefault(variable, []).append(csl_name(contributor))
    lines = [*dict.fromkeys(line for line in notes if line)]
    if source.archive_url:
        lines.append(f"Archived copy: {source.archive_url}")
    optional = {
        "issued": csl_date(source.published_on, source.published_on_precision),
        "accessed": csl_date(source.accessed_on),
        "URL": source.url,
        "language": source.language,
        "note": "\n".join(lines),
    }
    item.update({key: value for key, value in optional.items() if value})
    return item


def page_item(citable: Citable, obj: Model) -> dict:
    return {
        "id": f"ballot-desk-{citable.kind}-{obj.pk}",
        "type": "webpage",
        "title": citable.page_title(obj),
        "container-title": SITE_NAME,
        "issued": csl_date(timezone.localdate(obj.updated_at)),
        "URL": absolute(obj.get_absolute_url()),
        "language": "en",
    }


class _Collector:
    """Gathers sources and uses into one item per work."""

    def __init__(self):
        self.sources: dict[str, tuple[Source, list | None]] = {}
        self.uses: list[Use] = []
        self._seen: set[Use] = set()
        self.pages: list[dict] = []

    def add_source(self, source: Source, contributors=None) -> None:
        self.sources.setdefault(source.slug, (source, contributors))

    def add_use(self, citable: Citable, obj: Model, source: Source, pinpoint: str, contributors):
        self.add_source(source, contributors)
        attribution = citable.attribution(obj, source, pinpoint) if citable.attribution else ""
        use = Use(source.slug, pinpoint, citable.note(obj) if citable.note else "", attribution)
        if use not in self._seen:
            self._seen.add(use)
            self.uses.append(use)

    def result(self) -> Citations:
        notes = defaultdict(list)
        for use in self.uses:
            notes[use.id] += use.lines
        items = [
            source_item(source, notes=notes[slug], contributors=contributors)
            for slug, (source, contributors) in self.sources.items()
        ]
        return Citations([*self.pages, *items], self.uses)


def _collect(collector: _Collector, citable: Citable, obj: Model) -> None:
    if isinstance(obj, Source):
        collector.add_source(obj)
    elif citable.is_page:
        page = page_item(citable, obj)
        if page not in collector.pages:
            collector.pages.append(page)
    elif citable.sources is published_sources_citing:
        # The citations with their sources in one query, in Source's own order: the same
        # sources `citable.sources(obj)` gives, each with its pinpoints.
        citations = list(
            Citation.objects.for_object(obj)
            .filter(source__in=Source.objects.published())
            .select_related("source__outlet")
            .order_by("-source__published_on", "source__headline", "source_id", "pk")
        )
        credits = contributors_of({citation.source_id for citation in citations})
        for citation in citations:
            collector.add_use(
                citable, obj, citation.source, citation.pinpoint, credits[citation.source_id]
            )
    else:
        for source in with_citation_data(citable.sources(obj)):
            collector.add_use(citable, obj, source, "", None)


def citations_of(citable: Citable, obj: Model) -> Citations:
    """What citing `obj` means: the source itself, the page itself, or uses of its sources."""
    collector = _Collector()
    _collect(collector, citable, obj)
    return collector.result()


def citation_items(citable: Citable, obj: Model) -> list[dict]:
    """The items of `citations_of(obj)`: one per work."""
    return citations_of(citable, obj).items


def source_items(citable: Citable, obj: Model) -> list[dict]:
    """The bibliography behind `obj`: every published source it cites, once each."""
    if isinstance(obj, Source):
        return [source_item(obj)]
    return [source_item(source) for source in with_citation_data(citable.sources(obj))]


def contributors_of(source_ids) -> dict[int, list[Contributor]]:
    """The contributors of many sources, in their order, in one query."""
    credits = defaultdict(list)
    for contributor in Contributor.objects.filter(source_id__in=source_ids).order_by(
        "source_id", "position", "pk"
    ):
        credits[contributor.source_id].append(contributor)
    return credits


def _reported_by_citations(citable: Citable, obj: Model) -> bool:
    return (
        not isinstance(obj, Source)
        and not citable.is_page
        and citable.sources is published_sources_citing
    )


#: Rows read together by `many_citations`: bounds the ids in one query's IN list.
CHUNK_SIZE = 500


def many_citations(rows: Iterable[tuple[Citable, Model]]) -> Citations:
    """`citations_of` many rows (a citation basket, an admin export) merged into one item per
    work, in a bounded number of queries a CHUNK_SIZE rows: one a reported kind for the
    citations of its rows, one for their sources, one for all the sources' contributors. A
    kind whose sources are worked out otherwise (`Citable.sources` is not
    `published_sources_citing`) is asked row by row."""
    collector = _Collector()
    for chunk in itertools.batched(rows, CHUNK_SIZE):
        _collect_chunk(collector, chunk)
    return collector.result()


def _collect_chunk(collector: _Collector, rows: tuple[tuple[Citable, Model], ...]) -> None:
    reported = defaultdict(list)
    for citable, obj in rows:
        if _reported_by_citations(citable, obj):
            reported[citable].append(obj.pk)
    cited_by = defaultdict(list)
    for citable, pks in reported.items():
        links = (
            Citation.objects.filter(
                content_type=ContentType.objects.get_for_model(citable.model),
                object_id__in=pks,
                source__in=Source.objects.published(),
            )
            .order_by("pk")
            .values_list("object_id", "source_id", "pinpoint")
        )
        for object_id, source_id, pinpoint in links:
            cited_by[citable, object_id].append((source_id, pinpoint))
    wanted = {source_id for links in cited_by.values() for source_id, _ in links}
    # In Source's own order, as `citable.sources(obj)` gives them.
    sources = list(Source.objects.filter(pk__in=wanted).select_related("outlet")) if wanted else []
    basket_sources = [obj.pk for _, obj in rows if isinstance(obj, Source)]
    credits = contributors_of([*wanted, *basket_sources]) if wanted or basket_sources else {}
    for citable, obj in rows:
        if isinstance(obj, Source):
            collector.add_source(obj, credits.get(obj.pk, []))
        elif not _reported_by_citations(citable, obj):
            _collect(collector, citable, obj)
        else:
            pinpoints = defaultdict(list)
            for source_id, pinpoint in cited_by[citable, obj.pk]:
                pinpoints[source_id].append(pinpoint)
            for source in sources:
                for pinpoint in pinpoints.get(source.pk, []):
                    collector.add_use(citable, obj, source, pinpoint, credits.get(source.pk, []))


def many_citation_items(rows: list[tuple[Citable, Model]]) -> Iterator[dict]:
    """The items of `many_citations(rows)`: one per work."""
    yield from many_citations(rows).items


def stream_items(citable: Citable, objects, *, chunk_size: int = 500) -> Iterator[dict]:
    """Citation items of many rows (an admin export), one per work.

    Sources are read in chunks so memory stays flat: each reads its contributors one query
    a chunk, without the back-references that prefetch_related would leave (source <->
    contributor cycles that only a full garbage collection frees). Reported rows are merged
    into one item per source they cite, so they are gathered first.
    """
    if citable.model is Source:
        rows = objects.select_related("outlet").iterator(chunk_size=chunk_size)
        for chunk in itertools.batched(rows, chunk_size):
            credits = contributors_of([source.pk for source in chunk])
            for source in chunk:
                yield source_item(source, contributors=credits[source.pk])
        return
    rows = ((citable, obj) for obj in objects.iterator(chunk_size=chunk_size))
    yield from many_citations(rows).items
