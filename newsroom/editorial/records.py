"""Editorial records about any content item: workflow steps, editorial comments, who is
editing what, public corrections, redirects left by merged duplicates, and tombstones left
by deleted public items.

A correction keeps what readers saw of its item when it was recorded (`subject`, `url`), and
a tombstone what was at the old address: the public log (/corrections/) lists both whether
or not the item is still public.

Each record points at its item through a generic relation, so the candidates and results
apps need nothing special to use them. Imported by newsroom.models.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from ..constraints import ConstraintErrorsOnFields
from .policy import EditorialPolicy
from .publishing import Status


class ItemRecord(ConstraintErrorsOnFields, models.Model):
    """Abstract: a record attached to one content item of any type."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")

    editorial = EditorialPolicy(owner="content_object")

    class Meta:
        abstract = True


class WorkflowEvent(ItemRecord):
    """One step of an item's publication workflow: who moved it from which state to which,
    and when. The item's own history keeps the content; this keeps the steps."""

    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    publish_at = models.DateTimeField(
        null=True, blank=True, help_text="The scheduled time set with this step, if any."
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]
        # Site-wide editorial permissions, held by roles (see newsroom.editorial.roles).
        permissions = [
            ("publish_content", "Can publish, schedule and unpublish content"),
            ("revert_content", "Can revert content to an earlier version"),
            ("merge_content", "Can merge duplicate candidates and sources"),
            ("export_content", "Can export citations and data from the admin"),
        ]

    def __str__(self):
        return f"{self.get_from_status_display() or 'new'} → {self.get_to_status_display()}"


class EditorialComment(ItemRecord):
    """A note between editors on an item; never public. Replies hang off a top comment."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField()
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(body=""),
                name="editorial_comment_not_empty",
                violation_error_message="Write the comment.",
            )
        ]

    def __str__(self):
        return self.body if len(self.body) <= 60 else f"{self.body[:59]}…"


class EditingPresence(ItemRecord):
    """Who has an item's change form open, since when, last seen when."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "user"],
                name="presence_one_per_user",
                violation_error_message="This person is already shown as editing this item.",
            )
        ]

    def __str__(self):
        return f"{self.user} editing since {self.started_at:%Y-%m-%d %H:%M}"


class Correction(ItemRecord):
    """A public record of a change to a published item, with its type and public note."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        CLARIFICATION = "clarification", "Clarification"
        UPDATE = "update", "Update"
        RETRACTION = "retraction", "Retraction"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    note = models.TextField("public note", help_text="Shown to readers with the date.")
    changes = models.JSONField(
        default=dict,
        blank=True,
        help_text="What changed: {field: {'label', 'from', 'to'}}, recorded automatically.",
    )
    created_at = models.DateTimeField("date", default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    subject = models.CharField(
        "about",
        max_length=300,
        blank=True,
        help_text="What readers saw it about (“Quote: …”), kept when it is recorded on a "
        "public item, so the log lists it after the item is unpublished or deleted.",
    )
    url = models.CharField(
        "address",
        max_length=300,
        blank=True,
        help_text="Where readers saw the item when the correction was recorded.",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(note=""),
                name="correction_note_not_empty",
                violation_error_message="Say what was corrected.",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.note[:60]}"

    def save(self, *args, **kwargs):
        if self._state.adding and not self.subject:
            # The public log lists it for good once readers have seen its item: keep what
            # they saw. (Imported here: the readers' view reads the apps' declarations.)
            from .public import as_readers_see

            self.subject, self.url = as_readers_see(self.content_object)
        super().save(*args, **kwargs)


class Redirect(models.Model):
    """An old public path that now lives elsewhere, e.g. a merged duplicate's page."""

    old_path = models.CharField(max_length=300, unique=True)
    new_path = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"


class Tombstone(ConstraintErrorsOnFields, models.Model):
    """What was at a public address before the item there was deleted: the old address
    answers 410 Gone with the note (newsroom.middleware), and /corrections/ lists it as
    “Removed”. Left by newsroom.editorial.removals, never edited."""

    old_path = models.CharField("old address", max_length=300, db_index=True)
    subject = models.CharField(
        "what was there", max_length=300, help_text="As readers saw it (“Quote: …”)."
    )
    kind = models.CharField(
        "kind of item", max_length=100, help_text="“Quote”, “Candidate profile” …"
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    note = models.TextField("public note", help_text="Shown to readers with the date.")
    listed = models.BooleanField(
        default=True,
        help_text="Listed on /corrections/; rows deleted with another item (a candidate's "
        "quotes) are not listed apart, but their addresses answer with the note too.",
    )
    created_at = models.DateTimeField("date", default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(note=""),
                name="tombstone_note_not_empty",
                violation_error_message="Say why it was removed.",
            )
        ]

    def __str__(self):
        return f"{self.old_path}: removed {self.created_at:%Y-%m-%d}"
