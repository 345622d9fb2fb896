"""The admin base of every editable model: optimistic locking, the change note, and public
corrections. `EditorialAdmin` (admin.py) adds workflow, history and collaboration."""

import re

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from . import corrections
from .forms import (
    ALL_EDITORIAL_FIELDS,
    CORRECTION_FIELDS,
    EditorialForm,
    EditorialInlineFormSetMixin,
    VersionedInlineForm,
    VersionedModelForm,
)
from .locking import ConcurrentEditError, describe_stale_delete

CHANGE_NOTE_HELP = (
    "Kept in the item's history. When a published item changes, the source is required; "
    "changes to published quotes, facts, results and numbers also need a public record."
)


def _with_base(form_class, base):
    if issubclass(form_class, base):
        return form_class
    # The base goes first: Django's form and formset classes end their clean() chains
    # without calling super(), so a base placed after them would never run.
    return type(form_class.__name__, (base, form_class), {"__module__": form_class.__module__})


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


class BaseEditorialAdmin(SimpleHistoryAdmin):
    form = EditorialForm
    change_form_template = "admin/editorial/change_form.html"
    delete_confirmation_template = "admin/editorial/delete_confirmation.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = _with_base(kwargs.get("form") or self.form, EditorialForm)
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            fields = _strip(options.get("fields", ()), ALL_EDITORIAL_FIELDS)
            if fields:
                fieldsets.append((name, {**options, "fields": fields}))
        note = ["change_comment", "change_source"]
        if obj is not None:
            note = ["edit_version", *note, *CORRECTION_FIELDS]
        fieldsets.append(("Change note", {"fields": note, "description": CHANGE_NOTE_HELP}))
        return fieldsets

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ConcurrentEditError:
            # The form's check passed, but another save landed in the instant before ours
            # (SQLite has no row locks). Nothing of this request was written: show the form
            # again, whose check now sees that save and says what it changed, with this
            # editor's input kept.
            pass
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ConcurrentEditError as error:
            messages.error(
                request,
                f"{error} Someone saved this {error.instance._meta.verbose_name} a moment "
                "before you: open it again to see their version, then apply your changes.",
            )
            return HttpResponseRedirect(request.get_full_path())

    def delete_view(self, request, object_id, extra_context=None):
        if request.method == "POST" and "edit_version" in request.POST:
            obj = self.get_object(request, unquote(object_id))
            shown = request.POST["edit_version"]
            if obj is not None and hasattr(obj, "version") and shown != str(obj.version):
                # "²" passes isdigit() and 5,000 digits pass it too; int() refuses both.
                opened = int(shown) if re.fullmatch(r"[0-9]{1,18}", shown) else 0
                messages.error(request, describe_stale_delete(obj, opened))
                return HttpResponseRedirect(request.get_full_path())
        return super().delete_view(request, object_id, extra_context)

    # Saving: the change note travels with every instance written by this request.

    @staticmethod
    def annotate(instance, form):
        data = getattr(form, "cleaned_data", {})
        instance._change_reason = (data.get("change_comment") or "").strip() or None
        instance._change_source = (data.get("change_source") or "").strip()

    def save_model(self, request, obj, form, change):
        self.annotate(obj, form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for row in formset.forms:
            self.annotate(row.instance, form)
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.record_correction(request, form, formsets)

    def record_correction(self, request, form, formsets):
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


class EditorialInlineMixin:
    """For every inline of an editable model: version-checked rows, same change rules."""

    form = VersionedInlineForm

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["form"] = _with_base(kwargs.get("form") or self.form, VersionedModelForm)
        formset = super().get_formset(request, obj, **kwargs)
        return _with_base(formset, EditorialInlineFormSetMixin)

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if "edit_version" not in fields:
            fields.append("edit_version")
        return fields
