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
from django.forms.models import model_to_dict

from ..text import clean_text_values
from . import corrections
from .locking import describe_conflict, describe_deleted_row
from .publishing import is_public
from .records import Correction

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

    #: The version the editor's page was showing, once the submitted form says so.
    opened_version: int | None = None
    #: Why this form may not be saved over the row as it is now, if it may not.
    version_error: ValidationError | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and hasattr(self.instance, "version"):
            self.fields["edit_version"].initial = self.instance.version
            self.compare_with_opened_version()

    def compare_with_opened_version(self):
        """Make `changed_data` mean "changed by this editor".

        Django compares what is submitted with the row as saved now. When someone saved the
        row after this editor opened it, every field they changed would look changed here
        too (back to what this editor saw), so the values this editor opened are taken from
        the row's history instead. Without that history version, the saved row stands in,
        which only ever makes a change, and so a refusal, more likely.
        """
        if not self.is_bound:
            return
        try:
            opened = int(self.data.get(self.add_prefix("edit_version"), ""))
        except (TypeError, ValueError):
            return
        self.opened_version = opened
        if opened == self.instance.version:
            return
        values = values_at_version(self.instance, opened, self._model_field_names())
        if values is not None:
            self.initial.update(values)

    def _model_field_names(self) -> list[str]:
        concrete = {field.name for field in self.instance._meta.concrete_fields}
        return [name for name in self.fields if name in concrete]

    def clean(self):
        cleaned = super().clean()
        clean_text_values(self._meta.model, cleaned)
        self.editorial_changes = self.describe_changes()
        if self.check_unchanged or self.has_changed() or self._marked_for_deletion():
            self.check_version(cleaned.get("edit_version"))
        elif self.opened_version not in (None, self.instance.version):
            self.keep_saved_values()
        return cleaned

    def keep_saved_values(self):
        """This form changes nothing: what it would write is the row as saved now, not the
        (perhaps older) values the editor's page held."""
        for name in self._model_field_names():
            if name in self.cleaned_data:
                self.cleaned_data[name] = getattr(self.instance, name)

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
            self.version_error = ValidationError(
                "This form does not say which version you opened, so it cannot tell whether "
                "someone changed the item since. Reload the page and apply your changes again.",
                code="no_version",
            )
            raise self.version_error
        rows = type(instance)._base_manager.filter(pk=instance.pk)
        if transaction.get_connection(rows.db).in_atomic_block:
            # On PostgreSQL the row stays locked until the admin's transaction commits, so
            # nobody can slip a save in between this check and ours.
            rows = rows.select_for_update()
        current = rows.values_list("version", flat=True).first()
        if current is not None and current != loaded:
            if not self.changes_saved_values():
                # This editor changed nothing here (only inline rows, say) while someone
                # saved the item: write the item as it is saved now, so nothing is lost.
                self.keep_saved_values()
                instance.version = current
                return
            self.version_error = ValidationError(
                describe_conflict(instance, loaded), code="conflict"
            )
            raise self.version_error
        instance.version = loaded

    def changes_saved_values(self) -> bool:
        """Whether this editor changed or deleted anything of the row they opened."""
        if self._marked_for_deletion():
            return True
        return any(name not in ALL_EDITORIAL_FIELDS for name in self.changed_data)


def values_at_version(instance, version: int, names) -> dict | None:
    """The form values of `instance` as it was at `version`, from its history; None when
    the history does not hold that version."""
    history = getattr(type(instance), "history", None)
    if history is None:
        return None
    record = (
        history.model.objects.filter(**{instance._meta.pk.attname: instance.pk}, version=version)
        .order_by("-history_date", "-history_id")
        .first()
    )
    if record is None:
        return None
    return model_to_dict(record.instance, fields=list(names))


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


class EditorialInlineFormSetMixin:
    """Inline rows of a public item follow the same rules as the item: the change note's
    source, and a correction record for changes to published numbers, quotes, facts and
    results. The note is given once, in the main form's “Change note” section."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if (
            self.is_bound
            and i < self.initial_form_count()
            and form.instance.pk is None
            and not getattr(self, "save_as_new", False)
        ):
            # The page showed this row, but it is no longer saved: someone deleted it.
            form.deleted_meanwhile = self.data.get(f"{form.prefix}-{self.model._meta.pk.name}")
        return form

    def clean(self):
        super().clean()
        self.refuse_stale_deletions()
        self.refuse_rows_deleted_meanwhile()
        parent = self.instance
        if parent is None or parent.pk is None or not is_public(parent):
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
                is_public(form.instance)
                if form.instance.pk is not None
                else corrections.has_number_fields(form.instance)
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

    def refuse_stale_deletions(self):
        """A formset ignores the errors of rows marked for deletion, so a row someone
        changed since this editor opened it would be deleted unseen; refuse the save."""
        if not self.can_delete:
            return
        errors = [
            form.version_error
            for form in self.forms
            if getattr(form, "version_error", None) and self._should_delete_form(form)
        ]
        if errors:
            raise ValidationError(errors)

    def refuse_rows_deleted_meanwhile(self):
        errors = [
            describe_deleted_row(self.model, form.deleted_meanwhile)
            for form in self.forms
            if getattr(form, "deleted_meanwhile", None)
            and not (self.can_delete and self._should_delete_form(form))
        ]
        if errors:
            raise ValidationError(errors)
