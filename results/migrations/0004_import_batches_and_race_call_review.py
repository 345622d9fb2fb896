"""Import batches (who applied which results file), race call retraction by a user, and the
permission to confirm race calls entered by someone else."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("results", "0003_contest_search_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="racecall",
            options={
                "ordering": ["contest", "-called_at", "pk"],
                "permissions": [
                    (
                        "confirm_racecall",
                        "Can confirm or retract a race call entered by someone else",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="historicalracecall",
            name="retracted_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="racecall",
            name="retracted_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="race_calls_retracted",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.CreateModel(
            name="ImportBatch",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("filename", models.CharField(max_length=255)),
                (
                    "sha256",
                    models.CharField(
                        db_index=True,
                        help_text="Of the file's bytes, as uploaded.",
                        max_length=64,
                        verbose_name="SHA-256",
                    ),
                ),
                ("content", models.TextField(help_text="The file as imported, for audit.")),
                ("imported_at", models.DateTimeField(auto_now_add=True)),
                ("rows_added", models.PositiveIntegerField(default=0)),
                ("rows_changed", models.PositiveIntegerField(default=0)),
                ("rows_unchanged", models.PositiveIntegerField(default=0)),
                (
                    "fields_skipped",
                    models.PositiveIntegerField(
                        default=0, help_text="Figures left alone because an editor locked them."
                    ),
                ),
                (
                    "imported_by",
                    models.ForeignKey(
                        blank=True,
                        help_text="Empty when imported from the command line.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="result_imports",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "import batches",
                "ordering": ["-imported_at", "-pk"],
            },
        ),
        migrations.AddField(
            model_name="snapshot",
            name="import_batch",
            field=models.ForeignKey(
                blank=True,
                help_text="The import that recorded this update; empty when entered by hand.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="snapshots",
                to="results.importbatch",
            ),
        ),
    ]
