"""An index on the citations' history by cited item, for version permalinks.

A version page reads the citations of the item and its rows as they were
(newsroom.editorial.as_of): one query on the historical table by (content type, object id),
which has no such index (django-simple-history does not copy Meta.indexes). Raw SQL, so the
model state is unchanged and makemigrations sees nothing to do; the same statement works on
SQLite and PostgreSQL.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0011_citations_belong_to_a_value")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX newsroom_historicalcitation_item_idx "
            "ON newsroom_historicalcitation (content_type_id, object_id, history_date)",
            reverse_sql="DROP INDEX newsroom_historicalcitation_item_idx",
        ),
    ]
