"""Full history of every tracked model (django-simple-history), each change with where it
came from: the change-source column every historical table carries (`tracked_history`).

Published versions read from these histories are newsroom.editorial.versions'.
"""

from django.db import models
from django.dispatch import receiver
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record


class ChangeSourceHistory(models.Model):
    """Extra columns of every historical table: where the change came from.

    Set `instance._change_source` (a URL or a note) and `instance._change_reason` (the
    change comment, simple-history's own field) before saving.
    """

    history_change_source = models.CharField(
        "source of the change",
        max_length=500,
        blank=True,
        help_text="A URL or a note on where the new information comes from.",
    )

    class Meta:
        abstract = True


def tracked_history(**options) -> HistoricalRecords:
    """HistoricalRecords with the change-source column; use for every tracked model."""
    return HistoricalRecords(bases=[ChangeSourceHistory], **options)


@receiver(pre_create_historical_record)
def _record_change_source(sender, instance, history_instance, **kwargs):
    if hasattr(history_instance, "history_change_source"):
        history_instance.history_change_source = getattr(instance, "_change_source", "") or ""
