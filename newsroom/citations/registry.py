"""The kinds of item that cite sources or are cited, each registered by the app that owns it.

Newsroom cannot import candidates or results, so every app registers its models in its
`declarations.py` (found by `NewsroomConfig.ready()` the way the admin finds `admin.py`),
once per model: how to read its public rows, how to name and link one, and, for the kinds
a reader can cite (those with a `kind`), how the citation desk cites it. A cited kind is
either *reported* (a quote, fact or result: cited as the sources that reported it, each
with a note saying what they reported) or a *page* of this site (a profile or contest page:
cited as a web page, with a bibliography of its sources).

Readers of the registry: the citation desk (newsroom.citations), the source page's list of
what cites a source (newsroom.citing), the corrections pages (newsroom.editorial.public) and
the models a citation may point at (newsroom.models.citable_content_type_ids).
"""

import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet

from newsroom.models import Source


def _absolute_url(item: Model) -> str:
    return item.get_absolute_url()


@dataclass(frozen=True)
class Citable:
    model: type[Model]
    #: How the site lists a row of this kind ("Career", "Place"), on source pages and in
    #: corrections.
    label: str
    #: The published rows of this kind: the only ones any citation, list or export reads.
    published: Callable[[], QuerySet]
    #: One row in a list ("Jason Palmer: Position at …").
    describe: Callable[[Model], str] = str
    #: Where a row is shown to readers.
    url: Callable[[Model], str] = _absolute_url
    #: Whether citations of sources may be attached to its rows (a source itself takes none).
    holds_citations: bool = True
    #: The name readers cite it by ("quote", in the desk's URLs); "" when not citable.
    kind: str = ""
    #: What the citation desk calls it ("Candidate profile"); the label by default.
    desk_label: str = ""
    #: For a cited kind: the published sources behind one row, as a Source queryset.
    sources: Callable[[Model], QuerySet] | None = None
    #: For a reported kind: what the sources reported (verbatim text, venue, figures).
    note: Callable[[Model], str] | None = None
    #: For a page kind: the title of its page on this site.
    page_title: Callable[[Model], str] | None = None
    #: For a reported kind that has a speaker (a quote): the ready-to-paste attribution line
    #: of one row as one source reported it at one pinpoint ("Jason Palmer said in an
    #: interview with The Associated Press, as reported by Fox News, para. 9.").
    attribution: Callable[[Model, Source, str], str] | None = None

    @property
    def cite_label(self) -> str:
        return self.desk_label or self.label

    @property
    def is_page(self) -> bool:
        return self.page_title is not None


class UnknownKind(LookupError):
    """No app registered a citable kind of this name."""


_by_model: dict[type[Model], Citable] = {}


def register(model: type[Model], **options) -> Citable:
    """Register `model`; called from an app's `declarations.py`."""
    citable = Citable(model=model, **options)
    _by_model[model] = citable
    return citable


def of_model(model: type[Model]) -> Citable | None:
    """The registration of `model`, or None."""
    return _by_model.get(model)


def registered() -> dict[type[Model], Citable]:
    """Every registration, by model."""
    return dict(_by_model)


def citation_holders() -> list[type[Model]]:
    """The models citations may be attached to."""
    return [model for model, citable in _by_model.items() if citable.holds_citations]


def get(kind: str) -> Citable:
    """The citable kind readers cite by `kind` ("quote")."""
    for citable in _by_model.values():
        if citable.kind and citable.kind == kind:
            return citable
    raise UnknownKind(kind)


def for_model(model: type[Model]) -> Citable:
    """The citable kind of `model`; UnknownKind when readers cannot cite it."""
    citable = _by_model.get(model)
    if citable is None or not citable.kind:
        raise UnknownKind(model.__name__)
    return citable


def kinds() -> list[str]:
    """The names of every kind readers can cite."""
    return [citable.kind for citable in _by_model.values() if citable.kind]


def published_sources_citing(*targets: Model | QuerySet) -> QuerySet:
    """Published sources cited by any of the targets: model rows or querysets of them."""
    conditions = []
    for target in targets:
        if isinstance(target, QuerySet):
            content_type, ids = ContentType.objects.get_for_model(target.model), target.values("pk")
        else:
            content_type, ids = ContentType.objects.get_for_model(type(target)), [target.pk]
        # Current citations only: a retired one supported an earlier value
        # (newsroom.cited_values).
        conditions.append(
            Q(
                citations__content_type=content_type,
                citations__object_id__in=ids,
                citations__retired_at__isnull=True,
            )
        )
    return Source.objects.published().filter(functools.reduce(operator.or_, conditions)).distinct()
