"""Optimistic locking in the admin: a save or a delete made from a page older than the row
is refused with what changed meanwhile.

`VersionedModelForm` carries the version of the item the editor opened and refuses to save
over a newer one (the model's own save makes the final, atomic check). The row checks below
hold an inline's rows to the same rule, and `OptimisticLocking` does it for the change
form's last instant and for the delete confirmation. What changed meanwhile is read from the
history by newsroom.editorial.locking.
"""

import re

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.http import HttpResponseRedirect

from ...text import clean_text_values
from .. import corrections
from ..locking import (
    ConcurrentEditError,
    describe_conflict,
    describe_deleted_row,
    describe_stale_delete,
)


class VersionField(forms.IntegerField):
    """The version the editor opened. Never counts as a change of the form."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data):
        return False


class VersionedModelForm(forms.ModelForm):
    edit_version = VersionField(required=False, min_value=1)

    #: Form fields that describe the change rather than the item: changing them changes
    #: nothing of the row.
    change_fields: tuple[str, ...] = ("edit_version",)

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
        return any(name not in self.change_fields for name in self.changed_data)


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


# An inline's rows (called by newsroom.editorial.admin.forms.EditorialFormSetMixin).


def note_row_deleted_meanwhile(formset, form, index: int) -> None:
    """The page showed this row, but it is no longer saved: someone deleted it."""
    if (
        formset.is_bound
        and index < formset.initial_form_count()
        and form.instance.pk is None
        and not getattr(formset, "save_as_new", False)
    ):
        form.deleted_meanwhile = formset.data.get(f"{form.prefix}-{formset.model._meta.pk.name}")


def refuse_stale_deletions(formset) -> None:
    """A formset ignores the errors of rows marked for deletion, so a row someone changed
    since this editor opened it would be deleted unseen; refuse the save."""
    if not formset.can_delete:
        return
    errors = [
        form.version_error
        for form in formset.forms
        if getattr(form, "version_error", None) and formset._should_delete_form(form)
    ]
    if errors:
        raise ValidationError(errors)


def refuse_rows_deleted_meanwhile(formset) -> None:
    errors = [
        describe_deleted_row(formset.model, form.deleted_meanwhile)
        for form in formset.forms
        if getattr(form, "deleted_meanwhile", None)
        and not (formset.can_delete and formset._should_delete_form(form))
    ]
    if errors:
        raise ValidationError(errors)


class OptimisticLocking:
    """The admin's part: the change form's last instant, and the delete confirmation."""

    def __init__(self, model_admin):
        self.model_admin = model_admin

    def show_change_form(self, request, show):
        """`show()` (the change form's view), once more if a save slipped in before ours."""
        try:
            return show()
        except ConcurrentEditError:
            # The form's check passed, but another save landed in the instant before ours
            # (SQLite has no row locks). Nothing of this request was written: show the form
            # again, whose check now sees that save and says what it changed, with this
            # editor's input kept.
            pass
        try:
            return show()
        except ConcurrentEditError as error:
            messages.error(
                request,
                f"{error} Someone saved this {error.instance._meta.verbose_name} a moment "
                "before you: open it again to see their version, then apply your changes.",
            )
            return HttpResponseRedirect(request.get_full_path())

    def refuse_stale_delete(self, request, object_id) -> HttpResponseRedirect | None:
        """The redirect back, with why, when the confirmation page showed an older version."""
        if request.method != "POST" or "edit_version" not in request.POST:
            return None
        obj = self.model_admin.get_object(request, unquote(object_id))
        shown = request.POST["edit_version"]
        if obj is None or not hasattr(obj, "version") or shown == str(obj.version):
            return None
        # "²" passes isdigit() and 5,000 digits pass it too; int() refuses both.
        opened = int(shown) if re.fullmatch(r"[0-9]{1,18}", shown) else 0
        messages.error(request, describe_stale_delete(obj, opened))
        return HttpResponseRedirect(request.get_full_path())

    @staticmethod
    def inline_fields(fields) -> list[str]:
        """An inline's fields, with the version each row was shown at."""
        fields = list(fields)
        if "edit_version" not in fields:
            fields.append("edit_version")
        return fields
