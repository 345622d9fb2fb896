"""Deleting what readers can see: a public note, and a tombstone at the old address.

Rules:
- Deleting an item readers can see (`publishing.is_public`) that has a page of its own
  (`get_absolute_url`: a candidate, quote, fact, contest, place, source) needs a public note,
  whatever does the deleting: the admin's delete page, the "delete selected" action, an
  inline's Delete box, code in the shell. Without one the deletion is refused
  (`NoteRequired`) and nothing is deleted.
- The deletion leaves a `Tombstone` per such item: the old address, what was there, the
  note, when and by whom. `/corrections/` lists it (“Removed”) and the old address answers
  410 Gone with the note (newsroom.middleware). Items deleted with it (a candidate's quotes
  and facts) get tombstones with the same note; only the item deleted is listed.
- A merge deletes its duplicate without a note (`merging_away`): the duplicate's address
  redirects to the survivor, which takes its corrections (newsroom.editorial.merging).
- Rows without a page of their own (a result, a citation) change the page of their item:
  that is a correction of the item (newsroom.editorial.corrections), not a removal.

The guard is a `pre_delete` receiver on every model of the project with a page of its own
(connected by `NewsroomConfig.ready()`), so `Model.delete()` and `QuerySet.delete()` obey
it; only raw SQL gets past. A refusal raised inside a caller's transaction leaves it to be
rolled back, as a database error would: `delete_published()` keeps its own savepoint.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import router, transaction
from django.db.models import Model, QuerySet
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.db.models.signals import pre_delete

from ..constraints import project_models
from .public import as_readers_see, label_of
from .publishing import is_public
from .records import Tombstone

NOTE_REQUIRED = (
    "{item} is public: deleting it needs a public note. Readers see the note at its old "
    "address and on the corrections page."
)


class NoteRequired(Exception):
    """A public item would be deleted without a public note; nothing was deleted."""

    def __init__(self, item):
        self.item = item
        super().__init__(NOTE_REQUIRED.format(item=f"{_noun(item).capitalize()} “{item}”"))


@dataclass(frozen=True)
class _Deletion:
    note: str = ""
    by: Model | None = None
    #: (model, pk) of a merged duplicate: deleted without a note, its address redirects.
    merged: tuple[type[Model], object] | None = None


_current: ContextVar[_Deletion | None] = ContextVar("public_deletion", default=None)


def has_own_page(model_or_item) -> bool:
    """Whether readers find rows of this model at an address of their own."""
    return callable(getattr(model_or_item, "get_absolute_url", None))


@contextmanager
def public_note(note: str, *, by=None) -> Iterator[None]:
    """Deletions inside this block may remove public items; each leaves a tombstone with
    `note` (a blank note refuses them all the same)."""
    token = _current.set(_Deletion(note=(note or "").strip(), by=_user(by)))
    try:
        yield
    finally:
        _current.reset(token)


@contextmanager
def merging_away(duplicate) -> Iterator[None]:
    """Deleting `duplicate` as a merge: no note, no tombstone (its address redirects)."""
    token = _current.set(_Deletion(merged=(type(duplicate), duplicate.pk)))
    try:
        yield
    finally:
        _current.reset(token)


def delete_published(item: Model, *, note: str, by=None):
    """Delete `item` (and what goes with it), leaving tombstones with the public `note`
    for what readers could see. Raises NoteRequired, deleting nothing, without a note."""
    with transaction.atomic(using=router.db_for_write(type(item))), public_note(note, by=by):
        return item.delete()


def delete_all_published(queryset: QuerySet, *, note: str, by=None):
    """`delete_published` for every row of `queryset`."""
    with transaction.atomic(using=queryset.db), public_note(note, by=by):
        return queryset.delete()


def removed_from_site(items: Iterable[Model] | QuerySet) -> list[Model]:
    """The items readers can see now, with pages of their own, that deleting `items` would
    take off the site: the items and what their deletion cascades to."""
    items = items if isinstance(items, QuerySet) else list(items)
    if not len(items):
        return []
    model = items.model if isinstance(items, QuerySet) else type(items[0])
    collector = Collector(using=router.db_for_write(model), origin=None)
    try:
        collector.collect(items)
    except (ProtectedError, RestrictedError):
        return []  # the admin says what protects them; nothing would be deleted
    return [
        item
        for collected, instances in collector.data.items()
        if has_own_page(collected)
        for item in instances
        if is_public(item)
    ]


def _guard(sender, instance, using=None, origin=None, **kwargs):
    deletion = _current.get() or _Deletion()
    if deletion.merged == (type(instance), instance.pk):
        return
    if not is_public(instance):
        return
    if not deletion.note:
        raise NoteRequired(instance)
    Tombstone.objects.using(using).create(
        old_path=instance.get_absolute_url(),
        subject=_subject(instance),
        kind=_kind(type(instance)),
        content_type=ContentType.objects.db_manager(using).get_for_model(type(instance)),
        object_id=instance.pk,
        note=deletion.note,
        listed=_is_origin(instance, origin),
        created_by=deletion.by,
    )


def connect_guard() -> None:
    """Guard every model of the project with a page of its own (NewsroomConfig.ready())."""
    for model in project_models():
        if has_own_page(model):
            pre_delete.connect(_guard, sender=model, dispatch_uid=f"removal-guard-{model}")


def _is_origin(instance, origin) -> bool:
    if isinstance(origin, QuerySet):
        return isinstance(instance, origin.model)
    return isinstance(origin, type(instance)) and origin.pk == instance.pk


def _subject(item) -> str:
    return (as_readers_see(item)[0] or str(item))[:300]


def _kind(model) -> str:
    return label_of(model)[:100]


def _noun(item) -> str:
    return str(item._meta.verbose_name)


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None
