"""Writes of many rows at once, with what a row-by-row `save()` would have done around them.

Django's `bulk_create()` and `bulk_update()` send no `post_save`, so whatever listens to
saves (the page cache, the replica's write position, the citation box's generation) would
not hear of them. A bulk writer sends `rows_written` once per model instead, and those
listeners connect to it as they do to `post_save`. The writer itself keeps the other
guarantees of `save()`: the edit version moves on (`Versioned`), and each row gets its
history record, all with one timestamp and in one INSERT per model.
"""

from django.db import connections, models, router
from django.dispatch import Signal
from django.utils import timezone

#: Sent after a bulk write: sender is the model, `instances` the rows written,
#: `created` whether they are new.
rows_written = Signal()


def create(model: type[models.Model], rows: list, *, by=None, now=None) -> list:
    """INSERT `rows` (primary keys set on return), their history, and tell the listeners."""
    if not rows:
        return rows
    model.objects.bulk_create(rows)
    _history(model, rows, update=False, by=by, now=now)
    rows_written.send(sender=model, instances=rows, created=True)
    return rows


def update(model: type[models.Model], rows: list, fields, *, by=None, now=None) -> list:
    """UPDATE `fields` of `rows`, which the caller has locked (`select_for_update`), moving
    each edit version on by one; their history, and tell the listeners."""
    if not rows:
        return rows
    fields = set(fields)
    if any(field.name == "version" for field in model._meta.concrete_fields):
        for row in rows:
            row.version += 1
        fields.add("version")
    _update_from_values(model, rows, sorted(fields))
    _history(model, rows, update=True, by=by, now=now)
    rows_written.send(sender=model, instances=rows, created=False)
    return rows


#: Rows per UPDATE statement (SQLite allows 32,766 parameters in one).
UPDATE_BATCH = 1000


def _update_from_values(model, rows, field_names) -> None:
    """One `UPDATE … FROM (VALUES …)` per batch of rows, on PostgreSQL and SQLite alike.

    Django's `bulk_update()` writes a `CASE WHEN pk = … THEN …` per field, which the
    database evaluates for every row against every branch: 10,000 rows took minutes.
    Values are prepared by each field as `save()` would. PostgreSQL casts them to the
    column's type (a column of only NULLs would otherwise be text); SQLite stores what it
    is given, as for any other write.
    """
    using = router.db_for_write(model)
    connection = connections[using]
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in field_names]
    pk = model._meta.pk
    columns = [pk, *fields]
    if connection.vendor == "sqlite":
        # SQLite names a VALUES list's columns column1, column2, …
        names = [f"column{index + 1}" for index in range(len(columns))]
        alias = "v"
        assignments = [f"v.{name}" for name in names[1:]]
    else:
        names = [f"c{index}" for index in range(len(columns))]
        alias = f"v ({', '.join(names)})"
        assignments = [
            f"CAST(v.{name} AS {field.cast_db_type(connection)})"
            for field, name in zip(fields, names[1:], strict=True)
        ]
    assign = ", ".join(
        f"{quote(field.column)} = {value}" for field, value in zip(fields, assignments, strict=True)
    )
    table = quote(model._meta.db_table)
    row_placeholder = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), UPDATE_BATCH):
            batch = rows[start : start + UPDATE_BATCH]
            params = [
                field.get_db_prep_save(getattr(row, field.attname), connection)
                for row in batch
                for field in columns
            ]
            cursor.execute(
                f"UPDATE {table} SET {assign} "
                f"FROM (VALUES {', '.join([row_placeholder] * len(batch))}) AS {alias} "
                f"WHERE {table}.{quote(pk.column)} = v.{names[0]}",
                params,
            )


def _history(model, rows, *, update: bool, by, now) -> None:
    history = getattr(model, "history", None)
    if history is None:
        return
    history.bulk_history_create(
        rows, update=update, default_user=by, default_date=now or timezone.now()
    )
