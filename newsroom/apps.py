from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom: outlets and sources"

    def ready(self):
        from . import cited_values, constraints  # noqa: F401 (constraints: message check)
        from .citations import box
        from .editorial import checks, removals, roles  # noqa: F401 (checks: the policy check)

        # Every app says what it contributes (citable kinds, page sections, search, roles)
        # in one module, `declarations.py`, found the way the admin finds `admin.py`.
        autodiscover_modules("declarations")
        box.invalidate_on_change()
        # A citation of a field supports the value it was made for (newsroom.cited_values).
        cited_values.connect()
        # Deleting a public item with a page of its own needs a public note, from any door.
        removals.connect_guard()
        post_migrate.connect(
            roles.sync_roles_after_migrate, sender=self, dispatch_uid="newsroom-sync-roles"
        )
        connection_created.connect(_add_search_fold, dispatch_uid="newsroom-search-fold")


def _add_search_fold(sender, connection, **kwargs):
    """SQLite's search compares folded text (no case, no accents: newsroom.search.query)."""
    if connection.vendor == "sqlite":
        from .search.query import fold

        connection.connection.create_function(
            "search_fold", 1, lambda text: None if text is None else fold(text), deterministic=True
        )
