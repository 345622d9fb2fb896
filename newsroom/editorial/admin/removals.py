"""Deleting public items in the admin: the “Public note” the domain asks for
(newsroom.editorial.removals) on the delete page and on the "delete selected" confirmation,
and the deletions made with it. Inline deletes take the note from the change form's
“Change note” section (change_note.check_rows, `EditorialAdmin.save_formset`).

A confirmation without a note, when the deletion would take public items off the site, is
refused before anything is deleted: the page is shown again with why.
"""

import copy
from contextlib import contextmanager

from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.contrib.admin.utils import unquote
from django.http import QueryDict
from django.template.response import TemplateResponse

from .. import removals

NOTE_FIELD = "public_note"


def delete_selected(modeladmin, request, queryset):
    """Django's "delete selected" with the public note (see PublicRemovals.delete_selected)."""
    return modeladmin.removals.delete_selected(request, queryset)


class PublicRemovals:
    """The admin's part: the note on both confirmation pages and the deletions made with it."""

    def __init__(self, model_admin):
        self.model_admin = model_admin

    @staticmethod
    def note(request) -> str:
        return request.POST.get(NOTE_FIELD, "").strip()

    def context(self, request, public, error: str = "") -> dict:
        return {
            "public_removals": public,
            "public_note": self.note(request) if request.method == "POST" else "",
            "public_note_error": error,
        }

    def delete_view(self, request, object_id, show):
        """The delete page; `show(request, context)` is Django's view."""
        obj = self.model_admin.get_object(request, unquote(object_id))
        public = removals.removed_from_site([obj]) if obj is not None else []
        if public and request.POST and not self.note(request):
            error = str(removals.NoteRequired(public[0]))
            return show(_unconfirmed(request, keep=False), self.context(request, public, error))
        return show(request, self.context(request, public))

    def delete_selected(self, request, queryset):
        public = removals.removed_from_site(queryset)
        error = ""
        if public and request.POST.get("post") and not self.note(request):
            error = str(removals.NoteRequired(public[0]))
            request = _unconfirmed(request, keep=True)
        response = django_delete_selected(self.model_admin, request, queryset)
        if isinstance(response, TemplateResponse):
            response.context_data.update(self.context(request, public, error))
        return response

    @contextmanager
    def noted(self, request):
        """Deletions made by this request leave tombstones with its public note."""
        with removals.public_note(self.note(request), by=request.user):
            yield

    @staticmethod
    def add_action(actions) -> None:
        if "delete_selected" in actions:
            actions["delete_selected"] = copy.replace(
                actions["delete_selected"], func=delete_selected
            )


def _unconfirmed(request, *, keep: bool):
    """The request as a confirmation page not yet confirmed: without "post" (keep=True keeps
    the rest of the form) or without any posted data, so Django shows the page again."""
    shown = copy.copy(request)
    data = request.POST.copy() if keep else QueryDict(mutable=True)
    data.pop("post", None)
    shown.POST = data
    return shown
