"""Presence in the admin: the change form says who else has the item open and since when
(templates/admin/editorial/_presence.html, recorded on every showing of the form, refreshed
by presence.js through the view below, which also takes the page's goodbye). Leaving the
form by saving it, and deleting the item, end the notices. Staff-only and CSRF-protected by
`admin_site.admin_view`.
"""

from django.contrib.admin.utils import quote
from django.http import HttpResponse, JsonResponse
from django.urls import path

from .. import presence


class EditingPresence:
    def __init__(self, model_admin):
        self.model_admin = model_admin

    def urls(self, wrap, prefix) -> list:
        return [path("<path:object_id>/presence/", wrap(self.view), name=f"{prefix}_presence")]

    def context(self, request, obj) -> dict:
        """Records this showing of the form, and says who else has it open."""
        model_admin = self.model_admin
        if model_admin.has_change_permission(request, obj):
            presence.record(obj, user=request.user)
        noun = model_admin.opts.verbose_name
        return {
            "editing_presence": {
                "notices": [
                    editor.notice(noun) for editor in presence.others(obj, user=request.user)
                ],
                "heartbeat_url": model_admin.editorial_url("presence", quote(obj.pk)),
                "heartbeat_seconds": presence.HEARTBEAT_SECONDS,
                "noun": noun,
            }
        }

    @staticmethod
    def leave(request, obj) -> None:
        presence.end(obj, user=request.user)

    @staticmethod
    def end_all(obj) -> None:
        presence.end_all(obj)

    def view(self, request, object_id):
        """The page's heartbeat and goodbye."""
        model_admin = self.model_admin
        obj = model_admin.item_for(request, object_id)
        if request.POST.get("action") == "leave":
            presence.end(obj, user=request.user)
            return HttpResponse(status=204)
        if model_admin.has_change_permission(request, obj):
            presence.record(obj, user=request.user)
        noun = model_admin.opts.verbose_name
        return JsonResponse(
            {"notices": [editor.notice(noun) for editor in presence.others(obj, user=request.user)]}
        )
