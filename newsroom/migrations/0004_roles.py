"""The desk's roles as groups: Editor, Reporter, Results clerk.

Only the groups are created here. What each may do is declared by each app
(`declarations.py`, merged by newsroom.editorial.roles) and given to the groups after
every migrate by a post_migrate handler, so this migration depends on no other app and
imports no code that changes. Reversing removes the three groups.
"""

from django.db import migrations

ROLE_NAMES = ["Editor", "Reporter", "Results clerk"]


def create_roles(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    for name in ROLE_NAMES:
        group_model.objects.using(schema_editor.connection.alias).get_or_create(name=name)


def remove_roles(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    group_model.objects.using(schema_editor.connection.alias).filter(name__in=ROLE_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_editorial_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
