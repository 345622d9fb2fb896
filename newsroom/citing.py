"""What on the site cites a source, for the source page.

Newsroom cannot import the apps that cite its sources, so each app registers, for its
citable models, how to read the public rows and how to describe and link one of them.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, QuerySet

from .models import Citation, Source


@dataclass(frozen=True)
class CitingKind:
    label: str
    public: Callable[[], QuerySet]
    describe: Callable[[Model], str]
    url: Callable[[Model], str]


@dataclass(frozen=True)
class CitingItem:
    label: str
    text: str
    url: str
    field_name: str
    pinpoint: str
    #: The field as editors name it ("entered the race"), for readers.
    field_label: str = ""


def field_label(model: type[Model], name: str) -> str:
    if not name:
        return ""
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name.replace("_", " ")


_kinds: dict[type[Model], CitingKind] = {}


def register(
    model: type[Model],
    *,
    label: str,
    public: Callable[[], QuerySet],
    describe: Callable[[Model], str] = str,
    url: Callable[[Model], str] = lambda item: item.get_absolute_url(),
) -> None:
    _kinds[model] = CitingKind(label, public, describe, url)


def kind_of(model: type[Model]) -> CitingKind | None:
    return _kinds.get(model)


def registered() -> dict[type[Model], CitingKind]:
    """Every registered kind, by model: how to read its public rows and link one."""
    return dict(_kinds)


def citing_items(source: Source) -> list[CitingItem]:
    """Every public item citing the source: one query, plus one per kind of item."""
    citations = list(Citation.objects.filter(source=source).order_by("content_type", "pk"))
    ids_by_type = defaultdict(set)
    for citation in citations:
        ids_by_type[citation.content_type_id].add(citation.object_id)
    rows, kinds = {}, {}
    for type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model in _kinds:
            kinds[type_id] = _kinds[model]
            rows[type_id] = _kinds[model].public().in_bulk(ids)
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
                )
            )
    return items
