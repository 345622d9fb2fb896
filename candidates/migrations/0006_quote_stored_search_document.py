"""A stored search document for quotes, on PostgreSQL only.

Ranking a common word's matches with the expression index meant computing to_tsvector again
for every matching quote (about 10,800 of 200,000 for "turnout" in `make bench`: 0.5 s). The
generated column keeps each quote's vector on disk, so ranking reads it instead. Its
expression is exactly what `SearchVector("text", "speaker_name", "context",
config="english")` compiles to, so results are the same. Django's model does not know the
column: PostgreSQL fills it on every insert and update. Other databases search by substring.
"""

from django.db import migrations

FORWARD = [
    """
    ALTER TABLE candidates_quote ADD COLUMN search_document tsvector
    GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig,
            COALESCE(text, '') || ' ' || COALESCE(speaker_name::text, '') || ' '
            || COALESCE(context, ''))
    ) STORED
    """,
    "CREATE INDEX quote_search_document_gin ON candidates_quote USING gin (search_document)",
    "DROP INDEX IF EXISTS quote_search_gin",
]
REVERSE = [
    "DROP INDEX IF EXISTS quote_search_document_gin",
    "ALTER TABLE candidates_quote DROP COLUMN IF EXISTS search_document",
    """
    CREATE INDEX quote_search_gin ON candidates_quote USING gin (
        to_tsvector('english'::regconfig,
            COALESCE(text, '') || ' ' || COALESCE(speaker_name::text, '') || ' '
            || COALESCE(context, '')))
    """,
]


def _execute(schema_editor, statements):
    if schema_editor.connection.vendor == "postgresql":
        for statement in statements:
            schema_editor.execute(statement)


def add_search_document(apps, schema_editor):
    _execute(schema_editor, FORWARD)


def remove_search_document(apps, schema_editor):
    _execute(schema_editor, REVERSE)


class Migration(migrations.Migration):
    dependencies = [("candidates", "0005_quote_newest_first_index")]

    operations = [migrations.RunPython(add_search_document, remove_search_document)]
