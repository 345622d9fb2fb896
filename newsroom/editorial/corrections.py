"""When a change to a public item needs a public correction note, and recording one.

Rules:
- Any change to a public item needs a *source of the change* (a URL or a note).
- A change to a public item of a model declared `corrected` (quotes, facts, contest facts,
  results) needs a correction record (type and public note): readers are told what changed
  and when.
- A change to a published number (a model's declared `number_fields`: votes, shares,
  delegates, ballots, reporting) is never silent: it needs the correction record, wherever
  the change is made.

Whether an item is public is newsroom.editorial.publishing.is_public; the policies are
declared on the models (newsroom.editorial.policy).
"""

from django.contrib.contenttypes.models import ContentType

from .policy import policy_of
from .records import Correction

#: Fields whose change is bookkeeping, not content.
NOT_CONTENT = {"status", "publish_at", "editor_note", "position", "locked_fields", "version"}

#: Fields never shown to readers: a correction neither stores nor shows their values.
PRIVATE_FIELDS = NOT_CONTENT | {
    "internal_note",
    "article_text",
    "check_override_reason",
    "check_overridden_by",
    "check_overridden_at",
    "entered_by",
    "confirmed_by",
    "retracted_by",
    "imported_by",
    "created_by",
}


def has_number_fields(instance) -> bool:
    """Whether the model declares numbers readers rely on (`EditorialPolicy.number_fields`)."""
    return bool(policy_of(instance).number_fields)


def content_changes(changed_fields) -> set[str]:
    return set(changed_fields) - NOT_CONTENT


def numbers_changed(instance, changed_fields) -> set[str]:
    return set(policy_of(instance).number_fields) & set(changed_fields)


def correction_required(instance, changed_fields, public: bool) -> str:
    """Why a correction record is required for this change, or "" if it is not."""
    if not public or not content_changes(changed_fields):
        return ""
    numbers = numbers_changed(instance, changed_fields)
    if numbers:
        labels = ", ".join(
            sorted(str(instance._meta.get_field(name).verbose_name) for name in numbers)
        )
        return (
            f"Published numbers changed ({labels}): record the change as a correction or "
            "update with a public note; silent changes are not allowed."
        )
    if policy_of(instance).corrected:
        return (
            f"This {instance._meta.verbose_name} is published: record the change as a "
            "correction, clarification, update or retraction with a public note."
        )
    return ""


def is_public_field(key: str) -> bool:
    """Whether a recorded change may be shown; `key` is a field name, or "row: field name"
    for a change to an inline row."""
    return key.rsplit(": ", 1)[-1] not in PRIVATE_FIELDS


def record(item, kind: str, note: str, changes: dict, user=None) -> Correction:
    """The public record of a change to `item`; values of private fields are left out."""
    correction = build(item, kind, note, changes, user)
    correction.save()
    return correction


def build(item, kind: str, note: str, changes: dict, user=None, *, public=None) -> Correction:
    """`record`'s correction, unsaved: for writers that save many at once (what readers
    see of the item is taken now, as `Correction.save()` would; `public`: whether they see
    it, when the writer has asked already)."""
    from .public import as_readers_see

    subject, url = as_readers_see(item, public=public)
    return Correction(
        subject=subject,
        url=url,
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        kind=kind,
        note=note.strip(),
        changes={key: change for key, change in changes.items() if is_public_field(key)},
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )


def display(value) -> str:
    if value is None or value == "":
        return ""
    return str(value)
