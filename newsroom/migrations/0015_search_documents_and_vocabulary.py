"""Search over everything public: the extensions and text search configuration it uses,
the vocabulary behind "Did you mean …?", and the stored search document of sources.

- `unaccent` and `pg_trgm` (no-ops on other databases), and `english_unaccent`: English
  stemming after unaccent, so "jose" finds "José" in documents and queries alike.
- `SearchWord`, with a trigram index for nearest spellings (PostgreSQL), filled from the
  sources here and from each app's searched rows by its own migration.
- Sources' generated `search_document` column and its GIN index replace the expression
  index of 0002 (newsroom.search.documents).
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

from newsroom.search.documents import (
    add_document,
    backfill_vocabulary,
    drop_document,
    drop_indexes,
)

SOURCE_FIELDS = {"A": ("headline", "untitled_description"), "B": ("standfirst",)}


def add_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = english)")
        schema_editor.execute(
            "ALTER TEXT SEARCH CONFIGURATION english_unaccent "
            "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem"
        )


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS english_unaccent")


def add_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX searchword_word_trgm ON newsroom_searchword "
            "USING gist (word gist_trgm_ops)"
        )


def drop_trigram_index(apps, schema_editor):
    drop_indexes(schema_editor, "searchword_word_trgm")


def add_source_document(apps, schema_editor):
    drop_indexes(schema_editor, "source_search_gin")
    add_document(
        schema_editor, "newsroom_source", SOURCE_FIELDS, index="source_search_document_gin"
    )


def drop_source_document(apps, schema_editor):
    drop_document(schema_editor, "newsroom_source")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX source_search_gin ON newsroom_source USING gin (to_tsvector("
            "'english'::regconfig, COALESCE(headline, '') || ' ' || "
            "COALESCE(untitled_description, '') || ' ' || COALESCE(standfirst, '')))"
        )


def backfill(apps, schema_editor):
    backfill_vocabulary(apps, "newsroom.Source", SOURCE_FIELDS)


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0014_latest_change_index")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(add_configuration, drop_configuration),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "word",
                    models.CharField(
                        help_text="Folded: lower case, no accents.", max_length=60, unique=True
                    ),
                ),
                ("display", models.CharField(help_text="As written, e.g. Palmer.", max_length=60)),
                (
                    "prominent",
                    models.BooleanField(
                        default=False,
                        help_text="Seen in a name or a title (preferred among equal spellings).",
                    ),
                ),
            ],
            options={"verbose_name": "search word"},
        ),
        migrations.RunPython(add_trigram_index, drop_trigram_index),
        migrations.RunPython(add_source_document, drop_source_document),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
