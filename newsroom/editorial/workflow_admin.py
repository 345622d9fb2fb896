"""Publication workflow in the admin: object-level permissions of the roles, the status
field held to the workflow's steps, bulk workflow actions, and each item's steps on its
change form. The rules themselves are in newsroom.editorial.workflow.

- Published and unpublished items are read-only to users without the publish permission
  (reporters), except where newsroom.editorial.workflow says otherwise (the results desk); so are
  reference records (parties) shown by a published item. Saving and deleting check again.
- The status field offers only the steps the user may take from the saved status; a step
  refused by the rules (sources missing, say) is a field error. Each step made through the
  form, an inline row or an action is recorded as a WorkflowEvent.
- Actions: submit for review, publish (keeping each item's scheduled time), publish at a
  chosen time (a confirmation page), unpublish, send back to draft. Each reports what it
  did and, item by item, what it refused and why.
- Citations and identifiers (`AttachedRowAdminMixin`): attaching, changing, moving or
  removing one is a change of the item it belongs to
  (newsroom.editorial.workflow.why_not_change_row); a refusal is an error on the form's
  item fields, with the editor's input kept.
- Inline rows of published items (a candidate's quotes and facts, a contest's facts) are
  refused per row for deletion exactly as for changes.
- Citation exports need newsroom.export_content.

Sources are checked as saved: a citation added in the same save as the publishing step does
not count yet (save it, then publish).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format

from . import workflow
from .locking import ConcurrentEditError
from .policy import policy_of
from .publishing import Publishable, Status
from .roles import EXPORT

BOTH_PAGES = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]


def _status_choices(allowed):
    return [(value, label) for value, label in Status.choices if value in allowed]


class WorkflowFormMixin:
    """The item's form: a status change must be a step the user may take."""

    workflow_user = None

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        self.workflow_from = workflow.NEW if instance.pk is None else instance.status
        self.workflow_from_publish_at = instance.publish_at
        to_status = cleaned.get("status")
        if to_status and to_status != self.workflow_from:
            reason = workflow.why_not(
                instance, to_status, self.workflow_user, from_status=self.workflow_from
            )
            if reason:
                self.add_error("status", f"This {instance._meta.verbose_name} {reason}.")
        return cleaned


class WorkflowFormSetMixin:
    """Inline rows with a status (a candidate's quotes, a contest's facts): the same steps,
    and rows of published items stay as they are for users who may not change them."""

    workflow_user = None

    def add_fields(self, form, index):
        super().add_fields(form, index)
        instance = form.instance
        form.workflow_from = workflow.NEW if instance.pk is None else instance.status
        if "status" in form.fields:
            form.fields["status"].choices = _status_choices(
                workflow.allowed_statuses(instance, self.workflow_user)
            )

    def clean(self):
        super().clean()
        user = self.workflow_user
        for form in self.forms:
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
            if to_status and to_status != before and not self._should_delete_form(form):
                reason = workflow.why_not(instance, to_status, user, from_status=before)
                if reason:
                    form.add_error("status", f"This {instance._meta.verbose_name} {reason}.")
        self.refuse_deleting_rows_user_may_not_change()

    def refuse_deleting_rows_user_may_not_change(self):
        """A formset ignores the errors of rows marked for deletion, so the per-row refusal
        above would let a published row be deleted that may not be changed: refuse the
        save, with the reason on the row and above the inline."""
        if not self.can_delete:
            return
        refused = []
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not self._should_delete_form(form):
                continue
            before = form.workflow_from
            if before == workflow.NEW or workflow.can_edit_in_status(
                self.workflow_user, type(form.instance), before
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


class AttachedRowFormMixin:
    """The form of a citation or identifier: the user must be allowed to change the item
    it belonged to and the item it is attached to now."""

    workflow_user = None

    def _post_clean(self):
        super()._post_clean()
        if self.errors.get("content_type") or self.errors.get("object_id"):
            return
        errors = workflow.why_not_change_row(self.workflow_user, self.instance)
        for field, message in errors.items():
            self.add_error(None if field == workflow.NON_FIELD else field, message)


class AttachedRowAdminMixin:
    """For the admin of a model attached to items by `content_type` and `object_id`."""

    def _may_change_row(self, request, obj) -> bool:
        return not workflow.why_not_change_row(request.user, obj, deleting=True)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or self._may_change_row(request, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or self._may_change_row(request, obj)
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return _with_mixin(form, AttachedRowFormMixin, workflow_user=request.user)


def _policy_errors(model_admin) -> list[checks.Error]:
    """A model edited here must say what governs it for readers: a forgotten rule would
    leave it editable by everyone after it is public."""
    model = model_admin.model
    shown_with = getattr(model, workflow.SHOWN_WITH, None)
    if shown_with is not None:
        return [
            checks.Error(
                f"{model._meta.label}.{workflow.SHOWN_WITH} names “{name}”, which is not a "
                "relation to a publishable model.",
                obj=model_admin.__class__,
                id="newsroom.E002",
            )
            for name in shown_with
            if not _leads_to_publishable(model, name)
        ]
    if _publishable(model) or policy_of(model).owner:
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


def _leads_to_publishable(model, name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return field.is_relation and _publishable(field.related_model)


def _with_mixin(cls, mixin, **attrs):
    return type(cls.__name__, (mixin, cls), {"__module__": cls.__module__, **attrs})


def _publishable(model) -> bool:
    return issubclass(model, Publishable)


class WorkflowAdminMixin:
    def check(self, **kwargs):
        return [*super().check(**kwargs), *_policy_errors(self)]

    # Permissions -----------------------------------------------------------------------

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and workflow.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and workflow.can_edit(request.user, obj)

    def save_model(self, request, obj, form, change):
        # The per-object permission above hides the form; this holds if the item changed
        # between showing the form and saving it (a party newly shown by a published page).
        if change and obj.pk is not None:
            saved = type(obj)._base_manager.filter(pk=obj.pk).first()
            if saved is not None:
                workflow.ensure_can_edit(request.user, saved)
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        workflow.ensure_can_edit(request.user, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        # The changelist's delete action asks for delete permission on the model only.
        for obj in queryset:
            workflow.ensure_can_edit(request.user, obj)
        super().delete_queryset(request, queryset)

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user) and super().has_change_permission(request)

    def has_export_permission(self, request):
        return request.user.has_perm(EXPORT)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if not self.has_export_permission(request):
            for name in [name for name in actions if name.startswith("export_citations")]:
                del actions[name]
        return actions

    # The item's form and inline rows --------------------------------------------------

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if (
            _publishable(self.model)
            and not workflow.can_publish(request.user)
            and "publish_at" not in fields
        ):
            fields.append("publish_at")
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not _publishable(self.model):
            return form
        form = _with_mixin(form, WorkflowFormMixin, workflow_user=request.user)
        if "status" in form.base_fields:
            form.base_fields["status"].choices = _status_choices(
                workflow.allowed_statuses(obj, request.user)
            )
        return form

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if _publishable(formset.model):
                formset = _with_mixin(formset, WorkflowFormSetMixin, workflow_user=request.user)
            yield formset, inline

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._record_form_step(request, form)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if not issubclass(formset.__class__, WorkflowFormSetMixin):
            return
        for row in formset.forms:
            before = getattr(row, "workflow_from", None)
            item = row.instance
            if before is None or item.pk is None or row in formset.deleted_forms:
                continue
            if item.status != before:
                workflow.record(item, before, item.status, by=request.user)

    def _record_form_step(self, request, form):
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

    # The change form's workflow panel ---------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and _publishable(self.model):
            context["workflow"] = {
                "item": obj,
                "steps": list(workflow.steps(obj)[:50]),
                "scheduled": obj.status == Status.PUBLISHED
                and obj.publish_at is not None
                and obj.publish_at > timezone.now(),
                "missing_sources": workflow.missing_sources(obj)
                if obj.status in (Status.DRAFT, Status.IN_REVIEW)
                else "",
            }
        return super().render_change_form(request, context, add, change, form_url, obj)


# Bulk actions ---------------------------------------------------------------------------


def take_step(modeladmin, request, queryset, to_status, *, done: str, publish_at=None) -> None:
    """Move each selected item to `to_status`, then say what moved and what was refused."""
    moved, refused, scheduled = 0, [], 0
    now = timezone.now()
    for item in queryset:
        try:
            workflow.transition(item, to_status, by=request.user, publish_at=publish_at)
        except workflow.TransitionRefused as refusal:
            refused.append(str(refusal))
        except ConcurrentEditError:
            refused.append(
                f"{workflow.describe(item)} was changed by someone else meanwhile: try again"
            )
        else:
            moved += 1
            if to_status == Status.PUBLISHED and item.publish_at and item.publish_at > now:
                scheduled += 1
    parts = []
    if moved:
        parts.append(f"{moved} {done}")
        if scheduled:
            parts[-1] += f" ({scheduled} scheduled: public from their publish time)"
    if refused:
        parts.append(f"{len(refused)} not {done}: {'; '.join(refused)}")
    if not parts:
        return
    level = messages.SUCCESS if not refused else messages.WARNING if moved else messages.ERROR
    modeladmin.message_user(request, "; ".join(parts) + ".", level)


@admin.action(
    description="Submit this %(verbose_name)s for review",
    description_plural="Submit selected %(verbose_name_plural)s for review",
    permissions=["change"],
    location=BOTH_PAGES,
)
def submit_for_review(modeladmin, request, queryset):
    take_step(modeladmin, request, queryset, Status.IN_REVIEW, done="submitted for review")


@admin.action(
    description="Publish this %(verbose_name)s",
    description_plural="Publish selected %(verbose_name_plural)s",
    permissions=["publish"],
    location=BOTH_PAGES,
)
def publish(modeladmin, request, queryset):
    take_step(modeladmin, request, queryset, Status.PUBLISHED, done="published")


class ScheduleForm(forms.Form):
    publish_at = forms.DateTimeField(
        label="Publish at",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="In the site's time zone. The items stay hidden until then.",
    )


@admin.action(
    description="Publish this %(verbose_name)s at a chosen time…",
    description_plural="Publish selected %(verbose_name_plural)s at a chosen time…",
    permissions=["publish"],
    location=BOTH_PAGES,
)
def schedule_publication(modeladmin, request, queryset):
    form = ScheduleForm(request.POST if "schedule" in request.POST else None)
    if form.is_valid():
        when = form.cleaned_data["publish_at"]
        take_step(
            modeladmin,
            request,
            queryset,
            Status.PUBLISHED,
            done=f"published for {date_format(timezone.localtime(when), 'DATETIME_FORMAT')}",
            publish_at=when,
        )
        return None
    opts = modeladmin.model._meta
    return TemplateResponse(
        request,
        "admin/editorial/schedule.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": f"Publish {opts.verbose_name_plural} at a chosen time",
            "items": list(queryset),
            "form": form,
            "opts": opts,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


@admin.action(
    description="Unpublish this %(verbose_name)s",
    description_plural="Unpublish selected %(verbose_name_plural)s",
    permissions=["publish"],
    location=BOTH_PAGES,
)
def unpublish(modeladmin, request, queryset):
    take_step(modeladmin, request, queryset, Status.UNPUBLISHED, done="unpublished")


@admin.action(
    description="Send this %(verbose_name)s back to draft",
    description_plural="Send selected %(verbose_name_plural)s back to draft",
    permissions=["change"],
    location=BOTH_PAGES,
)
def send_back_to_draft(modeladmin, request, queryset):
    take_step(modeladmin, request, queryset, Status.DRAFT, done="sent back to draft")


WORKFLOW_ACTIONS = [submit_for_review, publish, schedule_publication, unpublish, send_back_to_draft]
