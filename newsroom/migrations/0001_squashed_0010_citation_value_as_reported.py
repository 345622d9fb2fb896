import importlib

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import newsroom.constraints
import newsroom.dates
import newsroom.models

# The squash of this app's migrations, applied on a fresh database only (one that has
# applied any of them goes on with the originals, which stay until every database has
# applied them all): the models' final tables, with their constraints and indexes inside
# CreateModel (SQLite rebuilds a table for each one added later), then the data steps that
# build database objects (indexes, triggers, the roles), run from the original files. Data
# steps that only change existing rows are left out: a fresh database has none.
_0002 = importlib.import_module("newsroom.migrations.0002_source_search_index")
_0004 = importlib.import_module("newsroom.migrations.0004_roles")


class Migration(migrations.Migration):
    replaces = [
        ("newsroom", "0001_initial"),
        ("newsroom", "0002_source_search_index"),
        ("newsroom", "0003_editorial_workflow"),
        ("newsroom", "0004_roles"),
        ("newsroom", "0005_constraint_messages_for_editors"),
        ("newsroom", "0006_past_dates_not_in_future"),
        ("newsroom", "0007_citations_and_identifiers_point_only_at_items_that_take_them"),
        ("newsroom", "0008_source_text_and_citation_checks"),
        ("newsroom", "0009_tombstones"),
        ("newsroom", "0010_citation_value_as_reported"),
    ]

    initial = True

    dependencies = [
        ("auth", "__first__"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Outlet",
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
                    "name",
                    models.CharField(
                        help_text="As the outlet styles itself.", max_length=200, unique=True
                    ),
                ),
                ("slug", models.SlugField(max_length=200, unique=True)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("news", "News organisation"),
                            ("wire", "Wire service"),
                            ("business_news", "Business news"),
                            ("social", "Social network"),
                            ("campaign", "Campaign channel"),
                            ("professional", "Professional network"),
                            ("other", "Other"),
                        ],
                        default="news",
                        max_length=20,
                    ),
                ),
                ("homepage_url", models.URLField(blank=True, verbose_name="home page")),
                (
                    "description",
                    models.TextField(blank=True, help_text="In our own words; shown on its page."),
                ),
            ],
            options={
                "ordering": ["name"],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="Redirect",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("old_path", models.CharField(max_length=300, unique=True)),
                ("new_path", models.CharField(max_length=300)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("note", models.CharField(blank=True, max_length=300)),
            ],
            options={
                "ordering": ["old_path"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalExternalIdentifier",
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
                ("object_id", models.PositiveBigIntegerField()),
                (
                    "scheme",
                    models.CharField(
                        choices=[
                            ("wikidata", "Wikidata"),
                            ("fec", "FEC"),
                            ("ballotpedia", "Ballotpedia"),
                        ],
                        max_length=20,
                    ),
                ),
                ("value", models.CharField(max_length=200)),
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
                    "content_type",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        limit_choices_to=newsroom.models.identifiable_content_types,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="contenttypes.contenttype",
                        verbose_name="identified item type",
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
                "verbose_name": "historical external identifier",
                "verbose_name_plural": "historical external identifiers",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOutlet",
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
                    "name",
                    models.CharField(
                        db_index=True, help_text="As the outlet styles itself.", max_length=200
                    ),
                ),
                ("slug", models.SlugField(max_length=200)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("news", "News organisation"),
                            ("wire", "Wire service"),
                            ("business_news", "Business news"),
                            ("social", "Social network"),
                            ("campaign", "Campaign channel"),
                            ("professional", "Professional network"),
                            ("other", "Other"),
                        ],
                        default="news",
                        max_length=20,
                    ),
                ),
                ("homepage_url", models.URLField(blank=True, verbose_name="home page")),
                (
                    "description",
                    models.TextField(blank=True, help_text="In our own words; shown on its page."),
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
                "verbose_name": "historical outlet",
                "verbose_name_plural": "historical outlets",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSource",
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
                    "kind",
                    models.CharField(
                        choices=[
                            ("news_article", "News article"),
                            ("social_post", "Social media post"),
                            ("web_page", "Web page"),
                            ("interview", "Interview"),
                            ("video", "Video"),
                            ("statement", "Statement"),
                        ],
                        default="news_article",
                        max_length=20,
                    ),
                ),
                (
                    "headline",
                    models.CharField(
                        blank=True,
                        help_text="Exactly as published. Leave empty if unknown.",
                        max_length=300,
                    ),
                ),
                (
                    "untitled_description",
                    models.CharField(
                        blank=True,
                        help_text="Our bracketed description, used in citations when the headline is unknown.",
                        max_length=300,
                        verbose_name="description if untitled",
                    ),
                ),
                (
                    "standfirst",
                    models.TextField(blank=True, help_text="The summary line under the headline."),
                ),
                ("slug", models.SlugField(max_length=200)),
                (
                    "url",
                    models.URLField(
                        blank=True,
                        help_text="Leave empty if not known.",
                        max_length=500,
                        verbose_name="canonical URL",
                    ),
                ),
                (
                    "published_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[newsroom.dates.not_in_future],
                        verbose_name="publication date",
                    ),
                ),
                (
                    "published_on_precision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("year", "Year only"),
                            ("month", "Year and month"),
                            ("day", "Exact day"),
                        ],
                        help_text="How much of the date is known, e.g. only the month.",
                        max_length=5,
                        verbose_name="publication date precision",
                    ),
                ),
                (
                    "accessed_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[newsroom.dates.not_in_future],
                        verbose_name="accessed",
                    ),
                ),
                (
                    "archive_url",
                    models.URLField(blank=True, max_length=500, verbose_name="archived copy"),
                ),
                (
                    "update_note",
                    models.CharField(
                        blank=True,
                        help_text="The outlet's own note that the story was updated.",
                        max_length=300,
                    ),
                ),
                ("language", models.CharField(default="en", max_length=10)),
                (
                    "internal_note",
                    models.TextField(
                        blank=True,
                        help_text="For editors only: provenance, caveats. Never shown publicly.",
                    ),
                ),
                (
                    "article_text",
                    models.TextField(
                        blank=True,
                        help_text="For editors only, never shown publicly (it is the outlet's copyright): the article as published, headline first, paragraphs separated by blank lines. Citations of this source are checked against the paragraph their pinpoint names.",
                        verbose_name="article text",
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
                    "outlet",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Who published it.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="newsroom.outlet",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical source",
                "verbose_name_plural": "historical sources",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Source",
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
                    "kind",
                    models.CharField(
                        choices=[
                            ("news_article", "News article"),
                            ("social_post", "Social media post"),
                            ("web_page", "Web page"),
                            ("interview", "Interview"),
                            ("video", "Video"),
                            ("statement", "Statement"),
                        ],
                        default="news_article",
                        max_length=20,
                    ),
                ),
                (
                    "headline",
                    models.CharField(
                        blank=True,
                        help_text="Exactly as published. Leave empty if unknown.",
                        max_length=300,
                    ),
                ),
                (
                    "untitled_description",
                    models.CharField(
                        blank=True,
                        help_text="Our bracketed description, used in citations when the headline is unknown.",
                        max_length=300,
                        verbose_name="description if untitled",
                    ),
                ),
                (
                    "standfirst",
                    models.TextField(blank=True, help_text="The summary line under the headline."),
                ),
                ("slug", models.SlugField(max_length=200, unique=True)),
                (
                    "url",
                    models.URLField(
                        blank=True,
                        help_text="Leave empty if not known.",
                        max_length=500,
                        verbose_name="canonical URL",
                    ),
                ),
                (
                    "published_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[newsroom.dates.not_in_future],
                        verbose_name="publication date",
                    ),
                ),
                (
                    "published_on_precision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("year", "Year only"),
                            ("month", "Year and month"),
                            ("day", "Exact day"),
                        ],
                        help_text="How much of the date is known, e.g. only the month.",
                        max_length=5,
                        verbose_name="publication date precision",
                    ),
                ),
                (
                    "accessed_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[newsroom.dates.not_in_future],
                        verbose_name="accessed",
                    ),
                ),
                (
                    "archive_url",
                    models.URLField(blank=True, max_length=500, verbose_name="archived copy"),
                ),
                (
                    "update_note",
                    models.CharField(
                        blank=True,
                        help_text="The outlet's own note that the story was updated.",
                        max_length=300,
                    ),
                ),
                ("language", models.CharField(default="en", max_length=10)),
                (
                    "internal_note",
                    models.TextField(
                        blank=True,
                        help_text="For editors only: provenance, caveats. Never shown publicly.",
                    ),
                ),
                (
                    "article_text",
                    models.TextField(
                        blank=True,
                        help_text="For editors only, never shown publicly (it is the outlet's copyright): the article as published, headline first, paragraphs separated by blank lines. Citations of this source are checked against the paragraph their pinpoint names.",
                        verbose_name="article text",
                    ),
                ),
                (
                    "outlet",
                    models.ForeignKey(
                        help_text="Who published it.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sources",
                        to="newsroom.outlet",
                    ),
                ),
            ],
            options={
                "ordering": ["-published_on", "headline"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("url", ""), _negated=True),
                        fields=("url",),
                        name="source_unique_url",
                        violation_error_message="Another source already has this URL.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("headline", ""), _negated=True),
                            models.Q(("untitled_description", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="source_headline_or_description",
                        violation_error_message="Give the headline, or a description if it is untitled.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("published_on__isnull", True), ("published_on_precision", "")
                            ),
                            models.Q(
                                ("published_on__isnull", False),
                                models.Q(("published_on_precision", ""), _negated=True),
                            ),
                            _connector="OR",
                        ),
                        name="source_published_on_precision",
                        violation_error_message="Give a date and its precision together, or leave both empty.",
                    ),
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalContributor",
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
                ("name", models.CharField(max_length=200)),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("author", "Author (byline)"),
                            ("contributor", "Contributed reporting"),
                            ("wire", "Wire service credit"),
                            ("editor", "Editor"),
                        ],
                        default="author",
                        max_length=20,
                    ),
                ),
                (
                    "is_organisation",
                    models.BooleanField(
                        default=False,
                        help_text="An institution, cited whole (“The Associated Press”).",
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
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "outlet",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="For a wire credit: the wire service.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="newsroom.outlet",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="newsroom.source",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical contributor",
                "verbose_name_plural": "historical contributors",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCitation",
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
                ("object_id", models.PositiveBigIntegerField()),
                (
                    "field_name",
                    models.CharField(
                        blank=True,
                        help_text="Which field this source supports (e.g. “votes”); empty for the whole item.",
                        max_length=100,
                        verbose_name="field",
                    ),
                ),
                (
                    "pinpoint",
                    models.CharField(
                        blank=True, help_text="Where in the source, e.g. “para. 3”.", max_length=100
                    ),
                ),
                (
                    "quoted_passage",
                    models.TextField(
                        blank=True,
                        help_text="The words of the source that support the fact, verbatim.",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=300)),
                (
                    "value_as_reported",
                    models.CharField(
                        blank=True,
                        help_text="Only when this source gives a different figure or state for the field than the one shown (e.g. “99% of the expected vote reporting” against “Final”): its value, in its words. Pages then say the sources differ and show each value with its source. Empty when the source supports the value shown.",
                        max_length=200,
                        verbose_name="differing value",
                    ),
                ),
                (
                    "derivation",
                    models.CharField(
                        blank=True,
                        help_text="How a figure was derived when the passage does not state it, e.g. “computed from 51 of 91”.",
                        max_length=300,
                    ),
                ),
                (
                    "check_override_reason",
                    models.TextField(
                        blank=True,
                        help_text="Editors only: why this citation stands although its check fails (written by an editor; kept with the citation).",
                        verbose_name="reason to publish despite a failed check",
                    ),
                ),
                (
                    "check_overridden_at",
                    models.DateTimeField(blank=True, editable=False, null=True),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False)),
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
                    "check_overridden_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        limit_choices_to=newsroom.models.citable_content_types,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="contenttypes.contenttype",
                        verbose_name="cited item type",
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
                    "source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="newsroom.source",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical citation",
                "verbose_name_plural": "historical citations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Contributor",
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
                ("name", models.CharField(max_length=200)),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("author", "Author (byline)"),
                            ("contributor", "Contributed reporting"),
                            ("wire", "Wire service credit"),
                            ("editor", "Editor"),
                        ],
                        default="author",
                        max_length=20,
                    ),
                ),
                (
                    "is_organisation",
                    models.BooleanField(
                        default=False,
                        help_text="An institution, cited whole (“The Associated Press”).",
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0)),
                (
                    "outlet",
                    models.ForeignKey(
                        blank=True,
                        help_text="For a wire credit: the wire service.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="credits",
                        to="newsroom.outlet",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="contributors",
                        to="newsroom.source",
                    ),
                ),
            ],
            options={
                "ordering": ["source", "position", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("source", "name", "role"),
                        name="contributor_unique_per_role",
                        violation_error_message="This person is already listed in that role.",
                    )
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="Citation",
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
                ("object_id", models.PositiveBigIntegerField()),
                (
                    "field_name",
                    models.CharField(
                        blank=True,
                        help_text="Which field this source supports (e.g. “votes”); empty for the whole item.",
                        max_length=100,
                        verbose_name="field",
                    ),
                ),
                (
                    "pinpoint",
                    models.CharField(
                        blank=True, help_text="Where in the source, e.g. “para. 3”.", max_length=100
                    ),
                ),
                (
                    "quoted_passage",
                    models.TextField(
                        blank=True,
                        help_text="The words of the source that support the fact, verbatim.",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=300)),
                (
                    "value_as_reported",
                    models.CharField(
                        blank=True,
                        help_text="Only when this source gives a different figure or state for the field than the one shown (e.g. “99% of the expected vote reporting” against “Final”): its value, in its words. Pages then say the sources differ and show each value with its source. Empty when the source supports the value shown.",
                        max_length=200,
                        verbose_name="differing value",
                    ),
                ),
                (
                    "derivation",
                    models.CharField(
                        blank=True,
                        help_text="How a figure was derived when the passage does not state it, e.g. “computed from 51 of 91”.",
                        max_length=300,
                    ),
                ),
                (
                    "check_override_reason",
                    models.TextField(
                        blank=True,
                        help_text="Editors only: why this citation stands although its check fails (written by an editor; kept with the citation).",
                        verbose_name="reason to publish despite a failed check",
                    ),
                ),
                (
                    "check_overridden_at",
                    models.DateTimeField(blank=True, editable=False, null=True),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "check_overridden_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        limit_choices_to=newsroom.models.citable_content_types,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="contenttypes.contenttype",
                        verbose_name="cited item type",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="citations",
                        to="newsroom.source",
                    ),
                ),
            ],
            options={
                "ordering": ["content_type", "object_id", "field_name", "pk"],
                "indexes": [
                    models.Index(
                        fields=["content_type", "object_id"], name="newsroom_ci_content_cf0b1d_idx"
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("content_type", "object_id", "field_name", "source", "pinpoint"),
                        name="citation_unique_source_per_field",
                        violation_error_message="This passage is already cited for that field.",
                    )
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="Tombstone",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "old_path",
                    models.CharField(db_index=True, max_length=300, verbose_name="old address"),
                ),
                (
                    "subject",
                    models.CharField(
                        help_text="As readers saw it (“Quote: …”).",
                        max_length=300,
                        verbose_name="what was there",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        help_text="“Quote”, “Candidate profile” …",
                        max_length=100,
                        verbose_name="kind of item",
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField(blank=True, null=True)),
                (
                    "note",
                    models.TextField(
                        help_text="Shown to readers with the date.", verbose_name="public note"
                    ),
                ),
                (
                    "listed",
                    models.BooleanField(
                        default=True,
                        help_text="Listed on /corrections/; rows deleted with another item (a candidate's quotes) are not listed apart, but their addresses answer with the note too.",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="date"
                    ),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at", "-pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("note", ""), _negated=True),
                        name="tombstone_note_not_empty",
                        violation_error_message="Say why it was removed.",
                    )
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="WorkflowEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField()),
                (
                    "from_status",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("draft", "Draft"),
                            ("in_review", "In review"),
                            ("published", "Published"),
                            ("unpublished", "Unpublished"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "to_status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("in_review", "In review"),
                            ("published", "Published"),
                            ("unpublished", "Unpublished"),
                        ],
                        max_length=20,
                    ),
                ),
                ("at", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                (
                    "publish_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="The scheduled time set with this step, if any.",
                        null=True,
                    ),
                ),
                ("note", models.TextField(blank=True)),
                (
                    "actor",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
            ],
            options={
                "ordering": ["-at", "-pk"],
                "permissions": [
                    ("publish_content", "Can publish, schedule and unpublish content"),
                    ("revert_content", "Can revert content to an earlier version"),
                    ("merge_content", "Can merge duplicate candidates and sources"),
                    ("export_content", "Can export citations and data from the admin"),
                ],
                "indexes": [
                    models.Index(
                        fields=["content_type", "object_id", "-at"],
                        name="newsroom_wo_content_1f5246_idx",
                    )
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="Correction",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField()),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("correction", "Correction"),
                            ("clarification", "Clarification"),
                            ("update", "Update"),
                            ("retraction", "Retraction"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        help_text="Shown to readers with the date.", verbose_name="public note"
                    ),
                ),
                (
                    "changes",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        help_text="What changed: {field: {'label', 'from', 'to'}}, recorded automatically.",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="date"
                    ),
                ),
                (
                    "subject",
                    models.CharField(
                        blank=True,
                        help_text="What readers saw it about (“Quote: …”), kept when it is recorded on a public item, so the log lists it after the item is unpublished or deleted.",
                        max_length=300,
                        verbose_name="about",
                    ),
                ),
                (
                    "url",
                    models.CharField(
                        blank=True,
                        help_text="Where readers saw the item when the correction was recorded.",
                        max_length=300,
                        verbose_name="address",
                    ),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at", "-pk"],
                "indexes": [
                    models.Index(
                        fields=["content_type", "object_id"], name="newsroom_co_content_72fd31_idx"
                    )
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("note", ""), _negated=True),
                        name="correction_note_not_empty",
                        violation_error_message="Say what was corrected.",
                    )
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="EditingPresence",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField()),
                ("started_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "last_seen",
                    models.DateTimeField(db_index=True, default=django.utils.timezone.now),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("content_type", "object_id", "user"),
                        name="presence_one_per_user",
                        violation_error_message="This person is already shown as editing this item.",
                    )
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="EditorialComment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField()),
                ("body", models.TextField()),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("resolved_at", models.DateTimeField(blank=True, null=True)),
                (
                    "author",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="replies",
                        to="newsroom.editorialcomment",
                    ),
                ),
                (
                    "resolved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["created_at", "pk"],
                "indexes": [
                    models.Index(
                        fields=["content_type", "object_id"], name="newsroom_ed_content_44c8b4_idx"
                    )
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("body", ""), _negated=True),
                        name="editorial_comment_not_empty",
                        violation_error_message="Write the comment.",
                    )
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.CreateModel(
            name="ExternalIdentifier",
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
                ("object_id", models.PositiveBigIntegerField()),
                (
                    "scheme",
                    models.CharField(
                        choices=[
                            ("wikidata", "Wikidata"),
                            ("fec", "FEC"),
                            ("ballotpedia", "Ballotpedia"),
                        ],
                        max_length=20,
                    ),
                ),
                ("value", models.CharField(max_length=200)),
                (
                    "content_type",
                    models.ForeignKey(
                        limit_choices_to=newsroom.models.identifiable_content_types,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="contenttypes.contenttype",
                        verbose_name="identified item type",
                    ),
                ),
            ],
            options={
                "ordering": ["scheme"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("content_type", "object_id", "scheme"),
                        name="identifier_one_per_scheme",
                        violation_error_message="This item already has an identifier in that registry.",
                    )
                ],
            },
            bases=(newsroom.constraints.ConstraintErrorsOnFields, models.Model),
        ),
        migrations.RunPython(
            code=_0002.add_index,
            reverse_code=_0002.remove_index,
        ),
        migrations.RunPython(
            code=_0004.create_roles,
            reverse_code=_0004.remove_roles,
        ),
    ]
