"""Optimistic locking: the `version` every save raises (`Versioned`), the refusal of a save
from an older copy (`ConcurrentEditError`), and what someone else changed since a given
version, read from the item's history (for the editor whose save was refused)."""

import itertools

from django.db import models, router, transaction
from django.utils import timezone

from ..constraints import ConstraintErrorsOnFields
from ..text import DirectionSafeText


class ConcurrentEditError(Exception):
    """A save based on a version of the row that someone else has since replaced."""

    def __init__(self, instance, expected_version: int):
        self.instance = instance
        self.expected_version = expected_version
        super().__init__(
            f"{instance._meta.verbose_name} {instance.pk} was changed by someone else "
            f"after version {expected_version} was loaded; nothing was saved."
        )


class Versioned(ConstraintErrorsOnFields, DirectionSafeText):
    """Optimistic locking: every save raises `version` by one, and only from the version the
    saving copy was loaded at. A save from an older copy raises ConcurrentEditError and
    writes nothing, so one editor can never overwrite another's edit unseen. (Every
    versioned model is one readers may see: its one-line texts are direction-safe too.)

    Forms carry the version the editor opened (see newsroom.editorial.forms) and put it on
    the instance before saving; the check-and-raise is one conditional UPDATE, so it holds
    between processes and on both databases. Bulk `update()` calls bypass it on purpose
    (imports lock their rows themselves).
    """

    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Raised by one on every save; a save from an older version is refused.",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding or self.pk is None:
            return super().save(*args, **kwargs)
        # Where Django's own save will write (never a read replica the row came from).
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        expected = self.version
        with transaction.atomic(using=using):
            rows = type(self)._base_manager.using(using).filter(pk=self.pk)
            bumped = rows.filter(version=expected).update(version=expected + 1)
            if not bumped and rows.exists():
                raise ConcurrentEditError(self, expected)
            if bumped:
                self.version = expected + 1
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
            try:
                return super().save(*args, **kwargs)
            except BaseException:
                self.version = expected
                raise


def changes_since(instance, loaded_version: int) -> list[dict]:
    """The saves made to `instance` after `loaded_version`, oldest first:
    [{"user": str, "at": datetime, "changes": [(label, old, new), ...]}]."""
    history = getattr(type(instance), "history", None)
    if history is None or instance.pk is None:
        return []
    records = list(
        history.model.objects.filter(
            **{instance._meta.pk.attname: instance.pk}, version__gte=loaded_version
        )
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    saves = []
    if records and records[0].version > loaded_version:
        # The version the editor opened is not in the history (written by a bulk update
        # or before history was kept): name who saved next, without a field diff.
        saves.append(_save(records[0], None))
    for previous, record in itertools.pairwise(records):
        if record.version > loaded_version:
            saves.append(_save(record, previous))
    return saves


def _save(record, previous) -> dict:
    changes = []
    if previous is not None:
        delta = record.diff_against(
            previous, excluded_fields=["version", "updated_at"], foreign_keys_are_objs=True
        )
        changes = [
            (_label(record, change.field), *_values(record, change)) for change in delta.changes
        ]
    return {
        "user": _who(record.history_user),
        "at": timezone.localtime(record.history_date),
        "changes": changes,
        "comment": record.history_change_reason or "",
        **({} if previous is not None else {"note": "changes not in the history"}),
    }


def _values(record, change) -> tuple:
    try:
        field = record.instance_type._meta.get_field(change.field)
    except Exception:
        return change.old, change.new
    if field.choices:
        labels = {str(value): label for value, label in field.flatchoices}
        return (
            labels.get(str(change.old), change.old),
            labels.get(str(change.new), change.new),
        )
    return change.old, change.new


def describe_conflict(instance, loaded_version: int) -> str:
    noun = instance._meta.verbose_name
    saves = describe_saves(instance, loaded_version)
    if not saves:
        return (
            f"Someone else saved this {noun} after you opened it (your copy is version "
            f"{loaded_version}, the current one is {_current(instance)}). Nothing was saved: "
            "open the current version and apply your changes again."
        )
    return (
        f"This {noun} was changed by someone else while you were editing it, so your "
        f"changes were not saved and theirs were kept. Their changes: {saves}. Your input "
        "is still in the form below: open the current version in a new tab and apply your "
        "changes there."
    )


def describe_stale_delete(instance, loaded_version: int) -> str:
    noun = instance._meta.verbose_name
    saves = describe_saves(instance, loaded_version) or "changes not in its history"
    return (
        f"This {noun} was not deleted: someone changed it after this page was shown "
        f"({saves}). Look at the current version, then confirm again if it should still go."
    )


def describe_deleted_row(model, pk) -> str:
    """A row of an inline that was on the editor's page is gone: who deleted it, when."""
    noun = model._meta.verbose_name
    history = getattr(model, "history", None)
    record = None
    if history is not None:
        record = (
            history.model.objects.filter(**{model._meta.pk.attname: pk}, history_type="-")
            .select_related("history_user")
            .order_by("-history_date")
            .first()
        )
    by = (
        f"{_who(record.history_user)} deleted “{_show(record.instance)}” at "
        f"{timezone.localtime(record.history_date):%H:%M:%S on %Y-%m-%d}"
        if record is not None
        else f"someone deleted {noun} {pk}"
    )
    return (
        f"A {noun} row on this page is gone: {by}, after you opened the page. Nothing was "
        "saved. Your input is still in the form below: open the page again in a new tab and "
        "apply your changes there."
    )


def describe_saves(instance, loaded_version: int) -> str:
    """'Who at when (“comment”): label: old → new; …' for each save since the version."""
    parts = []
    for save in changes_since(instance, loaded_version):
        changed = "; ".join(
            f"{label}: {_show(old)} → {_show(new)}" for label, old, new in save["changes"]
        ) or save.get("note", "no field changes")
        comment = f" (“{save['comment']}”)" if save["comment"] else ""
        parts.append(f"{save['user']} at {save['at']:%H:%M:%S on %Y-%m-%d}{comment}: {changed}")
    return " | ".join(parts)


def _current(instance) -> int | str:
    row = type(instance)._base_manager.filter(pk=instance.pk).values_list("version", flat=True)
    return row.first() or "gone"


def _who(user) -> str:
    if user is None:
        return "Someone (a script or an import)"
    return user.get_full_name() or user.get_username()


def _label(record, field_name: str) -> str:
    try:
        return str(record.instance_type._meta.get_field(field_name).verbose_name)
    except Exception:
        return field_name


def _show(value) -> str:
    if value in (None, ""):
        return "(empty)"
    text = str(value)
    return text if len(text) <= 80 else f"{text[:79]}…"
