"""The project's own app: connects the page cache to the content it shows."""

from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save


class BallotDeskConfig(AppConfig):
    name = "ballotdesk"
    verbose_name = "Ballot Desk"

    def ready(self):
        # First: after a commit the primary's WAL position is recorded before the pages'
        # keys move on (and caches in front are purged), so no page is re-rendered from a
        # replica that is behind (its receivers, connected at import, run before ours).
        from newsroom.bulk import rows_written

        from . import db_router  # noqa: F401
        from .page_cache import content_changed, is_tracked, row_loaded, rows_changed

        post_save.connect(content_changed, dispatch_uid="page-cache-saved")
        post_delete.connect(content_changed, dispatch_uid="page-cache-deleted")
        m2m_changed.connect(content_changed, dispatch_uid="page-cache-relinked")
        rows_written.connect(rows_changed, dispatch_uid="page-cache-bulk-written")
        # The rows a public page loads are its surrogate keys.
        for model in apps.get_models():
            if is_tracked(model):
                post_init.connect(
                    row_loaded,
                    sender=model,
                    weak=False,
                    dispatch_uid=f"page-cache-shown-{model._meta.label_lower}",
                )
