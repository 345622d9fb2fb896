"""Stored, weighted search documents for candidates, quotes and facts (PostgreSQL), and
their words in the search vocabulary.

Each table gets a generated `search_document` column (newsroom.search.documents) from the
fields of its kind in candidates/search.py, with names weighted above what is said, and a
GIN index on it. They replace the expression indexes of 0003 and the unweighted quote
column of 0006.
"""

from django.db import migrations

from newsroom.search.documents import (
    add_document,
    backfill_vocabulary,
    drop_document,
    drop_indexes,
)

DOCUMENTS = {
    "candidates_candidate": (
        "candidates.Candidate",
        {"A": ("full_name",), "B": ("summary", "occupation", "hometown")},
        "candidate_search_document_gin",
    ),
    "candidates_quote": (
        "candidates.Quote",
        {"B": ("text",), "C": ("speaker_name", "context")},
        "quote_search_document_gin",
    ),
    "candidates_fact": ("candidates.Fact", {"B": ("statement",)}, "fact_search_document_gin"),
}

PREVIOUS_QUOTE_DOCUMENT = """
    ALTER TABLE candidates_quote ADD COLUMN search_document tsvector
    GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig,
            COALESCE(text, '') || ' ' || COALESCE(speaker_name::text, '') || ' '
            || COALESCE(context, ''))
    ) STORED
"""
PREVIOUS_INDEXES = {
    "candidates_candidate": (
        "candidate_search_gin",
        "COALESCE(full_name, '') || ' ' || COALESCE(summary, '') || ' ' || "
        "COALESCE(occupation, '') || ' ' || COALESCE(hometown, '')",
    ),
    "candidates_fact": ("fact_search_gin", "COALESCE(statement, '')"),
}


def add_documents(apps, schema_editor):
    drop_indexes(
        schema_editor, "candidate_search_gin", "fact_search_gin", "quote_search_document_gin"
    )
    drop_document(schema_editor, "candidates_quote")
    for table, (_, fields, index) in DOCUMENTS.items():
        add_document(schema_editor, table, fields, index=index)


def drop_documents(apps, schema_editor):
    for table in DOCUMENTS:
        drop_document(schema_editor, table)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PREVIOUS_QUOTE_DOCUMENT)
        schema_editor.execute(
            "CREATE INDEX quote_search_document_gin ON candidates_quote USING gin (search_document)"
        )
        for table, (name, text) in PREVIOUS_INDEXES.items():
            schema_editor.execute(
                f"CREATE INDEX {name} ON {table} "
                f"USING gin (to_tsvector('english'::regconfig, {text}))"
            )


def backfill(apps, schema_editor):
    for label, fields, _ in DOCUMENTS.values():
        backfill_vocabulary(apps, label, fields)


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0009_latest_change_index"),
        ("newsroom", "0015_search_documents_and_vocabulary"),
    ]

    operations = [
        migrations.RunPython(add_documents, drop_documents),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
