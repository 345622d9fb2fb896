"""Planner statistics refreshed after a bulk load, so the next query plans know the rows.

PostgreSQL plans from statistics that autovacuum refreshes only after enough rows changed
and some time passed; right after a bulk load (a results import, the bench newsroom) the
planner still believes the tables small and picks plans that take seconds (issue 17: the home
page hit gunicorn's timeout on data loaded without ANALYZE). The loaders call `analyze()` on
what they wrote, once they have committed. SQLite keeps its statistics the same way
(`ANALYZE` fills `sqlite_stat1`).
"""

from django.db import connection


def analyze(*models) -> None:
    """ANALYZE the tables of `models` and of their history (simple-history) models."""
    tables = []
    for model in models:
        tables.append(model._meta.db_table)
        history = getattr(model, "history", None)
        if history is not None and hasattr(history, "model"):
            tables.append(history.model._meta.db_table)
    with connection.cursor() as cursor:
        for table in dict.fromkeys(tables):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
