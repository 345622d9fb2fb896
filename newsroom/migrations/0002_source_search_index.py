"""GIN index for full-text search of sources, on PostgreSQL only.

The index expression is built by the same `SearchVector` the search uses, so PostgreSQL
can answer the search from the index. Other databases get no index and search by substring.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "source_search_gin"
FIELDS = ("headline", "untitled_description", "standfirst")


def search_index() -> GinIndex:
    return GinIndex(SearchVector(*FIELDS, config="english"), name=INDEX_NAME)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("newsroom", "Source"), search_index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("newsroom", "Source"), search_index())


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0001_initial")]

    operations = [migrations.RunPython(add_index, remove_index)]
