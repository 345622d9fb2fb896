"""Editorial comments on any item: notes between editors, shown under the item's change form
in the admin and never on a public page.

A comment starts a thread; replies hang off it (a reply to a reply joins the same thread).
A thread is resolved and reopened as a whole. Open threads come first, and among them and
among the resolved ones, the thread with the newest activity.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from .records import EditorialComment


def visible_to(user):
    """The comments `user` may read: those on items of models they may view or change.

    The one selector of comments for people: the dashboard, change forms and comment
    views read through it, so a comment never shows its text to someone who may not see
    its item."""
    if not (user.is_active and user.is_staff):
        return EditorialComment.objects.none()
    if user.is_superuser:
        return EditorialComment.objects.all()
    readable = Q(pk__in=[])
    for model in apps.get_models():
        opts = model._meta
        if any(
            user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
            for action in ("view", "change")
        ):
            in_app = Q(content_type__app_label=opts.app_label)
            readable |= in_app & Q(content_type__model=opts.model_name)
    return EditorialComment.objects.filter(readable)


def for_item(obj, *, user=None):
    """Every comment on `obj`, oldest first; only those `user` may read when given."""
    comments = EditorialComment.objects if user is None else visible_to(user)
    return comments.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


@dataclass
class Thread:
    comment: EditorialComment
    replies: list[EditorialComment] = field(default_factory=list)

    @property
    def last_activity(self) -> datetime.datetime:
        moments = [self.comment.created_at, *(reply.created_at for reply in self.replies)]
        if self.comment.resolved_at:
            moments.append(self.comment.resolved_at)
        return max(moments)

    @property
    def is_resolved(self) -> bool:
        return self.comment.resolved_at is not None


def threads(obj, *, user) -> list[Thread]:
    """`obj`'s threads that `user` may read: open ones, then resolved ones, each newest
    activity first; replies oldest first within a thread."""
    by_id = {}
    replies = []
    for comment in for_item(obj, user=user).select_related("author", "resolved_by"):
        if comment.parent_id is None:
            by_id[comment.pk] = Thread(comment)
        else:
            replies.append(comment)
    for reply in replies:
        if reply.parent_id in by_id:
            by_id[reply.parent_id].replies.append(reply)
    newest_first = sorted(by_id.values(), key=lambda thread: thread.last_activity, reverse=True)
    return sorted(newest_first, key=lambda thread: thread.is_resolved)


class CommentForm(forms.Form):
    """A new comment on an item, or a reply to one of its threads."""

    body = forms.CharField(
        label="Comment",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=5000,
        help_text="Seen by the desk only, never by readers.",
        error_messages={"required": "Write something before posting the comment."},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, item, **kwargs):
        self.item = item
        super().__init__(*args, **kwargs)

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if parent_id is None:
            return None
        parent = for_item(self.item).filter(pk=parent_id).first()
        if parent is None:
            raise forms.ValidationError("The comment you replied to is not on this item.")
        return parent.parent or parent

    def save(self, *, author) -> EditorialComment:
        return add(
            self.item,
            author=author,
            body=self.cleaned_data["body"],
            parent=self.cleaned_data.get("parent"),
        )


def add(obj, *, author, body: str, parent: EditorialComment | None = None) -> EditorialComment:
    return EditorialComment.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        author=author,
        body=body,
        parent=parent,
    )


def resolve(comment: EditorialComment, *, by) -> None:
    comment.resolved_at = timezone.now()
    comment.resolved_by = by
    comment.save(update_fields=["resolved_at", "resolved_by"])


def reopen(comment: EditorialComment) -> None:
    comment.resolved_at = None
    comment.resolved_by = None
    comment.save(update_fields=["resolved_at", "resolved_by"])
