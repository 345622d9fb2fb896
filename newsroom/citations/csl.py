"""CSL-JSON items: the one description of a citation that every style and format reads.

A source becomes one item. A reported item (quote, fact, result) becomes one item per
published source that reported it, carrying a `note` with what was reported. A page of this
site becomes a `webpage` item dated by its last update.
"""

import itertools
from collections import defaultdict
from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Prefetch
from django.utils import timezone

from newsroom.dates import DatePrecision, date_parts
from newsroom.models import Citation, Contributor, Source
from newsroom.site_address import absolute

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


def with_citation_data(sources):
    """Sources with what `source_item` reads, in as few queries as the backend allows."""
    return sources.select_related("outlet").prefetch_related(
        Prefetch("contributors", queryset=Contributor.objects.order_by("position", "pk"))
    )


def csl_name(contributor: Contributor) -> dict:
    """An institution stays whole; a person is split at the last space (“MJ” + “Lee”)."""
    name = " ".join(contributor.name.split())
    given, _, family = name.rpartition(" ")
    if contributor.is_organisation or not given:
        return {"literal": name}
    return {"family": family, "given": given}


def csl_date(value, precision: str = DatePrecision.DAY) -> dict | None:
    parts = date_parts(value, precision)
    return {"date-parts": [parts]} if parts else None


def source_item(source: Source, *, item_id: str = "", note: str = "", contributors=None) -> dict:
    item = {
        "id": item_id or source.slug,
        "type": ITEM_TYPES.get(source.kind, "document"),
        "title": source.title,
        "container-title": source.outlet.name,
    }
    for contributor in source.contributors.all() if contributors is None else contributors:
        variable = NAME_VARIABLES[contributor.role]
        item.setdefault(variable, []).append(csl_name(contributor))
    optional = {
        "issued": csl_date(source.published_on, source.published_on_precision),
        "accessed": csl_date(source.accessed_on),
        "URL": source.url,
        "language": source.language,
        "note": "\n".join(
            line
            for line in (note, source.archive_url and f"Archived copy: {source.archive_url}")
            if line
        ),
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


def citation_items(citable: Citable, obj: Model) -> list[dict]:
    """What citing `obj` means: the source itself, the page itself, or the reporting sources."""
    if isinstance(obj, Source):
        return [source_item(obj)]
    if citable.is_page:
        return [page_item(citable, obj)]
    note = citable.note(obj)
    return [
        source_item(
            source,
            item_id=f"{citable.kind}-{obj.pk}-{source.slug}",
            note=f"{note} (reported by {source.outlet.name})",
        )
        for source in with_citation_data(citable.sources(obj))
    ]


def source_items(citable: Citable, obj: Model) -> list[dict]:
    """The bibliography behind `obj`: every published source it cites, once each."""
    if isinstance(obj, Source):
        return [source_item(obj)]
    return [source_item(source) for source in with_citation_data(citable.sources(obj))]


def stream_items(citable: Citable, objects, *, chunk_size: int = 500) -> Iterator[dict]:
    """Citation items of many rows, read in chunks so memory stays flat.

    Sources read their contributors one query a chunk, without the back-references that
    prefetch_related would leave (source <-> contributor cycles that only a full garbage
    collection frees, so memory would grow with the export).
    """
    if citable.model is Source:
        rows = objects.select_related("outlet").iterator(chunk_size=chunk_size)
        for chunk in itertools.batched(rows, chunk_size):
            credits = contributors_of([source.pk for source in chunk])
            for source in chunk:
                yield source_item(source, contributors=credits[source.pk])
        return
    for obj in objects.iterator(chunk_size=chunk_size):
        yield from citation_items(citable, obj)


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


def many_citation_items(rows: list[tuple[Citable, Model]]) -> Iterator[dict]:
    """`citation_items` of many rows (a citation basket) in a bounded number of queries: one
    a reported kind for the sources citing its rows, one for those sources, one for all the
    sources' contributors, whatever the number of rows. A kind whose sources are worked out
    otherwise (`Citable.sources` is not `published_sources_citing`) is asked row by row."""
    reported = defaultdict(list)
    for citable, obj in rows:
        if _reported_by_citations(citable, obj):
            reported[citable].append(obj.pk)
    cited_by = defaultdict(list)
    for citable, pks in reported.items():
        links = Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(citable.model),
            object_id__in=pks,
            source__in=Source.objects.published(),
        ).values_list("object_id", "source_id")
        for object_id, source_id in links.distinct():
            cited_by[citable, object_id].append(source_id)
    wanted = {source_id for ids in cited_by.values() for source_id in ids}
    # In Source's own order, as `citable.sources(obj)` gives them.
    sources = list(Source.objects.filter(pk__in=wanted).select_related("outlet")) if wanted else []
    basket_sources = [obj.pk for _, obj in rows if isinstance(obj, Source)]
    credits = contributors_of([*wanted, *basket_sources]) if wanted or basket_sources else {}
    for citable, obj in rows:
        if isinstance(obj, Source):
            yield source_item(obj, contributors=credits.get(obj.pk, []))
        elif not _reported_by_citations(citable, obj):
            yield from citation_items(citable, obj)
        else:
            ids = set(cited_by[citable, obj.pk])
            note = citable.note(obj)
            for source in sources:
                if source.pk in ids:
                    yield source_item(
                        source,
                        item_id=f"{citable.kind}-{obj.pk}-{source.slug}",
                        note=f"{note} (reported by {source.outlet.name})",
                        contributors=credits.get(source.pk, []),
                    )
