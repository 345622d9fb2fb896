"""Citations belong to a value: a citation of a field supports the value the field held when
it was made, not whatever the field holds later.

Every citation of a field keeps that value (`Citation.supported_value`, in the canonical
form of `canonical()`: "40", "56.5", "2023-11" for a month-precise date, a party's id).
When the field's value changes, from any door (an admin edit or inline, an import, a
revert, a merge, `save()` in the shell), the citations that supported the old value are
**retired** (`Citation.retired_at`): they stop footnoting the field, and stay in the item's
history as support of the earlier value. Retired citations whose value the field takes
again are **current again**, so a revert, or an import back to 40, restores Fox News.

The rule is one invariant, settled whenever a citation or its item is saved: a citation of
a field is current exactly when its supported value is the field's value (`settle_citation`,
called by `Citation.save`; `follow_values`, on the post-save signal of every model that holds
citations). A new citation supports the value the field holds as it is saved (the admin's
citation inline reads it from the item as the same form saves it).

Not followed:

- a citation of the whole item (no field), and a citation giving a **differing value**
  (`value_as_reported`): it reports its own value, in its words, and never footnotes the
  value shown, whatever that is; it stays current until an editor changes it (pages list it
  under "sources differ"). An editor who clears the differing value makes it ordinary
  support of the value shown then.
- `QuerySet.update()` bypasses signals: the one update of a cited field outside a save
  (the contest admin lifting `delegates_at_stake` while results are written) is put back
  by the contest's own save in the same request, which settles its citations.

`Citation.objects` has the current citations only, so pages, the API, JSON-LD, exports, the
provenance checks and report never see retired ones; `Citation.all_objects` has them too.
"""

import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.signals import post_save
from django.utils import timezone

from .dates import DatePrecision

_PARTIAL = {DatePrecision.YEAR: 4, DatePrecision.MONTH: 7}


def canonical(item, name: str) -> str | None:
    """The value of `item`'s field `name` as citations record it; "" when empty; None when
    the item has no such field. Works on historical models too (migrations)."""
    try:
        field = item._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if not getattr(field, "concrete", False):
        return None
    value = getattr(item, field.attname)
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(datetime.UTC)
        return value.isoformat()
    if isinstance(value, datetime.date):
        text = value.isoformat()
        precision = getattr(item, f"{name}_precision", "")
        return text[: _PARTIAL.get(precision, len(text))]
    return str(value)


def display(citation) -> str:
    """A citation's supported value as readers read it: "40", "Final", a party's name."""
    value = citation.supported_value
    if not citation.field_name or value == "":
        return value
    model = citation.content_type.model_class()
    try:
        field = model._meta.get_field(citation.field_name)
    except FieldDoesNotExist:
        return value
    if field.is_relation and field.related_model is not None:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else value
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return {"true": "yes", "false": "no"}.get(value, value)
    return value


def _followed(citation) -> bool:
    return bool(citation.field_name) and not citation.value_as_reported


def _cited_item(citation):
    item = getattr(citation, "_cited_item", None)
    if item is not None:
        return item
    if citation.content_type_id is None or citation.object_id is None:
        return None
    if not citation.target_model_allowed():
        return None
    model = ContentType.objects.get_for_id(citation.content_type_id).model_class()
    return model._base_manager.filter(pk=citation.object_id).first()


def _restorable(citation) -> bool:
    """Whether no current citation cites the same passage for the field (the unique
    constraint holds for current citations)."""
    from .models import Citation

    return not (
        Citation.objects.filter(
            content_type_id=citation.content_type_id,
            object_id=citation.object_id,
            field_name=citation.field_name,
            source_id=citation.source_id,
            pinpoint=citation.pinpoint,
        )
        .exclude(pk=citation.pk)
        .exists()
    )


def settle_citation(citation, item=None) -> bool:
    """Set `citation`'s supported value and whether it is current, against its item's
    field as it is now (`item`, or the citation's `_cited_item`, or the row as saved).
    Returns whether anything changed. Called by `Citation.save`."""
    if getattr(citation, "_settled", False):
        citation._settled = False
        return False
    before = (citation.supported_value, citation.retired_at)
    if not _followed(citation):
        # The whole item, or a differing value: it supports no value of a field.
        citation.supported_value, citation.retired_at = "", None
        return (citation.supported_value, citation.retired_at) != before
    item = item if item is not None else _cited_item(citation)
    value = None if item is None else canonical(item, citation.field_name)
    if value is None:
        return False
    adding = citation._state.adding
    repointed = adding or getattr(citation, "_loaded_support", None) != (citation.field_name, "")
    if repointed:
        # A new citation, or one an editor points at another field (or whose differing
        # value they cleared): it supports the value shown now.
        if not (adding and citation.supported_value):
            citation.supported_value = value
        if not adding:
            citation.retired_at = None
    if citation.retired_at is None and citation.supported_value != value:
        citation.retired_at = timezone.now()
    elif (
        citation.retired_at is not None
        and citation.supported_value == value
        and (citation.pk is None or _restorable(citation))
    ):
        citation.retired_at = None
    return (citation.supported_value, citation.retired_at) != before


def _label(item, name: str) -> str:
    return str(item._meta.get_field(name).verbose_name)


def _give_reason(citation, item, was_current: bool) -> None:
    """The change reason of a settled citation's history record."""
    value = canonical(item, citation.field_name)
    label = _label(item, citation.field_name)
    if was_current:
        citation._change_reason = (
            f"Retired: {label} changed to “{value}”; this supported “{citation.supported_value}”"
        )[:100]
    else:
        citation._change_reason = f"Current again: {label} is back to “{value}”"[:100]


def settle_item(item, citations) -> list:
    """Retire `citations` of `item` that no longer support their field's value and make
    current again those whose value it holds; each change saved with its history. Current
    ones are settled first, so a restored citation never meets a current one of the same
    passage. Returns the citations changed."""
    changed = []
    for citation in sorted(citations, key=lambda c: c.retired_at is not None):
        was_current = citation.retired_at is None
        if not settle_citation(citation, item):
            continue
        _give_reason(citation, item, was_current)
        user = getattr(item, "_history_user", None)
        if user is not None:
            citation._history_user = user
        citation._cited_item = item
        citation._settled = True
        citation.save()
        changed.append(citation)
        # A form saving a copy of this row in the same request takes the settled state
        # (newsroom.admin.CitationFormSet): the settlement is no other editor's change.
        item.__dict__.setdefault("_settled_citations", {})[citation.pk] = citation
    return changed


def settle_items(items, *, by=None) -> list:
    """`settle_item` for many items of one model written at once (`newsroom.bulk`, which
    sends no post-save): one query for their field citations, and the citations that change
    written in bulk, those retired before those made current again (the unique passage per
    field holds among current citations at every row). Returns the citations changed."""
    from . import bulk
    from .models import Citation

    if not items:
        return []
    by_pk = {item.pk: item for item in items}
    citations = (
        Citation.all_objects.filter(
            content_type=ContentType.objects.get_for_model(type(items[0])),
            object_id__in=list(by_pk),
        )
        .exclude(field_name="")
        .filter(value_as_reported="")
        .order_by("pk")
    )
    citations = list(citations)
    changed = []
    # Current ones first, written before the retired ones are looked at: a retired
    # citation of the same passage may then be made current again (`_restorable` reads the
    # rows as written).
    for was_current in (True, False):
        settled = []
        for citation in citations:
            if (citation.retired_at is None) != was_current:
                continue
            item = by_pk[citation.object_id]
            if not settle_citation(citation, item):
                continue
            _give_reason(citation, item, was_current)
            settled.append(citation)
        bulk.update(Citation, settled, ["supported_value", "retired_at"], by=by)
        changed += settled
    return changed


def follow_values(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """post_save of a model holding citations: its field citations follow its values."""
    from .models import Citation

    if raw or created or instance.pk is None:
        return
    citations = (
        Citation.all_objects.for_object(instance)
        .exclude(field_name="")
        .filter(value_as_reported="")
    )
    if update_fields is not None:
        names = set()
        for name in update_fields:
            try:
                names.add(instance._meta.get_field(name).name)
            except FieldDoesNotExist:
                names.update(f.name for f in instance._meta.concrete_fields if f.attname == name)
        citations = citations.filter(field_name__in=names)
    settle_item(instance, list(citations))


def retire_for_merge(duplicate, survivor) -> list:
    """Before a merge moves the duplicate's citations: those supporting a value the survivor
    does not hold are retired (the survivor's values are kept; the duplicate's stay in
    history), so they never clash with the survivor's current citations."""
    from .models import Citation

    citations = (
        Citation.all_objects.for_object(duplicate)
        .current()
        .exclude(field_name="")
        .filter(value_as_reported="")
    )
    retired = []
    for citation in citations:
        value = canonical(survivor, citation.field_name)
        if value is None or value == citation.supported_value:
            continue
        citation.retired_at = timezone.now()
        citation._change_reason = (
            f"Retired by a merge: “{survivor}” keeps “{value}”, this supported “"
            f"{citation.supported_value}”"
        )[:100]
        citation._settled = True
        citation.save()
        retired.append(citation)
    return retired


def connect() -> None:
    """Follow the values of every model registered as holding citations."""
    from .citations import registry

    for model in registry.citation_holders():
        post_save.connect(
            follow_values,
            sender=model,
            dispatch_uid=f"cited-values-{model._meta.label_lower}",
        )


def support_of(item, citations=None) -> list:
    """The citations that support `item` as it stands, current or retired: those of the
    whole item, those giving a differing value, and each field citation whose supported
    value is the value `item` holds. `item` may be an earlier version (a historical
    record's `instance`), whose sources were those of its values then. `citations`
    defaults to every citation of the item (one query)."""
    from .models import Citation

    if citations is None:
        citations = (
            Citation.all_objects.filter(
                content_type=ContentType.objects.get_for_model(type(item)), object_id=item.pk
            )
            .select_related("source__outlet")
            .order_by("field_name", "pk")
        )
    return [
        citation
        for citation in citations
        if not _followed(citation)
        or citation.supported_value == canonical(item, citation.field_name)
    ]


def record_supported_values(citation_model, model_of, *, batch: int = 2000) -> int:
    """Fill in the supported value of field citations written without one (before this
    rule existed, or by `bulk_create`, which skips `save()`) from their items' values now.
    `model_of(content_type_id)` gives the cited model (historical models in a migration).
    Returns how many were filled; memory holds one batch."""
    missing = citation_model._base_manager.exclude(field_name="").filter(
        value_as_reported="", supported_value=""
    )
    filled = 0
    for type_id in list(missing.values_list("content_type_id", flat=True).distinct()):
        model = model_of(type_id)
        if model is None:
            continue
        rows = missing.filter(content_type_id=type_id).order_by("pk")
        last = 0
        while chunk := list(rows.filter(pk__gt=last)[:batch]):
            last = chunk[-1].pk
            items = model._base_manager.in_bulk({row.object_id for row in chunk})
            changed = []
            for row in chunk:
                item = items.get(row.object_id)
                value = None if item is None else canonical(item, row.field_name)
                if value:
                    row.supported_value = value
                    changed.append(row)
            citation_model._base_manager.bulk_update(changed, ["supported_value"])
            filled += len(changed)
    return filled


def earlier_support(model, pk) -> list:
    """The retired citations of one item, newest first, with their sources: what supported
    each earlier value of its fields, and until when (the item's history page)."""
    from .citing import field_label
    from .models import Citation

    content_type = ContentType.objects.get_for_model(model)
    citations = list(
        Citation.all_objects.retired()
        .filter(content_type=content_type, object_id=pk)
        .select_related("source__outlet", "content_type")
        .order_by("-retired_at", "field_name", "pk")
    )
    for citation in citations:
        citation.field_label = field_label(model, citation.field_name)
    return citations
