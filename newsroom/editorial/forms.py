"""Admin forms of the editorial desk.

`VersionedModelForm` carries the version of the item the editor opened and refuses to save
over a newer one (optimistic locking; the model's own save makes the final, atomic check).
`EditorialForm` adds the change note: a comment and the source of the change (required when
a public item changes), and the public correction record (type and note), required where
newsroom.editorial.corrections says so.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction

from ..editorial_models import Correction
from . import corrections
from .locking import describe_conflict

#: Form fields that describe the change rather than the item.
EDITORIAL_FIELDS = ("edit_version", "change_comment", "change_source")
CORRECTION_FIELDS = ("correction_kind", "correction_note")
ALL_EDITORIAL_FIELDS = (*EDITORIAL_FIELDS, *CORRECTION_FIELDS)

SOURCE_REQUIRED = (
    "This item is public: give the source of this change (a URL or a note on where the new "
    "information comes from)."
)


class VersionField(forms.IntegerField):
    """The version the editor opened. Never counts as a change of the form."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data):
        return False


class VersionedModelForm(forms.ModelForm):
    edit_version = VersionField(required=False, min_value=1)

    #: A main form checks even when unchanged (saving it writes the row); an inline row is
    #: only written, and so only checked, when it changed.
    check_unchanged = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and hasattr(self.instance, "version"):
            self.fields["edit_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        self.editorial_changes = self.describe_changes()
        if self.check_unchanged or self.has_changed() or self._marked_for_deletion():
            self.check_version(cleaned.get("edit_version"))
        return cleaned

    def _marked_for_deletion(self) -> bool:
        return bool(self.cleaned_data.get("DELETE"))

    def content_changed_fields(self) -> set[str]:
        model_fields = {field.name for field in self.instance._meta.get_fields()}
        return corrections.content_changes(
            name for name in self.changed_data if name in model_fields
        )

    def describe_changes(self) -> dict:
        """{field: {"label", "from", "to"}} for the content fields this form changes.
        Called from clean(), while the instance still holds the saved values."""
        changes = {}
        if self.instance.pk is None:
            return changes
        for name in sorted(self.content_changed_fields()):
            field = self.instance._meta.get_field(name)
            changes[name] = {
                "label": str(field.verbose_name),
                "from": corrections.display(getattr(self.instance, name, None)),
                "to": corrections.display(self.cleaned_data.get(name)),
            }
        return changes

    def check_version(self, loaded):
        instance = self.instance
        if instance.pk is None or not hasattr(instance, "version"):
            return
        if loaded is None:
            raise ValidationError(
                "This form does not say which version you opened, so it cannot tell whether "
                "someone changed the item since. Reload the page and apply your changes again.",
                code="no_version",
            )
        rows = type(instance)._base_manager.filter(pk=instance.pk)
        if transaction.get_connection(rows.db).in_atomic_block:
            # On PostgreSQL the row stays locked until the admin's transaction commits, so
            # nobody can slip a save in between this check and ours.
            rows = rows.select_for_update()
        current = rows.values_list("version", flat=True).first()
        if current is not None and current != loaded:
            if not self.changes_saved_values():
                # Everything this form would write is what is saved now (an editor who only
                # changed inline rows, while someone saved the item): nothing can be lost.
                instance.version = current
                return
            raise ValidationError(describe_conflict(instance, loaded), code="conflict")
        instance.version = loaded

    def changes_saved_values(self) -> bool:
        """Whether saving this form would change or delete the row as it is saved now.
        Django compares the submitted values with the row loaded for this request."""
        if self._marked_for_deletion():
            return True
        return any(name not in ALL_EDITORIAL_FIELDS for name in self.changed_data)


class VersionedInlineForm(VersionedModelForm):
    check_unchanged = False


class EditorialForm(VersionedModelForm):
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
        self.was_public = corrections.is_public(instance)
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


class EditorialInlineFormSetMixin:
    """Inline rows of a public item follow the same rules as the item: the change note's
    source, and a correction record for changes to published numbers, quotes, facts and
    results. The note is given once, in the main form's “Change note” section."""

    def clean(self):
        super().clean()
        parent = self.instance
        if parent is None or parent.pk is None or not corrections.is_public(parent):
            return
        reasons = []
        changed_any = False
        for form in self.forms:
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
                corrections.is_public(form.instance)
                if form.instance.pk is not None
                else corrections.key(form.instance) in corrections.NUMBER_FIELDS
            )
            reason = corrections.correction_required(form.instance, changed, row_public)
            if reason:
                reasons.append(reason)
        if not changed_any:
            return
        data = self.data
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
