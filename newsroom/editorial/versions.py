"""Published versions of content items, read from their history (django-simple-history).

A version is one historical record of an item. It is *citable* (has a public permalink)
when there was a moment readers could see it: its own record says published, its scheduled
time (if any) had come before the next save replaced it, and every public parent (a quote's
candidate, a result's contest and that contest's jurisdiction) was public at that same
moment, according to the parents' own histories. A draft, a version replaced before its
scheduled time, or a quote saved while its candidate was a draft is never citable.

The item must also be public now: unpublishing an item hides all its versions.

Reads are bounded: one query for the item's history and one per parent (and grandparent)
row the item's versions point at, whatever the number of versions.

A kind's version page reads like its page when its app declares a builder
(`register_page`, in its declarations.py): the builder reads the rows the page showed as
they were at the end of the version's public time (`VersionPage.state`, an
newsroom.editorial.as_of.AsOf) and hands them to the page's own template part.

A page's rows are its *parts* (`register_page(..., parts=...)`: a contest's results, race
calls and facts; a candidate's quotes, facts, career and platform, and its results, which
results declares with `register_part`). Saving or deleting a part
from any door (the shell, a service, an inline of another admin, a list action) gives its
owner a history record dated just before the part's own (`record_owner`, on the pre- and
post-save signals), so the owner's version list has a version showing the change and the
version before keeps the part as it was. The owner's own change form records the owner
itself (`one_moment(owner)` around its inlines, newsroom.editorial.admin), a list action
records each owner once (`one_moment()`), and rows written in bulk record theirs with
`record_owners` (a results import: its contests' records are written with their rows,
its candidates' by this); none is recorded twice. A part that is not public before
nor after the save (a draft edited) changes no page and records nothing.

Which models have permalinks, and the fields a version shows, each model declares
(`EditorialPolicy.public_fields`, newsroom.editorial.policy), so newsroom does not import
the candidates and results apps. Whether an item is public now is
newsroom.editorial.publishing.is_public.
"""

import contextlib
import contextvars
import datetime
import functools
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import F, QuerySet, Value
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from ..dates import format_partial_date
from .as_of import AsOf, history_of
from .policy import policy_of
from .publishing import PublishableQuerySet, Status, is_public

#: How many versions the public list shows, newest first.
LIST_LIMIT = 25

Interval = tuple[datetime.datetime, datetime.datetime]


def has_permalinks(model) -> bool:
    """Whether `model`'s published versions have permalinks (it declares public fields)."""
    return bool(policy_of(model).public_fields)


def permalink_model(label: str):
    """The model for "app_label.model_name" if its versions have permalinks, else None."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model if has_permalinks(model) else None


@functools.cache
def history_model(model):
    # Kept: simple_history's descriptor builds a manager each time it is read.
    return getattr(model, model._meta.simple_history_manager_attribute).model


def parent_fields(model) -> tuple[str, ...]:
    """Foreign keys to the rows that must be public for `model`'s rows to be public."""
    queryset_class = getattr(model._default_manager, "_queryset_class", None)
    prefixes = ()
    if queryset_class is not None and issubclass(queryset_class, PublishableQuerySet):
        prefixes = queryset_class.public_parents
    names = {prefix.split("__")[0] for prefix in prefixes}
    names.update(policy_of(model).extra_parents)
    return tuple(sorted(names))


class Timeline:
    """The public intervals of rows, computed from their histories and memoised."""

    def __init__(self, now=None):
        self.now = now or timezone.now()
        self._intervals: dict[tuple[str, object], list[Interval]] = {}
        self._records: dict[tuple[str, object], list] = {}

    def records(self, model, pk) -> list:
        """The item's history, oldest first."""
        key = (model._meta.label_lower, pk)
        if key in self._records:
            return self._records[key]
        return list(
            history_model(model)
            .objects.filter(**{model._meta.pk.attname: pk})
            .order_by("history_date", "history_id")
        )

    def prefetch(self, model, pk) -> None:
        """Read the item's history and its public parents' (and theirs) in one query: the
        columns the intervals need, from a UNION over the historical tables."""
        parts = []
        _history_parts(model, [pk], parts)
        width = max(len(parent_fields(part_model)) for part_model, _ in parts)
        queries = [_history_columns(part_model, ids, width) for part_model, ids in parts]
        combined = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
        combined = combined.order_by()
        labels = {part_model._meta.label_lower: part_model for part_model, _ in parts}
        rows = sorted(combined, key=lambda row: (row[0], row[2], row[3], row[1]))
        for (label, oid), group in itertools.groupby(rows, key=lambda row: (row[0], row[2])):
            part_model = labels[label]
            parents = parent_fields(part_model)
            records = []
            for row in group:
                record = SimpleNamespace(
                    history_id=row[1], history_date=row[3], history_type=row[4]
                )
                if _is_publishable(part_model):
                    record.status, record.publish_at = row[5], row[6]
                for index, name in enumerate(parents):
                    setattr(record, part_model._meta.get_field(name).attname, row[7 + index])
                records.append(record)
            self._records[(label, oid)] = records

    def own_interval(self, model, record, following) -> Interval | None:
        """When this record was what readers could see, by its own status only."""
        if record.history_type == "-":
            return None
        end = following.history_date if following is not None else self.now
        start = record.history_date
        if hasattr(record, "status"):
            if record.status != Status.PUBLISHED:
                return None
            if record.publish_at is not None:
                start = max(start, record.publish_at)
        return (start, end) if start < end else None

    def record_intervals(self, model, record, following) -> list[Interval]:
        """When this record was public, its parents included."""
        own = self.own_interval(model, record, following)
        if own is None:
            return []
        intervals = [own]
        for name in parent_fields(model):
            field = model._meta.get_field(name)
            parent_pk = getattr(record, field.attname)
            if parent_pk is None:
                continue
            intervals = intersect(intervals, self.intervals(field.related_model, parent_pk))
            if not intervals:
                break
        return intervals

    def intervals(self, model, pk) -> list[Interval]:
        key = (model._meta.label_lower, pk)
        if key not in self._intervals:
            self._intervals[key] = []  # guards against a cycle of parents
            found = []
            if getattr(model._meta, "simple_history_manager_attribute", None):
                records = self.records(model, pk)
                for record, following in itertools.pairwise([*records, None]):
                    found.extend(self.record_intervals(model, record, following))
            elif model._base_manager.filter(pk=pk).exists():
                found = [(datetime.datetime.min.replace(tzinfo=datetime.UTC), self.now)]
            self._intervals[key] = found
        return self._intervals[key]

    def citable(self, model, pk, *, ask_database: bool = True) -> list:
        """The item's versions that readers once saw, newest first; none if the item is not
        public now. With `ask_database=False` "public now" is read from the histories
        themselves (one query fewer, for pages that show only public items anyway)."""
        if ask_database and not is_public(model._base_manager.filter(pk=pk).first()):
            return []
        if not ask_database:
            self.prefetch(model, pk)
        records = self.records(model, pk)
        found, public_now = [], False
        for record, following in itertools.pairwise([*records, None]):
            spans = self.record_intervals(model, record, following)
            if spans:
                record.public_from = spans[0][0]
                record.public_until = spans[-1][1]
                found.append(record)
                public_now = spans[-1][1] == self.now
            else:
                public_now = False
        if not ask_database and not public_now:
            return []
        found.reverse()
        return found


def _is_publishable(model) -> bool:
    return any(field.name == "status" for field in model._meta.concrete_fields) and any(
        field.name == "publish_at" for field in model._meta.concrete_fields
    )


def _history_parts(model, ids, parts, depth=0) -> None:
    """(model, ids) of every history the item's public intervals depend on."""
    parts.append((model, ids))
    if depth > 3:
        return
    for name in parent_fields(model):
        field = model._meta.get_field(name)
        parent = field.related_model
        if not getattr(parent._meta, "simple_history_manager_attribute", None):
            continue
        parent_ids = (
            history_model(model)
            .objects.filter(**{f"{model._meta.pk.attname}__in": ids})
            .values(field.attname)
        )
        _history_parts(parent, parent_ids, parts, depth + 1)


def _history_columns(model, ids, width: int):
    """The same columns from any model's history, for a UNION."""
    publishable = _is_publishable(model)
    parents = parent_fields(model)
    columns = {
        "v_label": Value(model._meta.label_lower, output_field=models.CharField()),
        "v_history_id": F("history_id"),
        "v_oid": F(model._meta.pk.attname),
        "v_date": F("history_date"),
        "v_type": F("history_type"),
        "v_status": F("status")
        if publishable
        else Value(Status.PUBLISHED, output_field=models.CharField()),
        "v_publish_at": F("publish_at")
        if publishable
        else Value(None, output_field=models.DateTimeField()),
    }
    for index in range(width):
        if index < len(parents):
            columns[f"v_parent{index}"] = F(model._meta.get_field(parents[index]).attname)
        else:
            columns[f"v_parent{index}"] = Value(None, output_field=models.BigIntegerField())
    return (
        history_model(model)
        .objects.filter(**{f"{model._meta.pk.attname}__in": ids})
        .order_by()
        .annotate(**columns)
        .values_list(*columns)
    )


def intersect(left: list[Interval], right: list[Interval]) -> list[Interval]:
    found = []
    for a_start, a_end in left:
        for b_start, b_end in right:
            start, end = max(a_start, b_start), min(a_end, b_end)
            if start < end:
                found.append((start, end))
    return found


def citable_versions(item, limit: int | None = LIST_LIMIT) -> list:
    """Published versions of `item`, newest first, each with `public_from` and `url`."""
    model = type(item)
    label = model._meta.label_lower
    if not has_permalinks(model) or item.pk is None:
        return []
    found = Timeline().citable(model, item.pk, ask_database=False)
    for record in found:
        record.url = permalink(label, record.history_id)
    return found[:limit] if limit else found


def permalink(label: str, history_id: int) -> str:
    return reverse("versions:version_detail", args=[label, history_id])


# Version pages that read like the item's page ---------------------------------------------


@dataclass
class VersionPage:
    """One version being shown, for the builder of its page: the version's own instance
    (`item`, built from its record), the item as it is now (`current`), and `state`, which
    reads the rows the page showed as they were at the end of the version's public time."""

    model: type
    record: object
    item: object
    current: object
    public_from: datetime.datetime
    public_until: datetime.datetime
    state: AsOf


@dataclass(frozen=True)
class PageBuilder:
    template_name: str
    build: Callable[[VersionPage], dict]


_PAGES: dict[type, PageBuilder] = {}


def register_page(
    model, template_name: str, build: Callable[[VersionPage], dict], *, parts=None
) -> None:
    """Declare how `model`'s versions read like its page (in the app's declarations.py):
    `build(page)` returns the context `template_name` needs, read through `page.state`
    in a fixed number of queries. Kinds with no page builder show their public fields.

    `parts` maps each model of rows the page shows to its foreign key to `model` (a
    contest's `Result: "contest"`): saving or deleting one records its owner (`record_owner`)."""
    _PAGES[model] = PageBuilder(template_name, build)
    for part, field_name in (parts or {}).items():
        register_part(part, owner=model, field_name=field_name)


def page_builder(model) -> PageBuilder | None:
    return _PAGES.get(model)


def version_page(model, record, current, seen) -> VersionPage:
    """The version `record` (one of `seen`, from `Timeline.citable`) ready for its builder.

    Its related rows are read as they were just before its public time ended: when the next
    save replaced it (or its parent was unpublished), or now for the current version. An
    edit whose item's record is dated before its rows (a results import saves the contest
    first; the contest form dates it when the edit began) thus belongs, rows included, to
    the version it opens."""
    item = record.instance
    if hasattr(current, "slug"):
        item.slug = current.slug  # its links go to today's address
    return VersionPage(
        model=model,
        record=record,
        item=item,
        current=current,
        public_from=seen.public_from,
        public_until=seen.public_until,
        state=AsOf(seen.public_until),
    )


# Owners recorded when their parts change -----------------------------------------------


@dataclass(frozen=True)
class OwnerLink:
    owner: type
    field_name: str


_PARTS: dict[type, list[OwnerLink]] = {}

#: Owners already recorded in the current `one_moment()` block, as (label, pk).
_recorded: contextvars.ContextVar[set | None] = contextvars.ContextVar("recorded", default=None)


@contextlib.contextmanager
def one_moment(*owners):
    """Within this block each owner gets at most one history record for the saves of its
    parts (the first one's moment: later ones are recorded after it, so they belong to the
    version it opens); `owners` are recorded by their own save and get none."""
    outer = _recorded.get()
    recorded = outer if outer is not None else set()
    recorded.update(_key(type(owner), owner.pk) for owner in owners if owner.pk is not None)
    token = _recorded.set(recorded)
    try:
        yield
    finally:
        _recorded.reset(token)


#: Owners whose own save, in the current block, comes after their rows (a contest's form).
_saved_after: contextvars.ContextVar[set | None] = contextvars.ContextVar(
    "saved_after", default=None
)


@contextlib.contextmanager
def saved_after_rows(*owners):
    """`owners` are saved, and so recorded, after the rows saved in this block."""
    keys = {_key(type(owner), owner.pk) for owner in owners if owner.pk is not None}
    token = _saved_after.set({*(_saved_after.get() or ()), *keys})
    try:
        yield
    finally:
        _saved_after.reset(token)


def own_record(model, pk) -> str | None:
    """Where the current edit of `model` row `pk` is recorded: "before" (its latest history
    record is this block's: its own form saved it first, or a part's change recorded it),
    "after" (its own save, after its rows, is still to come), None (nowhere yet)."""
    key = _key(model, pk)
    if key in (_saved_after.get() or ()):
        return "after"
    return "before" if key in (_recorded.get() or ()) else None


def mark_recorded(model, pk) -> None:
    """`model` row `pk` has its record for the current `one_moment()` block (if any)."""
    recorded = _recorded.get()
    if recorded is not None:
        recorded.add(_key(model, pk))


def _key(model, pk) -> tuple[str, object]:
    return (model._meta.concrete_model._meta.label_lower, pk)


def register_part(part, *, owner, field_name: str) -> None:
    """Rows of `part` are shown on `owner`'s page through the foreign key `field_name`."""
    links = _PARTS.setdefault(part, [])
    if any(link.owner is owner for link in links):
        return
    links.append(OwnerLink(owner, field_name))
    uid = f"version-owner-{part._meta.label_lower}"
    pre_save.connect(_before_change, sender=part, dispatch_uid=f"{uid}-pre-save")
    pre_delete.connect(_before_change, sender=part, dispatch_uid=f"{uid}-pre-delete")
    post_save.connect(_after_save, sender=part, dispatch_uid=f"{uid}-save")
    post_delete.connect(_after_delete, sender=part, dispatch_uid=f"{uid}-delete")


def _shown_to_readers(instance) -> bool:
    """Whether this row, as it stands, can be on its owner's page (drafts cannot)."""
    return getattr(instance, "status", Status.PUBLISHED) == Status.PUBLISHED


def _before_change(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # Before the part's own record (simple-history dates it on post-save): the version
    # before ends here, and the part's new record belongs to the owner's next version.
    instance._owner_moment = getattr(instance, "_history_date", None) or timezone.now()
    shown = _shown_to_readers(instance)
    if not shown and instance.pk is not None and kwargs.get("signal") is pre_save:
        # An edit that takes a public row off its page changes the page too.
        shown = sender._base_manager.filter(pk=instance.pk, status=Status.PUBLISHED).exists()
    instance._owner_page_changes = shown


def _after_save(sender, instance, raw=False, **kwargs):
    if raw or not getattr(instance, "_owner_page_changes", False):
        return
    record_owner(instance, instance.__dict__.pop("_owner_moment"), change="saved")


def _after_delete(sender, instance, origin=None, **kwargs):
    if not getattr(instance, "_owner_page_changes", False):
        return
    record_owner(instance, instance.__dict__.pop("_owner_moment"), change="deleted", origin=origin)


def record_owner(part, moment: datetime.datetime, *, change: str, origin=None) -> list:
    """Give each owner of `part` a history record of its row as it is, dated `moment`
    (unless it is recorded in this `one_moment()` block already, or is being deleted with
    its parts). Returns the records written."""
    written = []
    recorded = _recorded.get()
    for link in _PARTS.get(type(part), ()):
        field = type(part)._meta.get_field(link.field_name)
        owner_pk = getattr(part, field.attname)
        if owner_pk is None or _deleting(origin, link.owner):
            continue
        key = _key(link.owner, owner_pk)
        if recorded is not None and key in recorded:
            continue
        owner = link.owner._base_manager.filter(pk=owner_pk).first()
        if owner is None:
            continue
        written += record_part_change(owner, part, change=change, moment=moment)
    return written


def record_part_change(owner, part, *, change: str, moment, user=None) -> list:
    """A history record of `owner` as it is, dated `moment`, saying which of its parts
    changed ("Result saved: …"), noted as its record for the current `one_moment()` block."""
    owner._change_reason = f"{capfirst(str(type(part)._meta.verbose_name))} {change}: {part}"[:100]
    if user is not None:
        owner._history_user = user
    written = history_of(type(owner)).bulk_history_create([owner], update=True, default_date=moment)
    mark_recorded(type(owner), owner.pk)
    return written


def record_owners(part_model, rows, *, moment, by=None, recorded_by_caller=()) -> list:
    """`record_owner` for rows of `part_model` written in bulk (no signals): the owners of
    `rows`, except the models the caller records itself, each get one history record dated
    `moment`, in one query to read them and one INSERT per owner model."""
    written = []
    for link in _PARTS.get(part_model, ()):
        if link.owner in recorded_by_caller:
            continue
        attname = part_model._meta.get_field(link.field_name).attname
        ids = {getattr(row, attname) for row in rows} - {None}
        if not ids:
            continue
        owners = list(link.owner._base_manager.filter(pk__in=ids).order_by("pk"))
        label = capfirst(str(part_model._meta.verbose_name_plural))
        written += history_of(link.owner).bulk_history_create(
            owners,
            update=True,
            default_user=by,
            default_change_reason=f"{label} written",
            default_date=moment,
        )
    return written


def _deleting(origin, owner_model) -> bool:
    """Whether a delete started at one of the owner's rows (its parts go with it)."""
    if isinstance(origin, QuerySet):
        return issubclass(origin.model, owner_model)
    return isinstance(origin, owner_model)


@dataclass
class Line:
    label: str
    value: str


def version_lines(model, record) -> list[Line]:
    """The public fields of a version, as a reader sees them."""
    instance = record.instance
    lines = []
    for name in policy_of(model).public_fields:
        field = model._meta.get_field(name)
        value = _display(model, instance, field)
        if value is None:
            continue
        lines.append(Line(capfirst(str(field.verbose_name)), value))
    return lines


def _display(model, instance, field) -> str | None:
    if field.is_relation:
        related_pk = getattr(instance, field.attname)
        if related_pk is None:
            return ""
        related = field.related_model._base_manager.filter(pk=related_pk).first()
        if related is None:
            return None
        if not is_public(related):
            return None  # a draft parent's name must not show through an old version
        return str(related)
    value = getattr(instance, field.attname)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value or ""))
    try:
        precision = model._meta.get_field(f"{field.name}_precision")
    except FieldDoesNotExist:
        precision = None
    if precision is not None:
        return format_partial_date(value, getattr(instance, precision.attname))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value):%B %-d, %Y %H:%M %Z}"
    return str(value)
