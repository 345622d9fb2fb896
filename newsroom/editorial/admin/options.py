"""`EditorialAdmin`, the admin base of every editable model, and the bases of its inlines.

Each admin hook is overridden here once and hands its work to the operations, one object
each, in the order the desk applies them:

- `locking` (locking.py): the optimistic lock of the change form and the delete page;
- `change_note` (change_note.py): the “Change note” section, the note on every saved
  instance, the public correction record;
- `workflow` (workflow.py): permissions of the roles, the status field, the steps each save
  records, the workflow panel; its bulk actions are in workflow_actions.py;
- `history` (history.py): the history page's permalinks and diffs, one version and revert;
- `merging` (merging.py): the "merge two duplicates" action;
- `removals` (removals.py): the public note a deletion of public items needs, on the delete
  page and the "delete selected" action, and the deletions made with it;
- `presence` (presence.py) and `comments` (comments.py): who else has the item open, and
  the editorial comments under the form, with their views;
- `long_inlines` (long_inlines.py): inlines with a `row_limit`, past it replaced on the
  form by a link to the rows' own list, filtered to the item;
- `preview` (preview.py): the "Preview" button, the item's public page as the form would
  save it, in a request whose writes are all rolled back.
"""

from functools import partial

from django.contrib.admin import ActionLocation
from django.contrib.admin.utils import unquote
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from .. import removals, versions
from .change_note import ChangeNotes
from .comments import EditorialComments
from .forms import (
    AttachedRowForm,
    EditorialForm,
    EditorialGenericInlineFormSet,
    EditorialInlineFormSet,
    form_errors,
    inline_errors,
)
from .history import VersionHistory
from .locking import OptimisticLocking, VersionedInlineForm
from .long_inlines import LongInlines
from .merging import DuplicateMerging
from .presence import EditingPresence
from .preview import UnsavedPreview
from .removals import PublicRemovals
from .workflow import WorkflowSteps


class EditorialAdmin(SimpleHistoryAdmin):
    form = EditorialForm
    change_form_template = "admin/editorial/change_form.html"
    delete_confirmation_template = "admin/editorial/delete_confirmation.html"
    delete_selected_confirmation_template = "admin/editorial/delete_selected_confirmation.html"
    object_history_template = "admin/editorial/history.html"
    object_history_list_template = "admin/editorial/history_list.html"
    object_history_form_template = "admin/editorial/history_form.html"

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        self.locking = OptimisticLocking(self)
        self.change_note = ChangeNotes(self)
        self.workflow = WorkflowSteps(self)
        self.history = VersionHistory(self)
        self.merging = DuplicateMerging(self)
        self.removals = PublicRemovals(self)
        self.presence = EditingPresence(self)
        self.comments = EditorialComments(self)
        self.long_inlines = LongInlines(self)
        self.preview = UnsavedPreview(self)

    def check(self, **kwargs):
        return [*super().check(**kwargs), *self.workflow.policy_errors(), *form_errors(self)]

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"

        def wrap(view):
            return self.admin_site.admin_view(require_POST(view))

        return [
            *self.presence.urls(wrap, prefix),
            *self.comments.urls(wrap, prefix),
            *super().get_urls(),
        ]

    def editorial_url(self, name: str, *args) -> str:
        opts = self.opts
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}", args=args
        )

    def item_for(self, request, object_id):
        """The item a request of the desk's own views is about, if the user may see it."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(f"No {self.opts.verbose_name} with this id.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    # Permissions and actions.

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.workflow.may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.workflow.may_edit(request, obj)

    def has_publish_permission(self, request):
        return self.workflow.may_publish(request) and super().has_change_permission(request)

    def has_export_permission(self, request):
        return self.workflow.may_export(request)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        self.merging.add_action(request, actions, action_location)
        self.removals.add_action(actions)
        self.workflow.drop_unpermitted_actions(request, actions)
        return actions

    # The change form.

    def get_readonly_fields(self, request, obj=None):
        return self.workflow.readonly_fields(request, super().get_readonly_fields(request, obj))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not issubclass(form, EditorialForm):
            raise ImproperlyConfigured(
                f"{type(self).__name__} gave {form.__name__}, which does not subclass "
                "EditorialForm."
            )
        # Django builds this class for this request: the user saving belongs on it.
        form.workflow_user = request.user
        self.workflow.limit_status_choices(request, form, obj)
        return form

    def get_fieldsets(self, request, obj=None):
        return self.change_note.fieldsets(super().get_fieldsets(request, obj), obj)

    def get_inline_instances(self, request, obj=None):
        return self.long_inlines.select(request, obj, super().get_inline_instances(request, obj))

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        return {**kwargs, **self.long_inlines.formset_kwargs(inline)}

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        show = partial(super().changeform_view, request, object_id, form_url, extra_context)
        return self.preview.run(request, partial(self.locking.show_change_form, request, show))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(self.workflow.context(obj))
        context.update(self.long_inlines.context(request))
        context.update(self.preview.context(request, obj, add))
        if obj is not None and obj.pk is not None and not add:
            context.update(self.presence.context(request, obj))
            context.update(self.comments.context(request, obj, context))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if self.preview.requested(request):
            return self.preview.page(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if self.preview.requested(request):
            return self.preview.page(request, obj)
        if "_continue" not in request.POST:
            self.presence.leave(request, obj)
        self.workflow.warn_uncited(request, obj)
        return super().response_change(request, obj)

    # Saving and deleting.

    def save_model(self, request, obj, form, change):
        self.workflow.ensure_may_save(request, obj, change)
        self.change_note.annotate(obj, form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        self.change_note.annotate_rows(form, formset)
        # Rows deleted here take the change note's public note (change_note.check_rows).
        note = form.cleaned_data.get("correction_note") or ""
        with removals.public_note(note, by=request.user):
            super().save_formset(request, form, formset, change)
        self.workflow.record_row_steps(request, formset)

    def save_related(self, request, form, formsets, change):
        # The item's own save records it: its inline rows give it no record of their own
        # (version permalinks: newsroom.editorial.versions.record_owner).
        with versions.one_moment(form.instance):
            super().save_related(request, form, formsets, change)
        self.change_note.record_correction(request, form, formsets)
        self.workflow.record_form_step(request, form)

    def delete_view(self, request, object_id, extra_context=None):
        refused = self.locking.refuse_stale_delete(request, object_id)
        if refused:
            return refused

        def show(request, context):
            return super(EditorialAdmin, self).delete_view(
                request, object_id, {**(extra_context or {}), **context}
            )

        return self.removals.delete_view(request, object_id, show)

    def delete_model(self, request, obj):
        self.workflow.ensure_may_edit(request, obj)
        self.presence.end_all(obj)
        with self.removals.noted(request):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        # The changelist's delete action asks for delete permission on the model only.
        for obj in queryset:
            self.workflow.ensure_may_edit(request, obj)
        for obj in queryset:
            self.presence.end_all(obj)
        with self.removals.noted(request):
            super().delete_queryset(request, queryset)

    # History.

    def history_view(self, request, object_id, extra_context=None):
        context = {
            **(extra_context or {}),
            "permalinks": self.history.permalinks(object_id),
            "earlier_support": self.history.earlier_support(object_id),
        }
        return super().history_view(request, object_id, extra_context=context)

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        return self.history.queryset(history_manager, pk_name, object_id)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        self.history.set_delta_changes(historical_records, foreign_keys_are_objs)

    def revert_disabled(self, request, obj=None):
        return super().revert_disabled(request, obj) or not self.history.may_revert(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        return self.history.version_view(request, object_id, version_id, extra_context)


class AttachedRowAdmin(EditorialAdmin):
    """For a model attached to items by `content_type` and `object_id` (citations,
    identifiers): changing or removing a row is a change of the item it belongs to."""

    form = AttachedRowForm

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or self.workflow.may_change_row(request, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or self.workflow.may_change_row(request, obj)
        )


class EditorialInlineMixin:
    """For every inline of an editable model: version-checked rows, same change rules."""

    form = VersionedInlineForm
    formset = EditorialInlineFormSet
    #: Past this many rows on an item, the form links to the rows' list instead
    #: (long_inlines.py); None: always inline.
    row_limit: int | None = None

    def check(self, **kwargs):
        return [*super().check(**kwargs), *inline_errors(self)]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Django builds this class for this request: the user saving belongs on it.
        formset.workflow_user = request.user
        if self.template.endswith("tabular.html"):
            # A table's cells have their column heading and no <label>: each input says
            # what it is to a screen reader (axe: every form field has an accessible name).
            for field in formset.form.base_fields.values():
                field.widget.attrs.setdefault("aria-label", str(field.label))
        return formset

    def get_fields(self, request, obj=None):
        return OptimisticLocking.inline_fields(super().get_fields(request, obj))


class EditorialGenericInlineMixin(EditorialInlineMixin):
    """The same, for a generic inline (citations, identifiers)."""

    formset = EditorialGenericInlineFormSet
