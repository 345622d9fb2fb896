"""The forms of the editorial desk, each declared once, whose hooks hand each operation its
part: the optimistic lock (locking.py), the change note (change_note.py) and the workflow
(workflow.py).

- `EditorialForm`: the form of every item edited in the admin. A ModelAdmin's own form
  subclasses it (a system check says so when one does not).
- `AttachedRowForm`: the form of a citation or identifier, checked against the items it
  belongs to.
- `EditorialFormSetMixin`, and the formsets of an item's inlines built on it:
  `EditorialInlineFormSet`, `EditorialGenericInlineFormSet`.

The admin sets `workflow_user` (the user saving) on the form and formset classes Django
builds for each request.
"""

from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
from django.core import checks
from django.forms.models import BaseInlineFormSet

from . import change_note, locking, workflow
from .change_note import ChangeNoteForm
from .locking import VersionedModelForm


class EditorialForm(ChangeNoteForm):
    """The item's own fields, the version it was opened at, and the change note; a status
    change must be a step the user may take."""

    workflow_user = None

    def clean(self):
        cleaned = super().clean()
        workflow.check_step(self, cleaned)
        return cleaned


class AttachedRowForm(EditorialForm):
    def _post_clean(self):
        super()._post_clean()
        workflow.check_attached_row(self)


class EditorialFormSetMixin:
    """An item's inline rows: version-checked, under the item's change note, and held to the
    workflow's steps. Goes before Django's formset class (whose clean() calls no super())."""

    workflow_user = None

    def __init__(self, *args, known_rows=None, **kwargs):
        super().__init__(*args, **kwargs)
        if known_rows is not None:
            # The rows the admin already read to decide the inline is short (long_inlines.py).
            self._queryset = known_rows

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        locking.note_row_deleted_meanwhile(self, form, i)
        return form

    def add_fields(self, form, index):
        super().add_fields(form, index)
        workflow.limit_row_statuses(self, form)
        if "DELETE" in form.fields:
            # In a tabular inline the box sits under a "Delete?" heading, with no <label>.
            form.fields["DELETE"].widget.attrs.setdefault("aria-label", "Delete this row")

    def clean(self):
        super().clean()
        locking.refuse_stale_deletions(self)
        locking.refuse_rows_deleted_meanwhile(self)
        change_note.check_rows(self)
        workflow.check_rows(self)


class EditorialInlineFormSet(EditorialFormSetMixin, BaseInlineFormSet):
    pass


class EditorialGenericInlineFormSet(EditorialFormSetMixin, BaseGenericInlineFormSet):
    pass


def form_errors(model_admin) -> list[checks.Error]:
    """An admin of the desk whose form skips the desk's rules would save without a version
    check, a change note or the workflow: make that loud."""
    return _subclass_errors(model_admin, "form", EditorialForm, "newsroom.E030")


def inline_errors(inline) -> list[checks.Error]:
    return [
        *_subclass_errors(inline, "form", VersionedModelForm, "newsroom.E031"),
        *_subclass_errors(inline, "formset", EditorialFormSetMixin, "newsroom.E032"),
    ]


def _subclass_errors(admin_obj, attribute: str, base: type, error_id: str) -> list[checks.Error]:
    given = getattr(admin_obj, attribute)
    if issubclass(given, base):
        return []
    return [
        checks.Error(
            f"{type(admin_obj).__name__}.{attribute} is {given.__name__}, which does not "
            f"subclass {base.__module__}.{base.__name__}: its rows or items would be saved "
            "without the desk's rules.",
            obj=admin_obj.__class__,
            id=error_id,
        )
    ]
