import importlib

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import newsroom.constraints
import newsroom.dates

# The squash of this app's migrations, applied on a fresh database only (one that has
# applied any of them goes on with the originals, which stay until every database has
# applied them all): the models' final tables, with their constraints and indexes inside
# CreateModel (SQLite rebuilds a table for each one added later), then the data steps that
# build database objects (indexes, triggers, the roles), run from the original files. Data
# steps that only change existing rows are left out: a fresh database has none.
_0003 = importlib.import_module("candidates.migrations.0003_search_indexes")
_0005 = importlib.import_module("candidates.migrations.0005_quote_newest_first_index")
_0006 = importlib.import_module("candidates.migrations.0006_quote_stored_search_document")


class Migration(migrations.Migration):
    replaces = [
        ("candidates", "0001_initial"),
        ("candidates", "0002_link_outlets_and_history_users"),
        ("candidates", "0003_search_indexes"),
        ("candidates", "0004_editorial_workflow"),
        ("candidates", "0005_quote_newest_first_index"),
        ("candidates", "0006_quote_stored_search_document"),
        ("candidates", "0007_constraint_messages_for_editors"),
        ("candidates", "0008_past_dates_not_in_future"),
    ]

    initial = True

    dependencies = [
        ("auth", "__first__"),
        ("newsroom", "0001_squashed_0010_citation_value_as_reported"),
    ]

    operations = [
        migrations.CreateModel(
            name="Candidate",
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
                ("full_name", models.CharField(help_text="As commonly reported.", max_length=200)),
                ("given_name", models.CharField(blank=True, max_length=100)),
                ("family_name", models.CharField(blank=True, max_length=100)),
                ("slug", models.SlugField(max_length=200, unique=True)),
                (
                    "summary",
                    models.TextField(
                        blank=True, help_text="A short introduction in our own words."
                    ),
                ),
                (
                    "age",
                    models.PositiveSmallIntegerField(
                        blank=True, help_text="As reported.", null=True
                    ),
                ),
                (
                    "age_as_of",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[newsroom.dates.not_in_future],
                        verbose_name="age as of",
                    ),
                ),
                (
                    "age_as_of_precision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("year", "Year only"),
                            ("month", "Year and month"),
                            ("day", "Exact day"),
                        ],
                        max_length=5,
                        verbose_name="age date precision",
                    ),
                ),
                ("hometown", models.CharField(blank=True, max_length=200)),
                (
                    "occupation",
                    models.CharField(
                        blank=True, help_text="As our sources put it.", max_length=200
                    ),
                ),
                (
                    "campaign_launched_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[newsroom.dates.not_in_future],
                        verbose_name="entered the race",
                    ),
                ),
                (
                    "campaign_launched_on_precision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("year", "Year only"),
                            ("month", "Year and month"),
                            ("day", "Exact day"),
                        ],
                        max_length=5,
                        verbose_name="entry date precision",
                    ),
                ),
                (
                    "self_funding_amount",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=14,
                        null=True,
                        verbose_name="self-funding",
                    ),
                ),
                (
                    "self_funding_currency",
                    models.CharField(blank=True, default="USD", max_length=3),
                ),
                (
                    "self_funding_kind",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("loan", "Loan to own campaign"),
                            ("contribution", "Contribution"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "website",
                    models.URLField(
                        blank=True,
                        help_text="Leave empty if unknown.",
                        verbose_name="campaign website",
                    ),
                ),
                (
                    "campaign_staff_on_ground",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="campaign staff on the ground"
                    ),
                ),
                (
                    "staff_location",
                    models.CharField(
                        blank=True,
                        help_text="Where those staff work, e.g. American Samoa.",
                        max_length=200,
                    ),
                ),
                (
                    "has_held_office",
                    models.BooleanField(
                        blank=True,
                        help_text="Unknown if left empty.",
                        null=True,
                        verbose_name="has held political office",
                    ),
                ),
            ],
            options={
                "ordering": ["family_name", "full_name"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("age__isnull", True), ("age__lte", 130), _connector="OR"
                        ),
                        name="candidate_age_plausible",
                        violation_error_message="An age above 130 cannot be right.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("age__isnull", True), ("age_as_of__isnull", False), _connector="OR"
                        ),
                        name="candidate_age_has_date",
                        violation_error_message="Give the date the age was reported for.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("self_funding_amount__isnull", True),
                            ("self_funding_amount__gte", 0),
                            _connector="OR",
                        ),
                        name="candidate_self_funding_not_negative",
                        violation_error_message="Self-funding cannot be negative.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("age_as_of__isnull", True), ("age_as_of_precision", "")),
                            models.Q(
                                ("age_as_of__isnull", False),
                                models.Q(("age_as_of_precision", ""), _negated=True),
                            ),
                            _connector="OR",
                        ),
                        name="candidate_age_as_of_precision",
                        violation_error_message="Give a date and its precision together, or leave both empty.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("campaign_launched_on__isnull", True),
                                ("campaign_launched_on_precision", ""),
                            ),
                            models.Q(
                                ("campaign_launched_on__isnull", False),
                                models.Q(("campaign_launched_on_precision", ""), _negated=True),
                            ),
                            _connector="OR",
                        ),
                        name="candidate_launch_precision",
                        violation_error_message="Give a date and its precision together, or leave both empty.",
                    ),
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="Party",
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
                    "name",
                    models.CharField(
                        help_text="e.g. Democratic Party", max_length=100, unique=True
                    ),
                ),
                ("adjective", models.CharField(help_text="e.g. Democratic", max_length=100)),
                ("slug", models.SlugField(max_length=100, unique=True)),
                ("abbreviation", models.CharField(blank=True, help_text="e.g. DEM", max_length=10)),
            ],
            options={
                "verbose_name_plural": "parties",
                "ordering": ["name"],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCareerEntry",
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
                ("organisation", models.CharField(max_length=200)),
                (
                    "organisation_description",
                    models.CharField(
                        blank=True, help_text="e.g. venture capital firm", max_length=200
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        blank=True, help_text="Leave empty if unknown.", max_length=200
                    ),
                ),
                (
                    "started_on",
                    models.DateField(
                        blank=True, null=True, validators=[newsroom.dates.not_in_future]
                    ),
                ),
                (
                    "started_on_precision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("year", "Year only"),
                            ("month", "Year and month"),
                            ("day", "Exact day"),
                        ],
                        max_length=5,
                        verbose_name="start precision",
                    ),
                ),
                ("ended_on", models.DateField(blank=True, null=True)),
                (
                    "ended_on_precision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("year", "Year only"),
                            ("month", "Year and month"),
                            ("day", "Exact day"),
                        ],
                        max_length=5,
                        verbose_name="end precision",
                    ),
                ),
                (
                    "is_current",
                    models.BooleanField(blank=True, help_text="Unknown if left empty.", null=True),
                ),
                (
                    "position",
                    models.PositiveSmallIntegerField(default=0, help_text="Order on the profile."),
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
                "verbose_name": "historical career entry",
                "verbose_name_plural": "historical career entries",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalFact",
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
                (
                    "topic",
                    models.CharField(
                        choices=[
                            ("background", "Background"),
                            ("campaign", "Campaign"),
                            ("reaction", "Reactions"),
                            ("event", "Events"),
                        ],
                        default="background",
                        max_length=20,
                    ),
                ),
                ("statement", models.TextField(help_text="In our own words, not the source's.")),
                (
                    "occurred_on",
                    models.DateField(
                        blank=True, null=True, validators=[newsroom.dates.not_in_future]
                    ),
                ),
                (
                    "occurred_on_precision",
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
                "verbose_name": "historical fact",
                "verbose_name_plural": "historical facts",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalParty",
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
                    "name",
                    models.CharField(
                        db_index=True, help_text="e.g. Democratic Party", max_length=100
                    ),
                ),
                ("adjective", models.CharField(help_text="e.g. Democratic", max_length=100)),
                ("slug", models.SlugField(max_length=100)),
                ("abbreviation", models.CharField(blank=True, help_text="e.g. DEM", max_length=10)),
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
                "verbose_name": "historical party",
                "verbose_name_plural": "historical parties",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlatformPosition",
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
                ("topic", models.CharField(max_length=100)),
                ("summary", models.TextField(help_text="In our own words, not the source's.")),
                (
                    "position",
                    models.PositiveSmallIntegerField(default=0, help_text="Order on the profile."),
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
                "verbose_name": "historical platform position",
                "verbose_name_plural": "historical platform positions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalQuote",
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
                (
                    "text",
                    models.TextField(
                        help_text="Word for word, punctuation included.",
                        verbose_name="verbatim text",
                    ),
                ),
                (
                    "is_partial",
                    models.BooleanField(
                        default=False,
                        help_text="Only part of a sentence was quoted by the source.",
                        verbose_name="fragment",
                    ),
                ),
                ("speaker_name", models.CharField(help_text="e.g. Jason Palmer", max_length=200)),
                (
                    "speaker_role",
                    models.CharField(
                        blank=True, help_text="e.g. Biden campaign spokesperson", max_length=200
                    ),
                ),
                (
                    "venue",
                    models.CharField(
                        choices=[
                            ("social_post", "Social media post"),
                            ("interview", "Interview"),
                            ("statement", "Statement to the press"),
                            ("campaign_website", "Campaign website"),
                            ("video", "Video"),
                            ("remarks", "Remarks"),
                            ("not_stated", "Not stated in the sources"),
                        ],
                        default="not_stated",
                        max_length=20,
                        verbose_name="where it was said",
                    ),
                ),
                (
                    "interviewer",
                    models.CharField(blank=True, help_text="e.g. Laura Coates", max_length=200),
                ),
                (
                    "said_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[newsroom.dates.not_in_future],
                        verbose_name="date said",
                    ),
                ),
                (
                    "said_on_precision",
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
                    "said_when_as_reported",
                    models.CharField(
                        blank=True,
                        help_text="The source's own words for when, e.g. “early Wednesday”.",
                        max_length=200,
                        verbose_name="when, as reported",
                    ),
                ),
                (
                    "context",
                    models.TextField(blank=True, help_text="In our own words: what it was about."),
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
                    "candidate",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The candidate whose profile carries the quote (the speaker or their campaign).",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="candidates.candidate",
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
                    "venue_outlet",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The platform or outlet it was said on or to (X, The Associated Press …).",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="newsroom.outlet",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical quote",
                "verbose_name_plural": "historical quotes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCandidate",
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
                ("full_name", models.CharField(help_text="As commonly reported.", max_length=200)),
                ("given_name", models.CharField(blank=True, max_length=100)),
                ("family_name", models.CharField(blank=True, max_length=100)),
                ("slug", models.SlugField(max_length=200)),
                (
                    "summary",
                    models.TextField(
                        blank=True, help_text="A short introduction in our own words."
                    ),
                ),
                (
                    "age",
                    models.PositiveSmallIntegerField(
                        blank=True, help_text="As reported.", null=True
                    ),
                ),
                (
                    "age_as_of",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[newsroom.dates.not_in_future],
                        verbose_name="age as of",
                    ),
                ),
                (
                    "age_as_of_precision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("year", "Year only"),
                            ("month", "Year and month"),
                            ("day", "Exact day"),
                        ],
                        max_length=5,
                        verbose_name="age date precision",
                    ),
                ),
                ("hometown", models.CharField(blank=True, max_length=200)),
                (
                    "occupation",
                    models.CharField(
                        blank=True, help_text="As our sources put it.", max_length=200
                    ),
                ),
                (
                    "campaign_launched_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[newsroom.dates.not_in_future],
                        verbose_name="entered the race",
                    ),
                ),
                (
                    "campaign_launched_on_precision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("year", "Year only"),
                            ("month", "Year and month"),
                            ("day", "Exact day"),
                        ],
                        max_length=5,
                        verbose_name="entry date precision",
                    ),
                ),
                (
                    "self_funding_amount",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=14,
                        null=True,
                        verbose_name="self-funding",
                    ),
                ),
                (
                    "self_funding_currency",
                    models.CharField(blank=True, default="USD", max_length=3),
                ),
                (
                    "self_funding_kind",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("loan", "Loan to own campaign"),
                            ("contribution", "Contribution"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "website",
                    models.URLField(
                        blank=True,
                        help_text="Leave empty if unknown.",
                        verbose_name="campaign website",
                    ),
                ),
                (
                    "campaign_staff_on_ground",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="campaign staff on the ground"
                    ),
                ),
                (
                    "staff_location",
                    models.CharField(
                        blank=True,
                        help_text="Where those staff work, e.g. American Samoa.",
                        max_length=200,
                    ),
                ),
                (
                    "has_held_office",
                    models.BooleanField(
                        blank=True,
                        help_text="Unknown if left empty.",
                        null=True,
                        verbose_name="has held political office",
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
            ],
            options={
                "verbose_name": "historical candidate",
                "verbose_name_plural": "historical candidates",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="candidate",
            name="party",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="candidates",
                to="candidates.party",
            ),
        ),
        migrations.CreateModel(
            name="PlatformPosition",
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
                ("topic", models.CharField(max_length=100)),
                ("summary", models.TextField(help_text="In our own words, not the source's.")),
                (
                    "position",
                    models.PositiveSmallIntegerField(default=0, help_text="Order on the profile."),
                ),
                (
                    "candidate",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="platform",
                        to="candidates.candidate",
                    ),
                ),
            ],
            options={
                "ordering": ["candidate", "position", "pk"],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="Quote",
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
                (
                    "text",
                    models.TextField(
                        help_text="Word for word, punctuation included.",
                        verbose_name="verbatim text",
                    ),
                ),
                (
                    "is_partial",
                    models.BooleanField(
                        default=False,
                        help_text="Only part of a sentence was quoted by the source.",
                        verbose_name="fragment",
                    ),
                ),
                ("speaker_name", models.CharField(help_text="e.g. Jason Palmer", max_length=200)),
                (
                    "speaker_role",
                    models.CharField(
                        blank=True, help_text="e.g. Biden campaign spokesperson", max_length=200
                    ),
                ),
                (
                    "venue",
                    models.CharField(
                        choices=[
                            ("social_post", "Social media post"),
                            ("interview", "Interview"),
                            ("statement", "Statement to the press"),
                            ("campaign_website", "Campaign website"),
                            ("video", "Video"),
                            ("remarks", "Remarks"),
                            ("not_stated", "Not stated in the sources"),
                        ],
                        default="not_stated",
                        max_length=20,
                        verbose_name="where it was said",
                    ),
                ),
                (
                    "interviewer",
                    models.CharField(blank=True, help_text="e.g. Laura Coates", max_length=200),
                ),
                (
                    "said_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[newsroom.dates.not_in_future],
                        verbose_name="date said",
                    ),
                ),
                (
                    "said_on_precision",
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
                    "said_when_as_reported",
                    models.CharField(
                        blank=True,
                        help_text="The source's own words for when, e.g. “early Wednesday”.",
                        max_length=200,
                        verbose_name="when, as reported",
                    ),
                ),
                (
                    "context",
                    models.TextField(blank=True, help_text="In our own words: what it was about."),
                ),
                (
                    "candidate",
                    models.ForeignKey(
                        help_text="The candidate whose profile carries the quote (the speaker or their campaign).",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="quotes",
                        to="candidates.candidate",
                    ),
                ),
                (
                    "venue_outlet",
                    models.ForeignKey(
                        blank=True,
                        help_text="The platform or outlet it was said on or to (X, The Associated Press …).",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="quotes_said_here",
                        to="newsroom.outlet",
                    ),
                ),
            ],
            options={
                "ordering": ["-said_on", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("text", ""), _negated=True),
                        name="quote_text_not_empty",
                        violation_error_message="A quote needs its words.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("said_on__isnull", True), ("said_on_precision", "")),
                            models.Q(
                                ("said_on__isnull", False),
                                models.Q(("said_on_precision", ""), _negated=True),
                            ),
                            _connector="OR",
                        ),
                        name="quote_said_on_precision",
                        violation_error_message="Give a date and its precision together, or leave both empty.",
                    ),
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="CareerEntry",
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
                ("organisation", models.CharField(max_length=200)),
                (
                    "organisation_description",
                    models.CharField(
                        blank=True, help_text="e.g. venture capital firm", max_length=200
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        blank=True, help_text="Leave empty if unknown.", max_length=200
                    ),
                ),
                (
                    "started_on",
                    models.DateField(
                        blank=True, null=True, validators=[newsroom.dates.not_in_future]
                    ),
                ),
                (
                    "started_on_precision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("year", "Year only"),
                            ("month", "Year and month"),
                            ("day", "Exact day"),
                        ],
                        max_length=5,
                        verbose_name="start precision",
                    ),
                ),
                ("ended_on", models.DateField(blank=True, null=True)),
                (
                    "ended_on_precision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("year", "Year only"),
                            ("month", "Year and month"),
                            ("day", "Exact day"),
                        ],
                        max_length=5,
                        verbose_name="end precision",
                    ),
                ),
                (
                    "is_current",
                    models.BooleanField(blank=True, help_text="Unknown if left empty.", null=True),
                ),
                (
                    "position",
                    models.PositiveSmallIntegerField(default=0, help_text="Order on the profile."),
                ),
                (
                    "candidate",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="career",
                        to="candidates.candidate",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "career entries",
                "ordering": ["candidate", "position", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("started_on__isnull", True), ("started_on_precision", "")),
                            models.Q(
                                ("started_on__isnull", False),
                                models.Q(("started_on_precision", ""), _negated=True),
                            ),
                            _connector="OR",
                        ),
                        name="career_started_on_precision",
                        violation_error_message="Give a date and its precision together, or leave both empty.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("ended_on__isnull", True), ("ended_on_precision", "")),
                            models.Q(
                                ("ended_on__isnull", False),
                                models.Q(("ended_on_precision", ""), _negated=True),
                            ),
                            _connector="OR",
                        ),
                        name="career_ended_on_precision",
                        violation_error_message="Give a date and its precision together, or leave both empty.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("started_on__isnull", True),
                            ("ended_on__isnull", True),
                            ("ended_on__gte", models.F("started_on")),
                            _connector="OR",
                        ),
                        name="career_ends_after_start",
                        violation_error_message="A position cannot end before it starts.",
                    ),
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="Fact",
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
                (
                    "topic",
                    models.CharField(
                        choices=[
                            ("background", "Background"),
                            ("campaign", "Campaign"),
                            ("reaction", "Reactions"),
                            ("event", "Events"),
                        ],
                        default="background",
                        max_length=20,
                    ),
                ),
                ("statement", models.TextField(help_text="In our own words, not the source's.")),
                (
                    "occurred_on",
                    models.DateField(
                        blank=True, null=True, validators=[newsroom.dates.not_in_future]
                    ),
                ),
                (
                    "occurred_on_precision",
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
                ("position", models.PositiveSmallIntegerField(default=0)),
                (
                    "candidate",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="facts",
                        to="candidates.candidate",
                    ),
                ),
            ],
            options={
                "ordering": ["candidate", "position", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("statement", ""), _negated=True),
                        name="fact_statement_not_empty",
                        violation_error_message="A fact needs its statement.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("occurred_on__isnull", True), ("occurred_on_precision", "")),
                            models.Q(
                                ("occurred_on__isnull", False),
                                models.Q(("occurred_on_precision", ""), _negated=True),
                            ),
                            _connector="OR",
                        ),
                        name="fact_occurred_on_precision",
                        violation_error_message="Give a date and its precision together, or leave both empty.",
                    ),
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.RunPython(
            code=_0003.add_indexes,
            reverse_code=_0003.remove_indexes,
        ),
        migrations.RunPython(
            code=_0005.add_index,
            reverse_code=_0005.remove_index,
        ),
        migrations.RunPython(
            code=_0006.add_search_document,
            reverse_code=_0006.remove_search_document,
        ),
    ]
