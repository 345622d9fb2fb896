"""The desk's roles as groups: Editor, Reporter, Results clerk (matrix in newsroom.editorial.roles).

Permissions are normally created after migrate finishes; they are created here first so a
fresh database gets its groups in one run. Reversing removes the three groups.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from newsroom.editorial import roles

APPS_WITH_ROLE_PERMISSIONS = ["auth", "contenttypes", "newsroom", "candidates", "results"]


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    for label in APPS_WITH_ROLE_PERMISSIONS:
        create_permissions(global_apps.get_app_config(label), verbosity=0, apps=apps, using=using)
    roles.sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(roles.ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_editorial_workflow"),
        ("candidates", "0004_editorial_workflow"),
        ("results", "0005_editorial_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
