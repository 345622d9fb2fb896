"""GIN index for full-text search of contests, on PostgreSQL only.

The index expression is built by the same `SearchVector` the search uses, so PostgreSQL
can answer the search from the index. Other databases get no index and search by substring.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "contest_search_gin"
FIELDS = ("name", "summary")


def search_index() -> GinIndex:
    return GinIndex(SearchVector(*FIELDS, config="english"), name=INDEX_NAME)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("results", "Contest"), search_index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("results", "Contest"), search_index())


class Migration(migrations.Migration):
    dependencies = [("results", "0002_delegates_within_stake")]

    operations = [migrations.RunPython(add_index, remove_index)]
