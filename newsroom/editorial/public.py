"""What readers see of the editorial record: corrections and updates, removals, the editor's
note, and staff previews of items that are not public yet.

An item's own page shows the corrections of the items it shows (already read through
`published()`): its section costs one query. The site-wide log (/corrections/ and its feeds,
`public_log()`) is append-only: it lists every correction of an item that is public now or
was public when the correction was recorded (the correction keeps what readers saw of its
item: `Correction.subject`, `url`), so a retraction stays listed after its item is
unpublished or deleted; and every removal of a public item (`Tombstone`, left by
newsroom.editorial.removals). A correction of an item that was never public is never
listed. The public querysets of each kind of item are registered by the apps
(newsroom.citations.registry, from their `declarations.py`), so newsroom never imports them.

A staff preview is an item's own public URL opened by a logged-in member of staff who may
view that kind of item in the admin: the page renders with a banner saying why it is not
public, is marked `private, no-store`, and lists, feeds, search, exports and the API stay
published-only.
"""

import functools
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Model, Q, QuerySet, Value
from django.http import Http404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format

from ..citations import registry
from . import corrections as rules
from .publishing import Status, is_public, owner_of
from .records import Correction, Tombstone

#: What a row of the public log is: (date, id, CORRECTION or REMOVAL).
CORRECTION, REMOVAL = "correction", "removal"


@dataclass(frozen=True)
class ShownCorrection:
    """A correction as readers see it: what it is about, where, and what changed."""

    correction: Correction
    #: "" for the page's own item, else what part of the page it concerns ("Quote: …").
    subject: str
    url: str
    changes: list[str]

    @property
    def kind(self) -> str:
        return self.correction.get_kind_display()

    @property
    def note(self) -> str:
        return self.correction.note

    @property
    def created_at(self):
        return self.correction.created_at

    @property
    def anchor(self) -> str:
        return f"correction-{self.correction.pk}"


@dataclass(frozen=True)
class ShownRemoval:
    """A deleted public item as the log shows it: what was there, the note and the date."""

    tombstone: Tombstone
    kind: str = "Removed"
    url: str = ""
    changes: tuple = ()

    @property
    def subject(self) -> str:
        return self.tombstone.subject

    @property
    def note(self) -> str:
        return self.tombstone.note

    @property
    def created_at(self):
        return self.tombstone.created_at

    @property
    def anchor(self) -> str:
        return f"removal-{self.tombstone.pk}"


def changes_shown(correction: Correction) -> list[str]:
    """'Votes: 51 → 52' for each public field the correction records."""
    lines = []
    for name, change in (correction.changes or {}).items():
        if not isinstance(change, dict) or not rules.is_public_field(name):
            continue
        label = str(change.get("label") or name)
        before = change.get("from") or "not reported"
        after = change.get("to") or "not reported"
        lines.append(f"{label[:1].upper()}{label[1:]}: {before} → {after}")
    return lines


def label_of(model: type[Model]) -> str:
    """What the site calls this kind of item ("Quote", "Career")."""
    kind = registry.of_model(model)
    return kind.label if kind else str(model._meta.verbose_name).capitalize()


def _describe(item) -> str:
    kind = registry.of_model(type(item))
    return kind.describe(item) if kind else str(item)


def _url(item) -> str:
    kind = registry.of_model(type(item))
    if kind:
        return kind.url(item)
    return item.get_absolute_url() if hasattr(item, "get_absolute_url") else ""


def _flatten(items) -> list[Model]:
    flat = []
    for entry in items:
        if isinstance(entry, Model):
            flat.append(entry)
        elif entry is not None:
            flat.extend(entry)
    return flat


def corrections_of(item: Model, *shown: Model | Iterable[Model]) -> list[ShownCorrection]:
    """Corrections of the page's `item` and of the parts it `shows`, newest first.

    Pass only what the page shows readers (its public rows): one query.
    """
    return corrections_of_pages([(item, *shown)])[0]


def corrections_of_pages(pages) -> list[list[ShownCorrection]]:
    """`corrections_of()` for several pages at once, e.g. a page of the API: one query.

    Each page is a tuple (item, *shown); the answer is in the same order.
    """
    ids_by_type = defaultdict(set)
    pages_of = defaultdict(list)
    for index, (item, *shown) in enumerate(pages):
        for entry in [item, *_flatten(shown)]:
            type_id = ContentType.objects.get_for_model(type(entry)).pk
            ids_by_type[type_id].add(entry.pk)
            pages_of[(type_id, entry.pk)].append((index, entry, entry is item))
    answers = [[] for _ in pages]
    if not ids_by_type:
        return answers
    conditions = [
        Q(content_type_id=type_id, object_id__in=sorted(ids))
        for type_id, ids in ids_by_type.items()
    ]
    for record in Correction.objects.filter(functools.reduce(operator.or_, conditions)):
        for index, subject, is_own in pages_of[(record.content_type_id, record.object_id)]:
            answers[index].append(
                ShownCorrection(
                    correction=record,
                    subject="" if is_own else f"{label_of(type(subject))}: {_describe(subject)}",
                    url=_url(subject),
                    changes=changes_shown(record),
                )
            )
    return answers


def _public_kinds() -> dict[type[Model], Callable[[], QuerySet]]:
    """The public queryset of every kind of item a correction may be about."""
    return {model: kind.published for model, kind in registry.registered().items()}


def as_readers_see(item, *, public: bool | None = None) -> tuple[str, str]:
    """("Quote: …", its address) while readers can see `item`; ("", "") otherwise.
    `public`: whether they can, when the caller has asked already (for many at once)."""
    if public is None:
        public = is_public(item)
    if item is None or not public:
        return "", ""
    return f"{label_of(type(item))}: {_describe(item)}", _url(item)


def public_corrections() -> QuerySet:
    """Every correction of an item that is public now or was when it was recorded."""
    conditions = [
        Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=public().order_by().values("pk"),
        )
        for model, public in _public_kinds().items()
    ]
    return Correction.objects.filter(functools.reduce(operator.or_, conditions, ~Q(subject="")))


def public_log() -> QuerySet:
    """The rows of the public log, newest first: (date, id, CORRECTION or REMOVAL)."""
    entry = CharField()
    corrections = (
        public_corrections()
        .order_by()
        .annotate(entry=Value(CORRECTION, output_field=entry))
        .values_list("created_at", "id", "entry")
    )
    removals = (
        Tombstone.objects.filter(listed=True)
        .order_by()
        .annotate(entry=Value(REMOVAL, output_field=entry))
        .values_list("created_at", "id", "entry")
    )
    return corrections.union(removals, all=True).order_by("-created_at", "-id")


def describe(rows: Iterable[tuple]) -> list[ShownCorrection | ShownRemoval]:
    """Rows of `public_log()` as readers see them: a correction of an item public now with
    the item as it is (one query per kind of item), else as it was when recorded."""
    rows = list(rows)
    ids = defaultdict(list)
    for _, pk, entry in rows:
        ids[entry].append(pk)
    records = Correction.objects.in_bulk(ids[CORRECTION]) if ids[CORRECTION] else {}
    tombstones = Tombstone.objects.in_bulk(ids[REMOVAL]) if ids[REMOVAL] else {}
    kinds = _public_kinds()
    ids_by_type = defaultdict(set)
    for record in records.values():
        ids_by_type[record.content_type_id].add(record.object_id)
    items = {}
    for type_id, type_ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model in kinds:
            for pk, item in kinds[model]().in_bulk(type_ids).items():
                items[(type_id, pk)] = item
    shown = []
    for _, pk, entry in rows:
        if entry == REMOVAL:
            shown.append(ShownRemoval(tombstone=tombstones[pk]))
            continue
        record = records[pk]
        item = items.get((record.content_type_id, record.object_id))
        shown.append(
            ShownCorrection(
                correction=record,
                subject=f"{label_of(type(item))}: {_describe(item)}" if item else record.subject,
                # Its old address is not a page any more: the log keeps the entry.
                url=_url(item) if item else "",
                changes=changes_shown(record),
            )
        )
    return shown


# Staff previews ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Preview:
    """Why a page shown to staff is not public, for the banner."""

    label: str
    explanation: str
    #: Whether readers get "not found" at the page's address.
    hidden_from_readers: bool = True


#: Set on the request a public view renders for the admin's preview of unsaved changes
#: (newsroom.editorial.admin.preview): the item it reads is saved only in a transaction
#: that is rolled back once the page is rendered.
UNSAVED_PREVIEW = "unsaved_preview"


def unsaved_preview_of(item) -> Preview:
    """The banner of a preview of unsaved changes, and why the item is not public if not."""
    unsaved = "Preview of your unsaved changes: nothing is saved yet."
    if is_public(item):
        return Preview(
            "Preview",
            f"{unsaved} Readers see this page as it was last saved.",
            hidden_from_readers=False,
        )
    return Preview("Preview", f"{unsaved} {preview_of(item).explanation}")


def can_preview(user, model: type[Model]) -> bool:
    """Logged-in, active staff who may view or change this kind of item in the admin."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


def preview_of(item) -> Preview:
    status = getattr(item, "status", Status.PUBLISHED)
    if status != Status.PUBLISHED:
        label = Status(status).label
        return Preview(label, f"Staff preview: this {_noun(item)} is not public.")
    publish_at = getattr(item, "publish_at", None)
    if publish_at and publish_at > timezone.now():
        when = date_format(timezone.localtime(publish_at), "DATETIME_FORMAT")
        return Preview("Scheduled", f"Staff preview: this {_noun(item)} becomes public on {when}.")
    owner = owner_of(item)
    if owner is not None:
        return Preview(
            "Not public",
            f"Staff preview: this {_noun(item)} is published, but its {_noun(owner)} is not "
            "public, so readers cannot see it.",
        )
    return Preview("Not public", f"Staff preview: this {_noun(item)} is not public.")


def _noun(item) -> str:
    return str(item._meta.verbose_name)


class StaffPreviewMixin:
    """For a public DetailView: staff who may view the item in the admin see it on its
    public URL even when it is not public, with a banner and `Cache-Control: private,
    no-store`. Everyone else gets the 404 the public queryset gives.

    `get_preview_queryset()` returns the page's queryset without the publication filter.
    """

    preview = None

    def get_preview_queryset(self) -> QuerySet:
        raise NotImplementedError

    def get_object(self, queryset=None):
        item = self._get_object(queryset)
        if getattr(self.request, UNSAVED_PREVIEW, False):
            self.preview = unsaved_preview_of(item)
        return item

    def _get_object(self, queryset):
        try:
            return super().get_object(queryset)
        except Http404:
            preview_queryset = self.get_preview_queryset()
            if not can_preview(self.request.user, preview_queryset.model):
                raise
            item = super().get_object(preview_queryset)
            self.preview = preview_of(item)
            return item

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=self.preview, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.preview is not None:
            patch_cache_control(response, private=True, no_store=True)
            response["X-Robots-Tag"] = "noindex"
        return response
