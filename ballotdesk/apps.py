"""The project's own app: connects the page cache to the content it shows."""

from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class BallotDeskConfig(AppConfig):
    name = "ballotdesk"
    verbose_name = "Ballot Desk"

    def ready(self):
        from newsroom.bulk import rows_written

        from .page_cache import content_changed

        post_save.connect(content_changed, dispatch_uid="page-cache-saved")
        post_delete.connect(content_changed, dispatch_uid="page-cache-deleted")
        m2m_changed.connect(content_changed, dispatch_uid="page-cache-relinked")
        rows_written.connect(content_changed, dispatch_uid="page-cache-bulk-written")
