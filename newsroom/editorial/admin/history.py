"""History in the admin: each version with its diff, and revert.

History page (simple-history's history_view, our templates): for every version, who saved
it, when, the change comment and the source of the change, the fields it changed (old →
new), and the public permalink when readers saw that version.

Revert (simple-history's history_form_view, replaced): the page for one version shows what
reverting would change, field by field (current → that version), and a Change note form.
Reverting is an ordinary, recorded edit of the current item, under the same rules:

- it needs the site-wide permission newsroom.revert_content (held by roles, see
  newsroom.editorial.roles) and the change permission on the item;
- it carries the version the editor looked at: if someone saved the item since, the revert
  is refused with what they changed (the optimistic lock of locking.py), so a revert made
  from a stale page never overwrites a newer edit;
- its content goes through the item's own form (validation, unique fields), with the values
  taken from the history on the server, never from the request;
- on a public item it needs a source, and a public correction record where a change to the
  item would (published quotes, facts, results, numbers), as any edit does;
- it is saved as a new version whose change comment starts "Reverted to version N".

The publication status and scheduled time are not reverted: publishing and unpublishing
belong to the workflow and its permissions, so a revert can never publish a draft or
unpublish an item. Inline rows (a contest's results, a source's contributors) have their
own history and are reverted on their own pages. Deleted items are shown, not restored.

`VersionHistory` is the admin's part: EditorialAdmin's history hooks hand it their work.
"""

import dataclasses
import itertools

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.forms.models import model_to_dict
from django.http import Http404, HttpResponseRedirect, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from simple_history.models import ModelChange
from simple_history.template_utils import HistoricalRecordContextHelper

from ...cited_values import earlier_support
from .. import versions
from ..identifiers import identifiers_field
from ..locking import ConcurrentEditError
from .change_note import ALL_EDITORIAL_FIELDS

#: Bookkeeping fields left out of the diff.
NOT_DIFFED = ("version", "updated_at", "created_at")
#: Publication is the workflow's business: a revert keeps the current status and time.
NOT_REVERTED = {"status", "publish_at"}
REVERT_PERMISSION = "newsroom.revert_content"


def version_number(record) -> int:
    return getattr(record, "version", None) or record.history_id


def revert_reason(record, comment: str) -> str:
    reason = f"Reverted to version {version_number(record)}"
    if comment:
        reason = f"{reason}: {comment}"
    return reason if len(reason) <= 100 else f"{reason[:99]}…"


class VersionHistory:
    """The history page's permalinks and diffs, and the page of one version with its revert."""

    def __init__(self, model_admin):
        self.model_admin = model_admin
        self.model = model_admin.model

    # History page.

    def permalinks(self, object_id) -> dict[int, str]:
        label = self.model._meta.label_lower
        if not versions.has_permalinks(self.model):
            return {}
        try:
            pk = self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            return {}
        return {
            record.history_id: versions.permalink(label, record.history_id)
            for record in versions.Timeline().citable(self.model, pk)
        }

    @staticmethod
    def queryset(history_manager, pk_name, object_id):
        # simple-history's own calls select_related() with no names when the model has no
        # foreign keys, which Django 6 deprecates.
        related = [
            field.name
            for field in history_manager.model.tracked_fields
            if isinstance(field, models.ForeignKey)
        ]
        return history_manager.filter(**{pk_name: object_id}).select_related(
            "history_user", *related
        )

    def earlier_support(self, object_id) -> list:
        """The retired citations of the item: each source of an earlier value of a field,
        and until when it was shown (newsroom.cited_values)."""
        try:
            pk = self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            return []
        return earlier_support(self.model, pk)

    def set_delta_changes(self, historical_records, foreign_keys_are_objs=True) -> None:
        # simple-history diffs editable fields only; an item's identifiers are not edited on
        # its form but are its history all the same (newsroom.editorial.identifiers).
        identifiers = identifiers_field(self.model)
        for newer, older in itertools.pairwise(list(historical_records)):
            delta = newer.diff_against(
                older, excluded_fields=NOT_DIFFED, foreign_keys_are_objs=foreign_keys_are_objs
            )
            if identifiers is not None:
                was, now = (getattr(r, identifiers.attname) for r in (older, newer))
                if was != now:
                    change = ModelChange(identifiers.name, was, now)
                    delta = dataclasses.replace(
                        delta,
                        changes=[*delta.changes, change],
                        changed_fields=[*delta.changed_fields, identifiers.name],
                    )
            helper = HistoricalRecordContextHelper(self.model, newer)
            newer.history_delta_changes = helper.context_for_delta_changes(delta)

    def may_revert(self, request, obj) -> bool:
        return (
            obj is not None
            and obj.pk is not None
            and self.model._base_manager.filter(pk=obj.pk).exists()
            and request.user.has_perm(REVERT_PERMISSION)
            and self.model_admin.has_change_permission(request, obj)
        )

    # Revert.

    def version_view(self, request, object_id, version_id, extra_context=None):
        model_admin = self.model_admin
        request.current_app = model_admin.admin_site.name
        model = self.model
        opts = model._meta
        history = versions.history_model(model)
        try:
            record = history.objects.select_related("history_user").get(
                **{opts.pk.attname: unquote(object_id), "history_id": version_id}
            )
        except (history.DoesNotExist, ValueError, ValidationError) as missing:
            raise Http404("No such version.") from missing
        current = model_admin.get_object(request, unquote(object_id))
        shown = current if current is not None else record.instance
        if not model_admin.has_view_or_change_permission(request, shown):
            raise PermissionDenied
        may_revert = self.may_revert(request, current)
        if request.method == "POST" and not may_revert:
            raise PermissionDenied

        prefix = f"{model_admin.admin_site.name}:{opts.app_label}_{opts.model_name}"
        form, changes = None, []
        if current is not None:
            fields = self.revert_fields(request, current)
            changes = self.revert_changes(current, record.instance, fields)
            form_class = model_admin.get_form(
                request, current, change=True, fields=[*fields, *ALL_EDITORIAL_FIELDS]
            )
            if request.method == "POST" and not changes:
                messages.info(
                    request, "This version is the same as the current one: nothing was reverted."
                )
                return HttpResponseRedirect(reverse(f"{prefix}_history", args=(object_id,)))
            if request.method == "POST":
                try:
                    response = self.revert(request, form_class, current, record)
                except ConcurrentEditError as error:
                    messages.error(
                        request,
                        f"{error} Someone saved it a moment before you: nothing was reverted. "
                        "Look at the current version, then revert again if still needed.",
                    )
                    return HttpResponseRedirect(request.get_full_path())
                if isinstance(response, HttpResponseRedirect):
                    return response
                form = response
            else:
                form = form_class(
                    instance=current,
                    initial={"change_comment": revert_reason(record, "")},
                )
                form.fields[
                    "change_comment"
                ].help_text = (
                    f"Kept in the history, after “Reverted to version {version_number(record)}”."
                )

        context = {
            **model_admin.admin_site.each_context(request),
            "title": f"Version {version_number(record)} of {shown}",
            "record": record,
            "version_number": version_number(record),
            "original": shown,
            "object_id": object_id,
            "opts": opts,
            "app_label": opts.app_label,
            "current": current,
            "changes": changes,
            "form": form,
            "form_errors": _form_errors(form) if form is not None and form.is_bound else [],
            "may_revert": may_revert and bool(changes),
            "status_differs": current is not None
            and hasattr(record, "status")
            and record.status != current.status,
            "permalink": self.permalinks(object_id).get(record.history_id),
            "changelist_url": reverse(f"{prefix}_changelist"),
            "history_url": reverse(f"{prefix}_history", args=(object_id,)),
            "change_url": reverse(f"{prefix}_change", args=(object_id,))
            if current is not None
            else "",
            **(extra_context or {}),
        }
        return TemplateResponse(request, model_admin.object_history_form_template, context)

    def revert_fields(self, request, current) -> list[str]:
        """The item's own editable fields, as its change form has them (minus publication)."""
        base = self.model_admin.get_form(request, current, change=True).base_fields
        return [
            name
            for name in base
            if name not in ALL_EDITORIAL_FIELDS
            and name not in NOT_REVERTED
            and _is_model_field(self.model, name)
        ]

    def revert_changes(self, current, target, fields) -> list[tuple[str, str, str]]:
        changes = []
        for name in fields:
            field = self.model._meta.get_field(name)
            if field.many_to_many:
                continue
            if getattr(current, field.attname) != getattr(target, field.attname):
                changes.append(
                    (capfirst(str(field.verbose_name)), _show(current, field), _show(target, field))
                )
        return changes

    def revert(self, request, form_class, current, record):
        """Save the version as a new one; the redirect on success, else the bound form."""
        model_admin = self.model_admin
        data = _form_data(form_class, current, record.instance, request.POST)
        with transaction.atomic(using=router.db_for_write(self.model)):
            form = form_class(data, instance=current)
            if not form.is_valid():
                return form
            comment = (form.cleaned_data.get("change_comment") or "").strip()
            if comment.startswith(f"Reverted to version {version_number(record)}"):
                comment = ""
            form.cleaned_data["change_comment"] = revert_reason(record, comment)
            obj = model_admin.save_form(request, form, change=True)
            # The same steps as the change form (some admins save the item in save_related,
            # after its rows); save_related also records the public correction.
            model_admin.save_model(request, obj, form, change=True)
            model_admin.save_related(request, form, [], change=True)
            model_admin.log_change(request, obj, form.cleaned_data["change_comment"])
        messages.success(
            request,
            f"“{obj}” was reverted to version {version_number(record)}; the revert is "
            "recorded as a new version in its history.",
        )
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(
                f"{model_admin.admin_site.name}:{opts.app_label}_{opts.model_name}_history",
                args=(obj.pk,),
            )
        )


def _is_model_field(model, name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return field.concrete


def _show(instance, field) -> str:
    if field.is_relation:
        related_pk = getattr(instance, field.attname)
        if related_pk is None:
            return "(empty)"
        related = field.related_model._base_manager.filter(pk=related_pk).first()
        return str(related) if related is not None else f"#{related_pk} (deleted)"
    value = getattr(instance, field.attname)
    if field.choices:
        value = dict(field.flatchoices).get(value, value)
    if value in (None, ""):
        return "(empty)"
    return str(value)


def _form_data(form_class, current, target, post) -> QueryDict:
    """The bound data of the item's form holding `target`'s values, taken on the server,
    plus the Change note fields from the request."""
    unbound = form_class(instance=current, initial=model_to_dict(target))
    data = QueryDict(mutable=True)
    for name, field in unbound.fields.items():
        if name in ALL_EDITORIAL_FIELDS:
            continue
        value = unbound[name].value()
        if isinstance(field.widget, forms.MultiWidget):
            parts = field.widget.decompress(value)
            for suffix, part in zip(field.widget.widgets_names, parts, strict=False):
                if part is not None:
                    data[f"{name}{suffix}"] = part
        elif isinstance(value, (list, tuple)):
            data.setlist(name, list(value))
        elif value is not None:
            data[name] = value
    for name in ALL_EDITORIAL_FIELDS:
        if name in post:
            data[name] = post[name]
    return data


def _form_errors(form) -> list[str]:
    found = []
    for name, errors in form.errors.items():
        if name in ALL_EDITORIAL_FIELDS:
            continue
        label = "" if name == "__all__" else f"{form.fields[name].label or name}: "
        found.extend(f"{label}{error}" for error in errors)
    return found
