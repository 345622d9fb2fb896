"""What someone else changed since a given version, read from the item's history."""

import itertools

from django.utils import timezone


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
    for previous, record in itertools.pairwise(records):
        if record.version <= loaded_version:
            continue
        delta = record.diff_against(previous, excluded_fields=["version", "updated_at"])
        saves.append(
            {
                "user": _who(record.history_user),
                "at": timezone.localtime(record.history_date),
                "changes": [
                    (_label(instance, change.field), change.old, change.new)
                    for change in delta.changes
                ],
                "comment": record.history_change_reason or "",
            }
        )
    return saves


def describe_conflict(instance, loaded_version: int) -> str:
    saves = changes_since(instance, loaded_version)
    noun = instance._meta.verbose_name
    if not saves:
        return (
            f"Someone else saved this {noun} after you opened it (your copy is version "
            f"{loaded_version}, the current one is {_current(instance)}). Nothing was saved: "
            "open the current version and apply your changes again."
        )
    parts = []
    for save in saves:
        changed = (
            "; ".join(
                f"{label}: {_show(old)} → {_show(new)}" for label, old, new in save["changes"]
            )
            or "no field changes"
        )
        comment = f" (“{save['comment']}”)" if save["comment"] else ""
        parts.append(f"{save['user']} at {save['at']:%H:%M:%S on %Y-%m-%d}{comment}: {changed}")
    return (
        f"This {noun} was changed by someone else while you were editing it, so your "
        "changes were not saved and theirs were kept. Their changes: "
        + " | ".join(parts)
        + ". Your input is still in the form below: open the current version in a new tab "
        "and apply your changes there."
    )


def _current(instance) -> int | str:
    row = type(instance)._base_manager.filter(pk=instance.pk).values_list("version", flat=True)
    return row.first() or "gone"


def _who(user) -> str:
    if user is None:
        return "Someone (a script or an import)"
    return user.get_full_name() or user.get_username()


def _label(instance, field_name: str) -> str:
    try:
        return str(instance._meta.get_field(field_name).verbose_name)
    except Exception:
        return field_name


def _show(value) -> str:
    if value in (None, ""):
        return "(empty)"
    text = str(value)
    return text if len(text) <= 80 else f"{text[:79]}…"
