"""Publication workflow in the admin: object-level permissions of the roles, the status
field held to the workflow's steps, and each item's steps on its change form. The rules
themselves are in newsroom.editorial.workflow; the bulk actions are in workflow_actions.py.

- Published and unpublished items are read-only to users without the publish permission
  (reporters), except where newsroom.editorial.workflow says otherwise (the results desk); so are
  reference records (parties) shown by a published item. Saving and deleting check again.
- The status field offers only the steps the user may take from the saved status; a step
  refused by the rules (sources missing, say) is a field error. Each step made through the
  form, an inline row or an action is recorded as a WorkflowEvent.
- Citations and identifiers (`AttachedRowAdmin`): attaching, changing, moving or removing
  one is a change of the item it belongs to (newsroom.editorial.workflow.why_not_change_row); a
  refusal is an error on the form's item fields, with the editor's input kept.
- Inline rows of published items (a candidate's quotes and facts, a contest's facts) are
  refused per row for deletion exactly as for changes.
- Citation exports need newsroom.export_content.
- A model edited in the admin must say what governs it for readers (`policy_errors`, a
  system check).

Sources are checked as saved: a citation added in the same save as the publishing step does
not count yet (save it, then publish).
"""

from django import forms
from django.contrib import messages
from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone

from ... import provenance
from .. import workflow
from ..policy import policy_of
from ..publishing import Publishable, Status
from ..roles import EXPORT


def _status_choices(allowed):
    return [(value, label) for value, label in Status.choices if value in allowed]


def _publishable(model) -> bool:
    return issubclass(model, Publishable)


# The item's form and an inline's rows (called by newsroom.editorial.admin.forms).


def check_step(form, cleaned) -> None:
    """The item's form: a status change must be a step the user may take."""
    instance = form.instance
    if not _publishable(type(instance)):
        return
    form.workflow_from = workflow.NEW if instance.pk is None else instance.status
    form.workflow_from_publish_at = instance.publish_at
    to_status = cleaned.get("status")
    if to_status and to_status != form.workflow_from:
        reason = workflow.why_not(
            instance, to_status, form.workflow_user, from_status=form.workflow_from
        )
        if reason:
            form.add_error("status", f"This {instance._meta.verbose_name} {reason}.")
            if to_status == Status.PUBLISHED and instance.pk is not None:
                _mark_uncited_fields(form, instance)


def _mark_uncited_fields(form, instance) -> None:
    """The reason at each field readers would see with no footnote."""
    for name in provenance.uncited_fields(instance):
        if name in form.fields and name not in form.errors:
            form.add_error(name, "No citation supports this value: cite a source for it.")


def check_attached_row(form) -> None:
    """The form of a citation or identifier: the user must be allowed to change the item
    it belonged to and the item it is attached to now."""
    if form.errors.get("content_type") or form.errors.get("object_id"):
        return
    errors = workflow.why_not_change_row(form.workflow_user, form.instance)
    for field, message in errors.items():
        form.add_error(None if field == workflow.NON_FIELD else field, message)


def limit_row_statuses(formset, form) -> None:
    """Inline rows with a status (a candidate's quotes, a contest's facts) offer the same
    steps as the item's own form."""
    if not _publishable(formset.model):
        return
    instance = form.instance
    form.workflow_from = workflow.NEW if instance.pk is None else instance.status
    if "status" in form.fields:
        form.fields["status"].choices = _status_choices(
            workflow.allowed_statuses(instance, formset.workflow_user)
        )


def check_rows(formset) -> None:
    """The same steps for an inline's rows, and rows of published items stay as they are
    for users who may not change them."""
    if not _publishable(formset.model):
        return
    user = formset.workflow_user
    for form in formset.forms:
        if not hasattr(form, "cleaned_data") or not form.has_changed():
            continue
        instance = form.instance
        before = form.workflow_from
        if not workflow.can_edit_in_status(user, type(instance), before):
            form.add_error(
                None,
                f"{workflow.describe(instance)} is {Status(before).label.lower()}: "
                "only editors can change it.",
            )
            continue
        to_status = form.cleaned_data.get("status")
        if to_status and to_status != before and not formset._should_delete_form(form):
            reason = workflow.why_not(instance, to_status, user, from_status=before)
            if reason:
                form.add_error("status", f"This {instance._meta.verbose_name} {reason}.")
    _refuse_deleting_rows_user_may_not_change(formset)


def _refuse_deleting_rows_user_may_not_change(formset) -> None:
    """A formset ignores the errors of rows marked for deletion, so the per-row refusal
    above would let a published row be deleted that may not be changed: refuse the save,
    with the reason on the row and above the inline."""
    if not formset.can_delete:
        return
    refused = []
    for form in formset.forms:
        if not hasattr(form, "cleaned_data") or not formset._should_delete_form(form):
            continue
        before = form.workflow_from
        if before == workflow.NEW or workflow.can_edit_in_status(
            formset.workflow_user, type(form.instance), before
        ):
            continue
        message = (
            f"{workflow.describe(form.instance)} is {Status(before).label.lower()}: only "
            "editors can delete it."
        )
        form.add_error(None, message)
        refused.append(message)
    if refused:
        raise forms.ValidationError(refused)


# The admin's part.


class WorkflowSteps:
    """Who may edit, publish and export; the status field; the steps each save records;
    the change form's workflow panel."""

    def __init__(self, model_admin):
        self.model_admin = model_admin
        self.publishable = _publishable(model_admin.model)

    def warn_uncited(self, request, obj) -> None:
        """After a save of a public item: say which of the fields readers see no citation
        supports now (a cited field changed and no source for its new value was given; the
        sources of the old value are kept in its history)."""
        shown = obj
        owner = policy_of(obj).owner
        if owner and owner != "content_object":
            shown = getattr(obj, owner, None)
        if shown is None or getattr(shown, "status", None) != Status.PUBLISHED:
            return
        reason = provenance.why_fields_uncited(obj)
        if reason:
            # "has no source for votes: cite each before publishing"
            missing = reason.split(": cite each")[0]
            messages.warning(
                request,
                f"This {obj._meta.verbose_name} is public and {missing}: cite a source for "
                "each new value (the sources of its earlier values are kept in its history).",
            )

    def policy_errors(self) -> list[checks.Error]:
        """A model edited here must say what governs it for readers: a forgotten rule would
        leave it editable by everyone after it is public."""
        model_admin = self.model_admin
        model = model_admin.model
        shown_with = getattr(model, workflow.SHOWN_WITH, None)
        if shown_with is not None:
            return [
                checks.Error(
                    f"{model._meta.label}.{workflow.SHOWN_WITH} names “{name}”, which is not "
                    "a relation to a publishable model.",
                    obj=model_admin.__class__,
                    id="newsroom.E002",
                )
                for name in shown_with
                if not _leads_to_publishable(model, name)
            ]
        if self.publishable or policy_of(model).owner:
            return []
        return [
            checks.Error(
                f"{model._meta.label} has no editorial policy: make it Publishable, declare the "
                "relation to the item that shows it (EditorialPolicy(owner=…)), "
                f"or set {workflow.SHOWN_WITH} to the relations whose items show it.",
                obj=model_admin.__class__,
                id="newsroom.E001",
            )
        ]

    # Permissions.

    @staticmethod
    def may_edit(request, obj) -> bool:
        return workflow.can_edit(request.user, obj)

    @staticmethod
    def may_publish(request) -> bool:
        return workflow.can_publish(request.user)

    @staticmethod
    def may_export(request) -> bool:
        return request.user.has_perm(EXPORT)

    @staticmethod
    def may_change_row(request, obj) -> bool:
        return not workflow.why_not_change_row(request.user, obj, deleting=True)

    @staticmethod
    def ensure_may_edit(request, obj) -> None:
        workflow.ensure_can_edit(request.user, obj)

    def ensure_may_save(self, request, obj, change) -> None:
        # The per-object permission hides the form; this holds if the item changed between
        # showing the form and saving it (a party newly shown by a published page).
        if change and obj.pk is not None:
            saved = type(obj)._base_manager.filter(pk=obj.pk).first()
            if saved is not None:
                self.ensure_may_edit(request, saved)

    def drop_unpermitted_actions(self, request, actions) -> None:
        if not self.may_export(request):
            for name in [name for name in actions if name.startswith("export_citations")]:
                del actions[name]

    # The item's form.

    def readonly_fields(self, request, fields) -> list[str]:
        fields = list(fields)
        if self.publishable and not self.may_publish(request) and "publish_at" not in fields:
            fields.append("publish_at")
        return fields

    def limit_status_choices(self, request, form, obj) -> None:
        if self.publishable and "status" in form.base_fields:
            form.base_fields["status"].choices = _status_choices(
                workflow.allowed_statuses(obj, request.user)
            )

    # Recording the steps taken.

    @staticmethod
    def record_form_step(request, form) -> None:
        before = getattr(form, "workflow_from", None)
        item = form.instance
        if before is None or item.pk is None:
            return
        rescheduled = (
            item.status == before == Status.PUBLISHED
            and item.publish_at != form.workflow_from_publish_at
        )
        if item.status != before or rescheduled:
            workflow.record(item, before, item.status, by=request.user)

    @staticmethod
    def record_row_steps(request, formset) -> None:
        if not _publishable(formset.model):
            return
        for row in formset.forms:
            before = getattr(row, "workflow_from", None)
            item = row.instance
            if before is None or item.pk is None or row in formset.deleted_forms:
                continue
            if item.status != before:
                workflow.record(item, before, item.status, by=request.user)

    # The change form's workflow panel.

    def context(self, obj) -> dict:
        if obj is None or not self.publishable:
            return {}
        return {
            "workflow": {
                "item": obj,
                "steps": list(workflow.steps(obj)[:50]),
                "scheduled": obj.status == Status.PUBLISHED
                and obj.publish_at is not None
                and obj.publish_at > timezone.now(),
                "missing_sources": workflow.missing_sources(obj)
                if obj.status in (Status.DRAFT, Status.IN_REVIEW)
                else "",
            }
        }


def _leads_to_publishable(model, name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return field.is_relation and _publishable(field.related_model)
