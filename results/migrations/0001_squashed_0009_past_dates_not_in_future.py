import importlib

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import newsroom.constraints
import newsroom.dates
import results.models

# The squash of this app's migrations, applied on a fresh database only (one that has
# applied any of them goes on with the originals, which stay until every database has
# applied them all): the models' final tables, with their constraints and indexes inside
# CreateModel (SQLite rebuilds a table for each one added later), then the data steps that
# build database objects (indexes, triggers, the roles), run from the original files. Data
# steps that only change existing rows are left out: a fresh database has none.
_0002 = importlib.import_module("results.migrations.0002_delegates_within_stake")
_0003 = importlib.import_module("results.migrations.0003_contest_search_index")


class Migration(migrations.Migration):
    replaces = [
        ("results", "0001_initial"),
        ("results", "0002_delegates_within_stake"),
        ("results", "0003_contest_search_index"),
        ("results", "0004_import_batches_and_race_call_review"),
        ("results", "0005_editorial_workflow"),
        ("results", "0006_constraint_messages_for_editors"),
        ("results", "0007_locked_fields_name_lockable_figures"),
        ("results", "0008_race_call_state_machine"),
        ("results", "0009_past_dates_not_in_future"),
    ]

    initial = True

    dependencies = [
        ("auth", "__first__"),
        ("candidates", "0001_squashed_0008_past_dates_not_in_future"),
        ("newsroom", "0001_squashed_0010_citation_value_as_reported"),
    ]

    operations = [
        migrations.CreateModel(
            name="Jurisdiction",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one on every save; a save from an older version is refused.",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("in_review", "In review"),
                            ("published", "Published"),
                            ("unpublished", "Unpublished"),
                        ],
                        db_index=True,
                        default="draft",
                        help_text="Only published items appear on the public site, feeds, search and exports.",
                        max_length=20,
                        verbose_name="publication status",
                    ),
                ),
                (
                    "publish_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="Optional scheduled time: a published item stays hidden until then.",
                        null=True,
                        verbose_name="publish at",
                    ),
                ),
                (
                    "editor_note",
                    models.TextField(
                        blank=True,
                        help_text="Optional; shown at the top of the public page (corrections are recorded separately, with their type and public note).",
                        verbose_name="editor's note",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="last updated")),
                ("name", models.CharField(max_length=200)),
                ("slug", models.SlugField(max_length=200, unique=True)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("country", "Country"),
                            ("state", "State"),
                            ("territory", "Territory"),
                            ("district", "District"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "ocd_id",
                    models.CharField(
                        help_text="Open Civic Data division, e.g. ocd-division/country:us/territory:as",
                        max_length=300,
                        unique=True,
                        verbose_name="OCD division id",
                    ),
                ),
                ("description", models.TextField(blank=True, help_text="In our own words.")),
                (
                    "casts_electoral_votes",
                    models.BooleanField(
                        blank=True, null=True, verbose_name="casts electoral votes for president"
                    ),
                ),
            ],
            options={
                "ordering": ["name"],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="Contest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one on every save; a save from an older version is refused.",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("in_review", "In review"),
                            ("published", "Published"),
                            ("unpublished", "Unpublished"),
                        ],
                        db_index=True,
                        default="draft",
                        help_text="Only published items appear on the public site, feeds, search and exports.",
                        max_length=20,
                        verbose_name="publication status",
                    ),
                ),
                (
                    "publish_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="Optional scheduled time: a published item stays hidden until then.",
                        null=True,
                        verbose_name="publish at",
                    ),
                ),
                (
                    "editor_note",
                    models.TextField(
                        blank=True,
                        help_text="Optional; shown at the top of the public page (corrections are recorded separately, with their type and public note).",
                        verbose_name="editor's note",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="last updated")),
                ("office", models.CharField(default="President", max_length=100)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("caucus", "Caucus"),
                            ("primary", "Primary"),
                            ("not_stated", "Nominating contest (kind not stated in sources)"),
                        ],
                        max_length=20,
                    ),
                ),
                ("name", models.CharField(max_length=200)),
                ("slug", models.SlugField(max_length=200, unique=True)),
                ("year", models.PositiveSmallIntegerField()),
                ("held_on", models.DateField(blank=True, null=True, verbose_name="date")),
                (
                    "held_on_precision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("year", "Year only"),
                            ("month", "Year and month"),
                            ("day", "Exact day"),
                        ],
                        max_length=5,
                        verbose_name="date precision",
                    ),
                ),
                (
                    "held_on_as_reported",
                    models.CharField(
                        blank=True,
                        help_text="The sources' own words, e.g. “Friday”, kept beside the date we derived.",
                        max_length=200,
                        verbose_name="date, as reported",
                    ),
                ),
                ("delegates_at_stake", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("ballots_cast", models.PositiveIntegerField(blank=True, null=True)),
                (
                    "count_status",
                    models.CharField(
                        choices=[
                            ("scheduled", "Scheduled"),
                            ("counting", "Counting"),
                            ("final", "Final"),
                        ],
                        default="scheduled",
                        max_length=20,
                        verbose_name="count status",
                    ),
                ),
                (
                    "reporting_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=5,
                        null=True,
                        verbose_name="reporting %",
                    ),
                ),
                (
                    "reporting_as_of",
                    models.DateTimeField(
                        blank=True,
                        null=True,
                        validators=[newsroom.dates.not_in_future],
                        verbose_name="reporting as of",
                    ),
                ),
                (
                    "reporting_as_of_as_reported",
                    models.CharField(
                        blank=True,
                        help_text="e.g. Tuesday night",
                        max_length=200,
                        verbose_name="reporting as of, as reported",
                    ),
                ),
                ("summary", models.TextField(blank=True, help_text="In our own words.")),
                (
                    "party",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="contests",
                        to="candidates.party",
                    ),
                ),
                (
                    "jurisdiction",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="contests",
                        to="results.jurisdiction",
                    ),
                ),
            ],
            options={
                "ordering": ["-year", "jurisdiction__name", "party__name"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("reporting_percent__isnull", True),
                            models.Q(
                                ("reporting_percent__gte", 0), ("reporting_percent__lte", 100)
                            ),
                            _connector="OR",
                        ),
                        name="contest_reporting_percent_range",
                        violation_error_message="Reporting %% must be between 0 and 100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("year__gte", 1788), ("year__lte", 2200)),
                        name="contest_year_plausible",
                        violation_error_message="Enter a four-digit year.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("held_on__isnull", True), ("held_on_precision", "")),
                            models.Q(
                                ("held_on__isnull", False),
                                models.Q(("held_on_precision", ""), _negated=True),
                            ),
                            _connector="OR",
                        ),
                        name="contest_held_on_precision",
                        violation_error_message="Give a date and its precision together, or leave both empty.",
                    ),
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalContestFact",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "history_change_source",
                    models.CharField(
                        blank=True,
                        help_text="A URL or a note on where the new information comes from.",
                        max_length=500,
                        verbose_name="source of the change",
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one on every save; a save from an older version is refused.",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("in_review", "In review"),
                            ("published", "Published"),
                            ("unpublished", "Unpublished"),
                        ],
                        db_index=True,
                        default="draft",
                        help_text="Only published items appear on the public site, feeds, search and exports.",
                        max_length=20,
                        verbose_name="publication status",
                    ),
                ),
                (
                    "publish_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="Optional scheduled time: a published item stays hidden until then.",
                        null=True,
                        verbose_name="publish at",
                    ),
                ),
                (
                    "editor_note",
                    models.TextField(
                        blank=True,
                        help_text="Optional; shown at the top of the public page (corrections are recorded separately, with their type and public note).",
                        verbose_name="editor's note",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="created"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="last updated"),
                ),
                ("statement", models.TextField(help_text="In our own words, not the source's.")),
                ("position", models.PositiveSmallIntegerField(default=0)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "contest",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="results.contest",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical contest fact",
                "verbose_name_plural": "historical contest facts",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalJurisdiction",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "history_change_source",
                    models.CharField(
                        blank=True,
                        help_text="A URL or a note on where the new information comes from.",
                        max_length=500,
                        verbose_name="source of the change",
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one on every save; a save from an older version is refused.",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("in_review", "In review"),
                            ("published", "Published"),
                            ("unpublished", "Unpublished"),
                        ],
                        db_index=True,
                        default="draft",
                        help_text="Only published items appear on the public site, feeds, search and exports.",
                        max_length=20,
                        verbose_name="publication status",
                    ),
                ),
                (
                    "publish_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="Optional scheduled time: a published item stays hidden until then.",
                        null=True,
                        verbose_name="publish at",
                    ),
                ),
                (
                    "editor_note",
                    models.TextField(
                        blank=True,
                        help_text="Optional; shown at the top of the public page (corrections are recorded separately, with their type and public note).",
                        verbose_name="editor's note",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="created"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="last updated"),
                ),
                ("name", models.CharField(max_length=200)),
                ("slug", models.SlugField(max_length=200)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("country", "Country"),
                            ("state", "State"),
                            ("territory", "Territory"),
                            ("district", "District"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "ocd_id",
                    models.CharField(
                        db_index=True,
                        help_text="Open Civic Data division, e.g. ocd-division/country:us/territory:as",
                        max_length=300,
                        verbose_name="OCD division id",
                    ),
                ),
                ("description", models.TextField(blank=True, help_text="In our own words.")),
                (
                    "casts_electoral_votes",
                    models.BooleanField(
                        blank=True, null=True, verbose_name="casts electoral votes for president"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical jurisdiction",
                "verbose_name_plural": "historical jurisdictions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRaceCall",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "history_change_source",
                    models.CharField(
                        blank=True,
                        help_text="A URL or a note on where the new information comes from.",
                        max_length=500,
                        verbose_name="source of the change",
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one on every save; a save from an older version is refused.",
                    ),
                ),
                (
                    "called_by",
                    models.CharField(
                        help_text="Who declared it, e.g. the local Democratic Party chair.",
                        max_length=200,
                    ),
                ),
                (
                    "basis",
                    models.CharField(
                        choices=[
                            ("party_confirmation", "Confirmed by the party"),
                            ("vote_count", "Complete vote count"),
                            ("projection", "Projection"),
                            ("other", "Other"),
                        ],
                        max_length=30,
                    ),
                ),
                ("basis_note", models.CharField(blank=True, max_length=300)),
                (
                    "called_at",
                    models.DateTimeField(
                        blank=True, null=True, validators=[newsroom.dates.not_in_future]
                    ),
                ),
                (
                    "called_at_as_reported",
                    models.CharField(blank=True, help_text="e.g. Tuesday night", max_length=200),
                ),
                ("confirmed_at", models.DateTimeField(blank=True, null=True)),
                ("retracted_at", models.DateTimeField(blank=True, null=True)),
                ("retraction_note", models.TextField(blank=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "confirmed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "contest",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="results.contest",
                    ),
                ),
                (
                    "entered_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Who last chose what the call says; someone else confirms it.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reported_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="newsroom.outlet",
                    ),
                ),
                (
                    "retracted_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "winner",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="A candidate with a result in the contest.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="candidates.candidate",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical race call",
                "verbose_name_plural": "historical race calls",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalResult",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "history_change_source",
                    models.CharField(
                        blank=True,
                        help_text="A URL or a note on where the new information comes from.",
                        max_length=500,
                        verbose_name="source of the change",
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one on every save; a save from an older version is refused.",
                    ),
                ),
                (
                    "votes",
                    models.PositiveIntegerField(
                        blank=True, help_text="Empty if not reported.", null=True
                    ),
                ),
                (
                    "reported_share",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="The share a source reported, kept even where votes are known.",
                        max_digits=5,
                        null=True,
                        verbose_name="reported vote share %",
                    ),
                ),
                (
                    "delegates_won",
                    models.PositiveSmallIntegerField(
                        blank=True, help_text="Empty if not reported.", null=True
                    ),
                ),
                (
                    "outcome",
                    models.CharField(
                        blank=True,
                        choices=[("won", "Won"), ("lost", "Lost"), ("", "Not determined")],
                        max_length=10,
                    ),
                ),
                (
                    "locked_fields",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Figures an editor confirmed; imports never overwrite them.",
                        validators=[results.models.validate_locked_fields],
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0)),
                ("updated_at", models.DateTimeField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "candidate",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="candidates.candidate",
                    ),
                ),
                (
                    "contest",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="results.contest",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical result",
                "verbose_name_plural": "historical results",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
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
        migrations.CreateModel(
            name="HistoricalContest",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "history_change_source",
                    models.CharField(
                        blank=True,
                        help_text="A URL or a note on where the new information comes from.",
                        max_length=500,
                        verbose_name="source of the change",
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one on every save; a save from an older version is refused.",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("in_review", "In review"),
                            ("published", "Published"),
                            ("unpublished", "Unpublished"),
                        ],
                        db_index=True,
                        default="draft",
                        help_text="Only published items appear on the public site, feeds, search and exports.",
                        max_length=20,
                        verbose_name="publication status",
                    ),
                ),
                (
                    "publish_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="Optional scheduled time: a published item stays hidden until then.",
                        null=True,
                        verbose_name="publish at",
                    ),
                ),
                (
                    "editor_note",
                    models.TextField(
                        blank=True,
                        help_text="Optional; shown at the top of the public page (corrections are recorded separately, with their type and public note).",
                        verbose_name="editor's note",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="created"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="last updated"),
                ),
                ("office", models.CharField(default="President", max_length=100)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("caucus", "Caucus"),
                            ("primary", "Primary"),
                            ("not_stated", "Nominating contest (kind not stated in sources)"),
                        ],
                        max_length=20,
                    ),
                ),
                ("name", models.CharField(max_length=200)),
                ("slug", models.SlugField(max_length=200)),
                ("year", models.PositiveSmallIntegerField()),
                ("held_on", models.DateField(blank=True, null=True, verbose_name="date")),
                (
                    "held_on_precision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("year", "Year only"),
                            ("month", "Year and month"),
                            ("day", "Exact day"),
                        ],
                        max_length=5,
                        verbose_name="date precision",
                    ),
                ),
                (
                    "held_on_as_reported",
                    models.CharField(
                        blank=True,
                        help_text="The sources' own words, e.g. “Friday”, kept beside the date we derived.",
                        max_length=200,
                        verbose_name="date, as reported",
                    ),
                ),
                ("delegates_at_stake", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("ballots_cast", models.PositiveIntegerField(blank=True, null=True)),
                (
                    "count_status",
                    models.CharField(
                        choices=[
                            ("scheduled", "Scheduled"),
                            ("counting", "Counting"),
                            ("final", "Final"),
                        ],
                        default="scheduled",
                        max_length=20,
                        verbose_name="count status",
                    ),
                ),
                (
                    "reporting_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=5,
                        null=True,
                        verbose_name="reporting %",
                    ),
                ),
                (
                    "reporting_as_of",
                    models.DateTimeField(
                        blank=True,
                        null=True,
                        validators=[newsroom.dates.not_in_future],
                        verbose_name="reporting as of",
                    ),
                ),
                (
                    "reporting_as_of_as_reported",
                    models.CharField(
                        blank=True,
                        help_text="e.g. Tuesday night",
                        max_length=200,
                        verbose_name="reporting as of, as reported",
                    ),
                ),
                ("summary", models.TextField(blank=True, help_text="In our own words.")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "party",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="candidates.party",
                    ),
                ),
                (
                    "jurisdiction",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="results.jurisdiction",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical contest",
                "verbose_name_plural": "historical contests",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="RaceCall",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one on every save; a save from an older version is refused.",
                    ),
                ),
                (
                    "called_by",
                    models.CharField(
                        help_text="Who declared it, e.g. the local Democratic Party chair.",
                        max_length=200,
                    ),
                ),
                (
                    "basis",
                    models.CharField(
                        choices=[
                            ("party_confirmation", "Confirmed by the party"),
                            ("vote_count", "Complete vote count"),
                            ("projection", "Projection"),
                            ("other", "Other"),
                        ],
                        max_length=30,
                    ),
                ),
                ("basis_note", models.CharField(blank=True, max_length=300)),
                (
                    "called_at",
                    models.DateTimeField(
                        blank=True, null=True, validators=[newsroom.dates.not_in_future]
                    ),
                ),
                (
                    "called_at_as_reported",
                    models.CharField(blank=True, help_text="e.g. Tuesday night", max_length=200),
                ),
                ("confirmed_at", models.DateTimeField(blank=True, null=True)),
                ("retracted_at", models.DateTimeField(blank=True, null=True)),
                ("retraction_note", models.TextField(blank=True)),
                (
                    "confirmed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="race_calls_confirmed",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "contest",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="race_calls",
                        to="results.contest",
                    ),
                ),
                (
                    "entered_by",
                    models.ForeignKey(
                        blank=True,
                        help_text="Who last chose what the call says; someone else confirms it.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="race_calls_entered",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reported_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="race_calls",
                        to="newsroom.outlet",
                    ),
                ),
                (
                    "retracted_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="race_calls_retracted",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "winner",
                    models.ForeignKey(
                        help_text="A candidate with a result in the contest.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="race_calls",
                        to="candidates.candidate",
                    ),
                ),
            ],
            options={
                "ordering": ["contest", "-called_at", "pk"],
                "permissions": [
                    (
                        "confirm_racecall",
                        "Can confirm or retract a race call entered by someone else",
                    )
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("confirmed_at__isnull", True), ("confirmed_by__isnull", True)
                            ),
                            models.Q(
                                ("confirmed_at__isnull", False), ("confirmed_by__isnull", False)
                            ),
                            _connector="OR",
                        ),
                        name="racecall_confirmed_by_someone_at_a_time",
                        violation_error_message="A confirmed call records who confirmed it and when.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("entered_by__isnull", True),
                            ("confirmed_by__isnull", True),
                            models.Q(("confirmed_by", models.F("entered_by")), _negated=True),
                            _connector="OR",
                        ),
                        name="racecall_confirmed_by_a_second_person",
                        violation_error_message="A race call must be confirmed by a second person.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("retracted_at__isnull", True), ("retracted_by__isnull", True)
                            ),
                            models.Q(
                                ("retracted_at__isnull", False),
                                ("retracted_by__isnull", False),
                                models.Q(("retraction_note", ""), _negated=True),
                            ),
                            _connector="OR",
                        ),
                        name="racecall_retracted_with_a_note",
                        violation_error_message="A retracted call records who retracted it, when and why.",
                    ),
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="Result",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one on every save; a save from an older version is refused.",
                    ),
                ),
                (
                    "votes",
                    models.PositiveIntegerField(
                        blank=True, help_text="Empty if not reported.", null=True
                    ),
                ),
                (
                    "reported_share",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="The share a source reported, kept even where votes are known.",
                        max_digits=5,
                        null=True,
                        verbose_name="reported vote share %",
                    ),
                ),
                (
                    "delegates_won",
                    models.PositiveSmallIntegerField(
                        blank=True, help_text="Empty if not reported.", null=True
                    ),
                ),
                (
                    "outcome",
                    models.CharField(
                        blank=True,
                        choices=[("won", "Won"), ("lost", "Lost"), ("", "Not determined")],
                        max_length=10,
                    ),
                ),
                (
                    "locked_fields",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Figures an editor confirmed; imports never overwrite them.",
                        validators=[results.models.validate_locked_fields],
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "candidate",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="results",
                        to="candidates.candidate",
                    ),
                ),
                (
                    "contest",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="results",
                        to="results.contest",
                    ),
                ),
            ],
            options={
                "ordering": ["contest", "position", "-votes", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("contest", "candidate"),
                        name="result_one_per_candidate",
                        violation_error_message="This candidate already has a result in this contest.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("votes__isnull", True), ("votes__gte", 0), _connector="OR"
                        ),
                        name="result_votes_not_negative",
                        violation_error_message="Votes cannot be negative.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("delegates_won__isnull", True),
                            ("delegates_won__gte", 0),
                            _connector="OR",
                        ),
                        name="result_delegates_not_negative",
                        violation_error_message="Delegates cannot be negative.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("reported_share__isnull", True),
                            models.Q(("reported_share__gte", 0), ("reported_share__lte", 100)),
                            _connector="OR",
                        ),
                        name="result_share_range",
                        violation_error_message="A vote share must be between 0 and 100.",
                    ),
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="Snapshot",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one on every save; a save from an older version is refused.",
                    ),
                ),
                (
                    "taken_at",
                    models.DateTimeField(
                        blank=True, null=True, validators=[newsroom.dates.not_in_future]
                    ),
                ),
                ("as_of_as_reported", models.CharField(blank=True, max_length=200)),
                (
                    "reporting_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=5,
                        null=True,
                        verbose_name="reporting %",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=300)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "contest",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="snapshots",
                        to="results.contest",
                    ),
                ),
                (
                    "import_batch",
                    models.ForeignKey(
                        blank=True,
                        help_text="The import that recorded this update; empty when entered by hand.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="snapshots",
                        to="results.importbatch",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="snapshots",
                        to="newsroom.source",
                    ),
                ),
            ],
            options={
                "ordering": ["contest", "taken_at", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("reporting_percent__isnull", True),
                            models.Q(
                                ("reporting_percent__gte", 0), ("reporting_percent__lte", 100)
                            ),
                            _connector="OR",
                        ),
                        name="snapshot_reporting_percent_range",
                        violation_error_message="Reporting %% must be between 0 and 100.",
                    )
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="SnapshotEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one on every save; a save from an older version is refused.",
                    ),
                ),
                ("votes", models.PositiveIntegerField(blank=True, null=True)),
                (
                    "share",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True),
                ),
                (
                    "candidate",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="candidates.candidate",
                    ),
                ),
                (
                    "snapshot",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="entries",
                        to="results.snapshot",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "snapshot entries",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("snapshot", "candidate"),
                        name="snapshot_entry_one_per_candidate",
                        violation_error_message="This candidate already has an entry in this update.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("share__isnull", True),
                            models.Q(("share__gte", 0), ("share__lte", 100)),
                            _connector="OR",
                        ),
                        name="snapshot_entry_share_range",
                        violation_error_message="A vote share must be between 0 and 100.",
                    ),
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="ContestFact",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one on every save; a save from an older version is refused.",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("in_review", "In review"),
                            ("published", "Published"),
                            ("unpublished", "Unpublished"),
                        ],
                        db_index=True,
                        default="draft",
                        help_text="Only published items appear on the public site, feeds, search and exports.",
                        max_length=20,
                        verbose_name="publication status",
                    ),
                ),
                (
                    "publish_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="Optional scheduled time: a published item stays hidden until then.",
                        null=True,
                        verbose_name="publish at",
                    ),
                ),
                (
                    "editor_note",
                    models.TextField(
                        blank=True,
                        help_text="Optional; shown at the top of the public page (corrections are recorded separately, with their type and public note).",
                        verbose_name="editor's note",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="last updated")),
                ("statement", models.TextField(help_text="In our own words, not the source's.")),
                ("position", models.PositiveSmallIntegerField(default=0)),
                (
                    "contest",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="facts",
                        to="results.contest",
                    ),
                ),
            ],
            options={
                "ordering": ["contest", "position", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("statement", ""), _negated=True),
                        name="contest_fact_statement_not_empty",
                        violation_error_message="A contest fact needs its statement.",
                    )
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.RunPython(
            code=_0002.create_triggers,
            reverse_code=_0002.drop_triggers,
        ),
        migrations.RunPython(
            code=_0003.add_index,
            reverse_code=_0003.remove_index,
        ),
    ]
