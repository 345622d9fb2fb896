"""Preview before saving: the public page of an item as the change form would save it,
with nothing written.

The change form's "Preview" button (a save button, `_save`, whose value is `preview`, opening
in a new tab) posts the form to the change (or add) view as a save would: Django 6 reads a
post without a save button's name as a change form action, the action select being in the
form too. The whole request runs in
a transaction that is always rolled back: the form and its inlines are validated, and when
they are valid saved, by the admin's own save path (so the page shows the item, its inline
rows, its change note's correction, exactly as a save would give them), then the item's
public page is rendered from the database inside that transaction and the transaction is
undone. Invalid input shows the form with its errors instead, as a save would. Nothing of
it stays: no row, history record, version, workflow step or log entry (a page cache key
moved by the rolled-back save only makes that page render again).

As Wagtail's preview (wagtail.admin.views.generic.preview), it is the real page template
with the unsaved object; unlike it, the object's rows come from the database, so inline rows
(a contest's results, a candidate's quotes) are in the preview too. Only staff reach it (the
admin's own login), only for items with a public page, and only those who may save the form
they preview; the page is sent `private, no-store` with `noindex`, and carries a banner.
"""

import copy

from django.db import router, transaction
from django.http import QueryDict
from django.urls import resolve
from django.utils.cache import patch_cache_control

from ..public import UNSAVED_PREVIEW

#: The name and value of the form's preview button: a POST with them is a preview.
PREVIEW_BUTTON = ("_save", "preview")


class UnsavedPreview:
    """The admin's part: the button, the rolled-back request, the page it renders."""

    def __init__(self, model_admin):
        self.model_admin = model_admin

    def available(self, request, obj, add: bool) -> bool:
        """Items with a public page, to those who may save this form."""
        if not hasattr(self.model_admin.model, "get_absolute_url"):
            return False
        if add:
            return self.model_admin.has_add_permission(request)
        return self.model_admin.has_change_permission(request, obj)

    def context(self, request, obj, add: bool) -> dict:
        return {"unsaved_preview_available": self.available(request, obj, add)}

    @staticmethod
    def requested(request) -> bool:
        name, value = PREVIEW_BUTTON
        return request.method == "POST" and request.POST.get(name) == value

    def run(self, request, show):
        """`show()` (the change form's view, which saves), undone whatever it answers."""
        if not self.requested(request):
            return show()
        with transaction.atomic(using=router.db_for_write(self.model_admin.model)):
            response = show()
            # A template response renders lazily, after this block: render it while the
            # unsaved rows are still there to read.
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            transaction.set_rollback(True)
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
        return response

    def page(self, request, obj):
        """The public page of `obj`, saved in this request's transaction, read by its view."""
        match = resolve(obj.get_absolute_url())
        page_request = copy.copy(request)
        page_request.method = "GET"
        page_request.GET = QueryDict()
        page_request.POST = QueryDict()
        setattr(page_request, UNSAVED_PREVIEW, True)
        return match.func(page_request, *match.args, **match.kwargs)
