"""What on the site cites a source, for the source page.

Newsroom cannot import the apps that cite its sources: each app registers its models in
the one registry (newsroom.citations.registry, from its `declarations.py`) with how to
read the public rows and how to describe and link one of them.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model

from .citations import registry
from .models import Citation, Source


@dataclass(frozen=True)
class CitingItem:
    label: str
    text: str
    url: str
    field_name: str
    pinpoint: str
    #: The field as editors name it ("entered the race"), for readers.
    field_label: str = ""
    #: The cited words of the source, shown one click away on the source page.
    passage: str = ""


def field_label(model: type[Model], name: str) -> str:
    if not name:
        return ""
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name.replace("_", " ")


def citing_items(source: Source) -> list[CitingItem]:
    """Every public item citing the source: one query, plus one per kind of item."""
    citations = list(Citation.objects.filter(source=source).order_by("content_type", "pk"))
    ids_by_type = defaultdict(set)
    for citation in citations:
        ids_by_type[citation.content_type_id].add(citation.object_id)
    rows, kinds = {}, {}
    for type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        citable = registry.of_model(model)
        if citable is not None and citable.holds_citations:
            kinds[type_id] = citable
            rows[type_id] = citable.published().in_bulk(ids)
    items = []
    for citation in citations:
        item = rows.get(citation.content_type_id, {}).get(citation.object_id)
        if item is not None:
            kind = kinds[citation.content_type_id]
            items.append(
                CitingItem(
                    kind.label,
                    kind.describe(item),
                    kind.url(item),
                    citation.field_name,
                    citation.pinpoint,
                    field_label(type(item), citation.field_name),
                    citation.quoted_passage,
                )
            )
    return items
