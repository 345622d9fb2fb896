"""Working together in the admin: presence notices and editorial comments.

The change form says who else has the item open and since when (templates/admin/editorial/
_presence.html, recorded on every showing of the form, refreshed by presence.js), and lists
the item's editorial comments under the form (_comments.html), whose small forms post to the
views below. Everything here is staff-only and CSRF-protected by `admin_site.admin_view`.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from . import comments, presence


class CollaborationAdminMixin:
    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"

        def wrap(view):
            return self.admin_site.admin_view(require_POST(view))

        return [
            path(
                "<path:object_id>/presence/",
                wrap(self.presence_view),
                name=f"{prefix}_presence",
            ),
            path(
                "<path:object_id>/comments/",
                wrap(self.comment_add_view),
                name=f"{prefix}_comment_add",
            ),
            path(
                "<path:object_id>/comments/<int:comment_id>/resolve/",
                wrap(self.comment_resolve_view),
                name=f"{prefix}_comment_resolve",
            ),
            *super().get_urls(),
        ]

    def _url(self, name: str, *args) -> str:
        opts = self.opts
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}", args=args
        )

    def _item_for(self, request, object_id):
        """The item the request is about, if the user may see it."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(f"No {self.opts.verbose_name} with this id.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    # The change form.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None and not add:
            context.update(self.collaboration_context(request, obj, context))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def collaboration_context(self, request, obj, context) -> dict:
        if self.has_change_permission(request, obj):
            presence.record(obj, user=request.user)
        object_id = quote(obj.pk)
        threads = comments.threads(obj, user=request.user)
        for thread in threads:
            thread.resolve_url = self._url("comment_resolve", object_id, thread.comment.pk)
        form = context.get("comment_form") or comments.CommentForm(item=obj)
        noun = self.opts.verbose_name
        return {
            "editing_presence": {
                "notices": [
                    editor.notice(noun) for editor in presence.others(obj, user=request.user)
                ],
                "heartbeat_url": self._url("presence", object_id),
                "heartbeat_seconds": presence.HEARTBEAT_SECONDS,
                "noun": noun,
            },
            "editorial_comments": {
                "threads": threads,
                "open_count": sum(not thread.is_resolved for thread in threads),
                "form": form,
                "replying_to": form.data.get("parent") if form.is_bound else None,
                "add_url": self._url("comment_add", object_id),
            },
        }

    def response_change(self, request, obj):
        if "_continue" not in request.POST:
            presence.end(obj, user=request.user)
        return super().response_change(request, obj)

    def delete_model(self, request, obj):
        presence.end_all(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            presence.end_all(obj)
        super().delete_queryset(request, queryset)

    # Presence: the page's heartbeat and goodbye.

    def presence_view(self, request, object_id):
        obj = self._item_for(request, object_id)
        if request.POST.get("action") == "leave":
            presence.end(obj, user=request.user)
            return HttpResponse(status=204)
        if self.has_change_permission(request, obj):
            presence.record(obj, user=request.user)
        noun = self.opts.verbose_name
        return JsonResponse(
            {"notices": [editor.notice(noun) for editor in presence.others(obj, user=request.user)]}
        )

    # Editorial comments.

    def comment_add_view(self, request, object_id):
        obj = self._item_for(request, object_id)
        form = comments.CommentForm(request.POST, item=obj)
        if not form.is_valid():
            # Shown again with the error at the field; the change form itself is not saved.
            request.method = "GET"
            response = self.changeform_view(
                request,
                object_id,
                form_url=self._url("change", quote(obj.pk)),
                extra_context={"comment_form": form},
            )
            response.status_code = 400
            return response
        comment = form.save(author=request.user)
        what = "Reply" if comment.parent_id else "Comment"
        messages.success(request, f"{what} posted.")
        return self._back_to(obj, comment.parent_id or comment.pk)

    def comment_resolve_view(self, request, object_id, comment_id):
        obj = self._item_for(request, object_id)
        threads = comments.for_item(obj, user=request.user).filter(parent__isnull=True)
        comment = threads.filter(pk=comment_id).first()
        if comment is None:
            raise Http404("No such comment thread on this item.")
        if request.POST.get("action") == "reopen":
            comments.reopen(comment)
            messages.success(request, "Comment reopened.")
        else:
            comments.resolve(comment, by=request.user)
            messages.success(request, "Comment resolved.")
        return self._back_to(obj, comment.pk)

    def _back_to(self, obj, comment_id: int) -> HttpResponseRedirect:
        url = self._url("change", quote(obj.pk))
        return HttpResponseRedirect(f"{url}#comment-{comment_id}")
