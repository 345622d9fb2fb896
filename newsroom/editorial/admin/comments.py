"""Editorial comments in the admin: the item's threads listed under its change form
(templates/admin/editorial/_comments.html), whose small forms post to the views below (add
a comment or a reply, resolve or reopen a thread). Staff-only and CSRF-protected by
`admin_site.admin_view`.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.http import Http404, HttpResponseRedirect
from django.urls import path

from .. import comments


class EditorialComments:
    def __init__(self, model_admin):
        self.model_admin = model_admin

    def urls(self, wrap, prefix) -> list:
        return [
            path(
                "<path:object_id>/comments/",
                wrap(self.add_view),
                name=f"{prefix}_comment_add",
            ),
            path(
                "<path:object_id>/comments/<int:comment_id>/resolve/",
                wrap(self.resolve_view),
                name=f"{prefix}_comment_resolve",
            ),
        ]

    def context(self, request, obj, context) -> dict:
        url = self.model_admin.editorial_url
        object_id = quote(obj.pk)
        threads = comments.threads(obj, user=request.user)
        for thread in threads:
            thread.resolve_url = url("comment_resolve", object_id, thread.comment.pk)
        form = context.get("comment_form") or comments.CommentForm(item=obj)
        return {
            "editorial_comments": {
                "threads": threads,
                "open_count": sum(not thread.is_resolved for thread in threads),
                "form": form,
                "replying_to": form.data.get("parent") if form.is_bound else None,
                "add_url": url("comment_add", object_id),
            }
        }

    def add_view(self, request, object_id):
        model_admin = self.model_admin
        obj = model_admin.item_for(request, object_id)
        form = comments.CommentForm(request.POST, item=obj)
        if not form.is_valid():
            # Shown again with the error at the field; the change form itself is not saved.
            request.method = "GET"
            response = model_admin.changeform_view(
                request,
                object_id,
                form_url=model_admin.editorial_url("change", quote(obj.pk)),
                extra_context={"comment_form": form},
            )
            response.status_code = 400
            return response
        comment = form.save(author=request.user)
        what = "Reply" if comment.parent_id else "Comment"
        messages.success(request, f"{what} posted.")
        return self._back_to(obj, comment.parent_id or comment.pk)

    def resolve_view(self, request, object_id, comment_id):
        obj = self.model_admin.item_for(request, object_id)
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
        url = self.model_admin.editorial_url("change", quote(obj.pk))
        return HttpResponseRedirect(f"{url}#comment-{comment_id}")
