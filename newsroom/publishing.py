"""Publication states shared by every public-facing model, and the one `published()` filter.

Public code (views, feeds, sitemaps, search, exports, API) reads only through `published()`.
An item is public when its status is published and its scheduled time, if any, has come:
the comparison with now happens in the query, so scheduled items go live without a cron job.
"""

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    UNPUBLISHED = "unpublished", "Unpublished"


def published_q(prefix: str = "") -> models.Q:
    """The condition for 'public now', optionally through a relation (`prefix='candidate__'`)."""
    return models.Q(**{f"{prefix}status": Status.PUBLISHED}) & (
        models.Q(**{f"{prefix}publish_at__isnull": True})
        | models.Q(**{f"{prefix}publish_at__lte": timezone.now()})
    )


class PublishableQuerySet(models.QuerySet):
    """Reads shared by publishable models. Subclasses add the parents they depend on."""

    #: Relations whose target must be public too, e.g. ("candidate__",) for a quote.
    public_parents: tuple[str, ...] = ()

    def published(self):
        condition = published_q()
        for prefix in self.public_parents:
            condition &= published_q(prefix)
        return self.filter(condition)

    def awaiting_review(self):
        return self.filter(status=Status.IN_REVIEW)

    def drafts(self):
        return self.filter(status=Status.DRAFT)


class Publishable(models.Model):
    """Abstract base: publication status, scheduled time, timestamps and full history."""

    status = models.CharField(
        "publication status",
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text="Only published items appear on the public site, feeds, search and exports.",
    )
    publish_at = models.DateTimeField(
        "publish at",
        null=True,
        blank=True,
        help_text="Optional scheduled time: a published item stays hidden until then.",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("last updated", auto_now=True)

    history = HistoricalRecords(inherit=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED and (
            self.publish_at is None or self.publish_at <= timezone.now()
        )
