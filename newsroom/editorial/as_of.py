"""Rows as readers saw them at a moment, read from their histories (django-simple-history).

A version page (newsroom.editorial.versions) shows an item with the rows its page showed
(a contest's results, their candidates, the citations and the sources as they were then).
`AsOf(moment)` reads each kind of row once: one query a call, whatever the number of rows,
each row the latest record of its history strictly before `moment` that is not a deletion.
The instances it returns are model instances built from those records (never saved), with
their related rows set in Django's caches (`fill`, `attach`), so the pages' own code and
templates run on them unchanged. Only their addresses are today's (a renamed candidate's
slug): an old version links to the pages as they answer now.

What is public is checked twice: a row must have been public then (its own record's status
and scheduled time, `was_public`) and be public now (a live queryset given by the caller,
or the published sources of citations): a source unpublished since does not come back
through an old version.
"""

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, Subquery

from .publishing import Status

ONE_TICK = datetime.timedelta(microseconds=1)


def was_public(instance, moment) -> bool:
    """Whether this row, as it was then, was published and past its scheduled time."""
    status = getattr(instance, "status", None)
    if status is None:
        return True
    if status != Status.PUBLISHED:
        return False
    publish_at = getattr(instance, "publish_at", None)
    return publish_at is None or publish_at <= moment


def fill(instance, name: str, rows) -> None:
    """Make `instance.<name>.all()` return `rows` without a query (a prefetch cache)."""
    manager = getattr(instance, name)
    # Generic relations and many-to-many managers name their cache; reverse foreign keys
    # use their field's.
    cache_name = getattr(manager, "prefetch_cache_name", None)
    if cache_name is None:
        cache_name = manager.field.remote_field.cache_name
    queryset = manager.get_queryset()
    queryset._result_cache = list(rows)
    queryset._prefetch_done = True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[cache_name] = queryset


def attach(instances, name: str, related: dict) -> None:
    """Set the foreign key `name` of each instance to its row in `related` (pk -> row)."""
    for instance in instances:
        field = instance._meta.get_field(name)
        key = getattr(instance, field.attname)
        field.set_cached_value(instance, related.get(key) if key is not None else None)


def ordered(rows, ordering) -> list:
    """`rows` in the order `queryset.order_by(*ordering)` gives: names ("position", "-pk")
    and expressions such as `F("said_on").desc(nulls_last=True)`; empty values last in
    ascending order and first in descending, as PostgreSQL orders them, unless said."""
    rows = list(rows)
    for term in reversed(ordering):
        if isinstance(term, str):
            descending, name = term.startswith("-"), term.lstrip("-")
            nulls_last = not descending
        else:
            descending, name = term.descending, term.expression.name
            nulls_last = term.nulls_last if term.nulls_last is not None else not descending
            if term.nulls_first:
                nulls_last = False

        def key(row, name=name, nulls_last=nulls_last, descending=descending):
            value = getattr(row, name)
            empty = value is None
            # Sorted in reverse for descending: the empty flag flips with it.
            return (empty != (nulls_last == descending), value if not empty else 0)

        rows.sort(key=key, reverse=descending)
    return rows


def history_of(model):
    return getattr(model, model._meta.simple_history_manager_attribute)


class AsOf:
    """Reads rows as they were just before `moment`, one query a call."""

    def __init__(self, moment: datetime.datetime):
        self.moment = moment

    def rows(self, model, *where: Q, public_now=None, **filters) -> list:
        """Rows of `model` as they were, whose record then matches `where` and `filters` (on
        the historical table: attnames such as `contest_id`, `id__in`), by primary key.

        With `public_now` (a live queryset of `model`), only rows in it now. Rows of a
        publishable model not public then (`was_public`) are left out."""
        pk = model._meta.pk.attname
        records = history_of(model).filter(history_date__lt=self.moment)
        later = records.filter(**{pk: OuterRef(pk)}, history_date__gt=OuterRef("history_date"))
        records = records.filter(~Exists(later)).exclude(history_type="-")
        records = records.filter(*where, **filters)
        if public_now is not None:
            records = records.filter(**{f"{pk}__in": public_now.values("pk")})
        addressed = any(field.name == "slug" for field in model._meta.concrete_fields)
        if addressed:
            live = model._base_manager.filter(pk=OuterRef(pk)).values("slug")
            records = records.annotate(live_slug=Subquery(live))
        latest = {}
        for record in records.order_by(pk, "history_date", "history_id"):
            latest[getattr(record, pk)] = record  # of two records at the same time, the last
        found = []
        for record in latest.values():
            instance = record.instance
            if addressed and record.live_slug:
                instance.slug = record.live_slug  # links go to today's address
            if was_public(instance, self.moment):
                found.append(instance)
        return found

    def by_pk(self, model, ids, **options) -> dict:
        """Rows of `model` with these primary keys, as they were, by primary key."""
        ids = {pk for pk in ids if pk is not None}
        if not ids:
            return {}
        pk = model._meta.pk.attname
        return {row.pk: row for row in self.rows(model, **{f"{pk}__in": ids}, **options)}

    def cite(self, objects) -> None:
        """Give each object its `citations` as they were then: those that supported its
        values then (not yet retired, newsroom.cited_values; added later ones are not there
        yet), whose source was public then and is now, each with its source, outlet and
        contributors as they were.

        Four queries (citations, sources, outlets, contributors) for any number of objects,
        five when a contributor is credited to a wire service."""
        from ..models import Citation, Contributor, Outlet, Source

        objects = [obj for obj in objects if obj is not None]
        types = {id(obj): ContentType.objects.get_for_model(obj).pk for obj in objects}
        by_type = defaultdict(set)
        for obj in objects:
            by_type[types[id(obj)]].add(obj.pk)
        citations = []
        if by_type:
            where = Q()
            for type_id, ids in by_type.items():
                where |= Q(content_type_id=type_id, object_id__in=ids)
            public_sources = Source.objects.published().values("pk")
            # Current then: a citation retired by then supported an earlier value.
            citations = self.rows(
                Citation, where, source_id__in=public_sources, retired_at__isnull=True
            )
        sources = self.by_pk(Source, {citation.source_id for citation in citations})
        outlets = self.by_pk(Outlet, {source.outlet_id for source in sources.values()})
        sources = {pk: source for pk, source in sources.items() if source.outlet_id in outlets}
        attach(sources.values(), "outlet", outlets)
        contributors = defaultdict(list)
        if sources:
            credits = self.rows(Contributor, source_id__in=list(sources))
            wires = {c.outlet_id for c in credits} - set(outlets)
            attach(credits, "outlet", outlets | self.by_pk(Outlet, wires))
            for contributor in sorted(credits, key=lambda c: (c.position, c.pk)):
                contributors[contributor.source_id].append(contributor)
        for source in sources.values():
            fill(source, "contributors", contributors[source.pk])
        citations = [citation for citation in citations if citation.source_id in sources]
        attach(citations, "source", sources)
        grouped = defaultdict(list)
        for citation in sorted(citations, key=lambda c: (c.field_name, c.pk)):
            grouped[(citation.content_type_id, citation.object_id)].append(citation)
        for obj in objects:
            fill(obj, "citations", grouped[(types[id(obj)], obj.pk)])
