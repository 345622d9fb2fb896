"""GIN indexes for full-text search of candidates, quotes and facts, on PostgreSQL only.

Each index expression is built by the same `SearchVector` the search uses, so PostgreSQL
can answer the search from the index. Other databases get no index and search by substring.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEXES = {
    "Candidate": ("candidate_search_gin", ("full_name", "summary", "occupation", "hometown")),
    "Quote": ("quote_search_gin", ("text", "speaker_name", "context")),
    "Fact": ("fact_search_gin", ("statement",)),
}


def search_indexes(apps):
    for model_name, (name, fields) in INDEXES.items():
        index = GinIndex(SearchVector(*fields, config="english"), name=name)
        yield apps.get_model("candidates", model_name), index


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in search_indexes(apps):
            schema_editor.add_index(model, index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in search_indexes(apps):
            schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("candidates", "0002_link_outlets_and_history_users")]

    operations = [migrations.RunPython(add_indexes, remove_indexes)]
