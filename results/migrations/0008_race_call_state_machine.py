"""Race calls as a state machine: who confirmed or retracted a call is kept (PROTECT), and
constraints hold the two-person rule and the retraction's record.

Calls marked confirmed with nobody recorded as confirming them (the old seed's) go back to
awaiting confirmation, since no second person is on record; `seed_newsroom` confirms the
seed's call again, entered and confirmed by its two desk accounts.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def unconfirm_calls_nobody_confirmed(apps, schema_editor):
    apps.get_model("results", "RaceCall").objects.filter(
        confirmed_at__isnull=False, confirmed_by__isnull=True
    ).update(confirmed_at=None)


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0006_quote_stored_search_document"),
        ("newsroom", "0004_roles"),
        ("results", "0007_locked_fields_name_lockable_figures"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(unconfirm_calls_nobody_confirmed, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="historicalracecall",
            name="entered_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Who last chose what the call says; someone else confirms it.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="historicalracecall",
            name="winner",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="A candidate with a result in the contest.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="candidates.candidate",
            ),
        ),
        migrations.AlterField(
            model_name="racecall",
            name="confirmed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="race_calls_confirmed",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="racecall",
            name="entered_by",
            field=models.ForeignKey(
                blank=True,
                help_text="Who last chose what the call says; someone else confirms it.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="race_calls_entered",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="racecall",
            name="retracted_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="race_calls_retracted",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="racecall",
            name="winner",
            field=models.ForeignKey(
                help_text="A candidate with a result in the contest.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="race_calls",
                to="candidates.candidate",
            ),
        ),
        migrations.AddConstraint(
            model_name="racecall",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("confirmed_at__isnull", True), ("confirmed_by__isnull", True)),
                    models.Q(("confirmed_at__isnull", False), ("confirmed_by__isnull", False)),
                    _connector="OR",
                ),
                name="racecall_confirmed_by_someone_at_a_time",
                violation_error_message="A confirmed call records who confirmed it and when.",
            ),
        ),
        migrations.AddConstraint(
            model_name="racecall",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("entered_by__isnull", True),
                    ("confirmed_by__isnull", True),
                    models.Q(("confirmed_by", models.F("entered_by")), _negated=True),
                    _connector="OR",
                ),
                name="racecall_confirmed_by_a_second_person",
                violation_error_message="A race call must be confirmed by a second person.",
            ),
        ),
        migrations.AddConstraint(
            model_name="racecall",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("retracted_at__isnull", True), ("retracted_by__isnull", True)),
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
        ),
    ]
