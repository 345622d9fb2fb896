"""The stored search documents' DDL and the vocabulary's backfill, for the migrations that
make a kind searchable.

A kind's document is a generated column, `search_document tsvector GENERATED ALWAYS AS
(…) STORED`, so PostgreSQL keeps it in step with every write (a save, a bulk insert, an
`update()`, raw SQL) and nothing in Python has to. Django's model does not know the column
(history, forms, exports and the API never see it); the search reads it by name. Other
databases get no column: they search the fields by substring.

Each migration passes its fields by weight literally, as the kind's declaration has them at
that point in time, so an old migration still builds what it built.
"""

from .query import fold, words_in

CONFIG = "english_unaccent"
COLUMN = "search_document"


def document_sql(fields_by_weight: dict[str, tuple[str, ...]]) -> str:
    """The tsvector expression of the weighted fields, with the search's configuration."""
    parts = []
    for weight, fields in sorted(fields_by_weight.items()):
        text = " || ' ' || ".join(f"COALESCE({field}::text, '')" for field in fields)
        parts.append(f"setweight(to_tsvector('{CONFIG}'::regconfig, {text}), '{weight}')")
    return " || ".join(parts)


def add_document(schema_editor, table: str, fields_by_weight: dict, *, index: str) -> None:
    """Add the stored document of `table` and its GIN index (PostgreSQL only)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE {table} ADD COLUMN {COLUMN} tsvector "
        f"GENERATED ALWAYS AS ({document_sql(fields_by_weight)}) STORED"
    )
    schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin ({COLUMN})")


def drop_document(schema_editor, table: str) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {COLUMN}")


def drop_indexes(schema_editor, *names: str) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for name in names:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def backfill_vocabulary(apps, model_label: str, fields_by_weight: dict) -> None:
    """Add the words of every row of the model to the search vocabulary (any state: a
    suggestion is checked against published rows before it is offered)."""
    model = apps.get_model(model_label)
    search_word = apps.get_model("newsroom", "SearchWord")
    names = [
        (weight == "A", name) for weight, fields in fields_by_weight.items() for name in fields
    ]
    words: dict[str, tuple[str, bool]] = {}
    rows = model._base_manager.order_by().values_list(*(name for _, name in names))
    for values in rows.iterator(chunk_size=5000):
        for (prominent, _), value in zip(names, values, strict=True):
            for written in words_in(value or ""):
                key = fold(written)
                if not 3 <= len(key) <= 60 or key.isdigit():
                    continue
                seen = words.get(key)
                if seen is None or (prominent and not seen[1]):
                    words[key] = (written, prominent)
    existing = set(search_word.objects.filter(prominent=True).values_list("word", flat=True))
    known = set(search_word.objects.values_list("word", flat=True))
    new = [
        search_word(word=key, display=written, prominent=prominent)
        for key, (written, prominent) in words.items()
        if key not in known
    ]
    search_word.objects.bulk_create(new, batch_size=1000)
    promoted = [
        key for key, (_, prominent) in words.items() if prominent and key in known - existing
    ]
    for start in range(0, len(promoted), 1000):
        search_word.objects.filter(word__in=promoted[start : start + 1000]).update(prominent=True)
