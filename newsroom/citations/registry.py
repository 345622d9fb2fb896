"""The kinds of item a reader can cite, each registered by the app that owns it.

Newsroom cannot import candidates or results, so every app lists its citable models in a
`citables.py` module, which `NewsroomConfig.ready()` discovers the way the admin discovers
`admin.py`. A kind is either *reported* (a quote, fact or result: cited as the sources that
reported it, each with a note saying what they reported) or a *page* of this site (a
profile or contest page: cited as a web page, with a bibliography of its sources).
"""

import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet

from newsroom.models import Source


@dataclass(frozen=True)
class Citable:
    kind: str
    label: str
    model: type[Model]
    #: The published rows of this kind: the only ones any citation or export reads.
    published: Callable[[], QuerySet]
    #: The published sources behind one row, as a Source queryset.
    sources: Callable[[Model], QuerySet]
    #: For a reported kind: what the sources reported (verbatim text, venue, figures).
    note: Callable[[Model], str] | None = None
    #: For a page kind: the title of its page on this site.
    page_title: Callable[[Model], str] | None = None

    @property
    def is_page(self) -> bool:
        return self.page_title is not None


class UnknownKind(LookupError):
    """No app registered a citable kind of this name."""


_by_kind: dict[str, Citable] = {}


def register(kind: str, **options) -> Citable:
    """Register a citable kind; called from an app's `citables.py`."""
    citable = Citable(kind=kind, **options)
    _by_kind[kind] = citable
    return citable


def get(kind: str) -> Citable:
    try:
        return _by_kind[kind]
    except KeyError:
        raise UnknownKind(kind) from None


def for_model(model: type[Model]) -> Citable:
    for citable in _by_kind.values():
        if citable.model is model:
            return citable
    raise UnknownKind(model.__name__)


def kinds() -> list[str]:
    return list(_by_kind)


def published_sources_citing(*targets: Model | QuerySet) -> QuerySet:
    """Published sources cited by any of the targets: model rows or querysets of them."""
    conditions = []
    for target in targets:
        if isinstance(target, QuerySet):
            content_type, ids = ContentType.objects.get_for_model(target.model), target.values("pk")
        else:
            content_type, ids = ContentType.objects.get_for_model(type(target)), [target.pk]
        conditions.append(Q(citations__content_type=content_type, citations__object_id__in=ids))
    return Source.objects.published().filter(functools.reduce(operator.or_, conditions)).distinct()
