"""The change note in the admin: a comment and the source of the change (required when a
public item changes), and the public correction record (type and note), required where
newsroom.editorial.corrections says so.

`ChangeNoteForm` holds the note's fields and rules for the item's own form, `check_rows`
the same rules for an inline's rows (the note is given once, in the main form's “Change
note” section), and `ChangeNotes` puts the section on the page, hands the note to every
instance the request saves, and records the public correction.
"""

from django import forms
from django.core.exceptions import ValidationError

from .. import corrections, removals
from ..publishing import is_public
from ..records import Correction
from .locking import VersionedModelForm

NOTE_FIELDS = ("change_comment", "change_source")
CORRECTION_FIELDS = ("correction_kind", "correction_note")
#: Form fields that describe the change rather than the item.
ALL_EDITORIAL_FIELDS = ("edit_version", *NOTE_FIELDS, *CORRECTION_FIELDS)

CHANGE_NOTE_HELP = (
    "Kept in the item's history. When a published item changes, the source is required; "
    "changes to published quotes, facts, results and numbers also need a public record."
)
SOURCE_REQUIRED = (
    "This item is public: give the source of this change (a URL or a note on where the new "
    "information comes from)."
)


class ChangeNoteForm(VersionedModelForm):
    change_fields = ALL_EDITORIAL_FIELDS

    change_comment = forms.CharField(
        label="Change comment",
        required=False,
        max_length=100,
        help_text="What you changed and why, in a few words; kept in the history.",
    )
    change_source = forms.CharField(
        label="Source of this change",
        required=False,
        max_length=500,
        help_text="A URL or a note on where the new information comes from. Required when a "
        "published item changes.",
    )
    correction_kind = forms.ChoiceField(
        label="Public record",
        required=False,
        choices=[("", "None (no public note)"), *Correction.Kind.choices],
        help_text="Required when a published quote, fact or result changes, and for any "
        "change to published numbers.",
    )
    correction_note = forms.CharField(
        label="Public note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="Readers see it under “Corrections and updates”, with today's date.",
    )

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        changed = self.content_changed_fields()
        self.was_public = is_public(instance)
        kind = cleaned.get("correction_kind") or ""
        note = (cleaned.get("correction_note") or "").strip()
        cleaned["correction_note"] = note
        if self.was_public and changed and not (cleaned.get("change_source") or "").strip():
            self.add_error("change_source", SOURCE_REQUIRED)
        reason = corrections.correction_required(instance, changed, self.was_public)
        if reason and not kind:
            self.add_error("correction_kind", reason)
        if (reason or kind) and not note:
            self.add_error("correction_note", "Write the public note readers will see.")
        if note and not kind:
            self.add_error("correction_kind", "Choose the type of this public record.")
        if kind and not self.was_public and instance.pk is not None:
            self.add_error(
                "correction_kind",
                "This item is not public, so there is nothing to correct in public: leave "
                "the public record empty (the history keeps the change).",
            )
        return cleaned


def check_rows(formset) -> None:
    """Inline rows of a public item follow the same rules as the item: the change note's
    source, and a correction record for changes to published numbers, quotes, facts and
    results, asked for in the main form's “Change note” section. Deleting a row readers
    see on a page of its own needs the section's public note (newsroom.editorial.removals)."""
    check_deleted_rows(formset)
    parent = formset.instance
    if parent is None or parent.pk is None or not is_public(parent):
        return
    reasons = []
    changed_any = False
    for form in formset.forms:
        if not hasattr(form, "cleaned_data") or not form.has_changed():
            continue
        changed = (
            form.content_changed_fields()
            if hasattr(form, "content_changed_fields")
            else set(form.changed_data)
        )
        if not changed:
            continue
        changed_any = True
        row_public = (
            is_public(form.instance)
            if form.instance.pk is not None
            else corrections.has_number_fields(form.instance)
        )
        reason = corrections.correction_required(form.instance, changed, row_public)
        if reason:
            reasons.append(reason)
    if not changed_any:
        return
    data = formset.data
    errors = []
    if not data.get("change_source", "").strip():
        errors.append(SOURCE_REQUIRED + " (Change note section, below.)")
    if reasons and not (
        data.get("correction_kind", "").strip() and data.get("correction_note", "").strip()
    ):
        errors.append(
            reasons[0] + " Fill in “Public record” and “Public note” in the Change note "
            "section below."
        )
    if errors:
        raise ValidationError(errors)


def check_deleted_rows(formset) -> None:
    deleted = [form.instance for form in formset.deleted_forms if form.instance.pk is not None]
    if not deleted or formset.data.get("correction_note", "").strip():
        return
    public = removals.removed_from_site(deleted)
    if public:
        raise ValidationError(
            f"{removals.NoteRequired(public[0])} Fill in “Public record” and “Public note” "
            "in the Change note section below."
        )


class ChangeNotes:
    """The admin's part: the “Change note” section, the note on every saved instance, and
    the public correction record."""

    def __init__(self, model_admin):
        self.model_admin = model_admin

    @staticmethod
    def fieldsets(fieldsets, obj) -> list:
        """The item's fieldsets without the note's fields, then the “Change note” section."""
        kept = []
        for name, options in fieldsets:
            fields = _strip(options.get("fields", ()), ALL_EDITORIAL_FIELDS)
            if fields:
                kept.append((name, {**options, "fields": fields}))
        note = list(NOTE_FIELDS)
        if obj is not None:
            note = ["edit_version", *note, *CORRECTION_FIELDS]
        # "change-note": part of saving, so form-tabs.js keeps it in sight under every tab.
        kept.append(
            (
                "Change note",
                {"fields": note, "description": CHANGE_NOTE_HELP, "classes": ["change-note"]},
            )
        )
        return kept

    @staticmethod
    def annotate(instance, form) -> None:
        """The note travels with every instance written by this request."""
        data = getattr(form, "cleaned_data", {})
        instance._change_reason = (data.get("change_comment") or "").strip() or None
        instance._change_source = (data.get("change_source") or "").strip()

    def annotate_rows(self, form, formset) -> None:
        for row in formset.forms:
            self.annotate(row.instance, form)

    @staticmethod
    def record_correction(request, form, formsets):
        kind = form.cleaned_data.get("correction_kind")
        note = form.cleaned_data.get("correction_note")
        if not (kind and note):
            return None
        changes = dict(getattr(form, "editorial_changes", {}))
        for formset in formsets:
            for row in formset.forms:
                for name, change in getattr(row, "editorial_changes", {}).items():
                    changes[f"{row.instance}: {name}"] = {
                        **change,
                        "label": f"{row.instance}: {change['label']}",
                    }
        return corrections.record(form.instance, kind, note, changes, request.user)


def _strip(fields, names):
    kept = []
    for entry in fields:
        if isinstance(entry, (list, tuple)):
            line = [name for name in entry if name not in names]
            if line:
                kept.append(tuple(line) if isinstance(entry, tuple) else line)
        elif entry not in names:
            kept.append(entry)
    return kept
