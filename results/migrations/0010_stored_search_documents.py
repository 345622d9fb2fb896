"""Stored, weighted search documents for contests, contest facts and places (PostgreSQL),
and their words in the search vocabulary.

Each table gets a generated `search_document` column (newsroom.search.documents) from the
fields of its kind in results/search.py and a GIN index on it; the contests' replaces the
expression index of 0003. Contest facts and places were not searched before.
"""

from django.db import migrations

from newsroom.search.documents import (
    add_document,
    backfill_vocabulary,
    drop_document,
    drop_indexes,
)

DOCUMENTS = {
    "results_contest": (
        "results.Contest",
        {"A": ("name",), "B": ("summary",), "C": ("office", "held_on_as_reported")},
        "contest_search_document_gin",
    ),
    "results_contestfact": (
        "results.ContestFact",
        {"B": ("statement",)},
        "contest_fact_search_document_gin",
    ),
    "results_jurisdiction": (
        "results.Jurisdiction",
        {"A": ("name",), "B": ("description",)},
        "jurisdiction_search_document_gin",
    ),
}


def add_documents(apps, schema_editor):
    drop_indexes(schema_editor, "contest_search_gin")
    for table, (_, fields, index) in DOCUMENTS.items():
        add_document(schema_editor, table, fields, index=index)


def drop_documents(apps, schema_editor):
    for table in DOCUMENTS:
        drop_document(schema_editor, table)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX contest_search_gin ON results_contest USING gin (to_tsvector("
            "'english'::regconfig, COALESCE(name, '') || ' ' || COALESCE(summary, '')))"
        )


def backfill(apps, schema_editor):
    for label, fields, _ in DOCUMENTS.values():
        backfill_vocabulary(apps, label, fields)


class Migration(migrations.Migration):
    dependencies = [
        ("results", "0009_past_dates_not_in_future"),
        ("newsroom", "0015_search_documents_and_vocabulary"),
    ]

    operations = [
        migrations.RunPython(add_documents, drop_documents),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
