"""`manage.py sync_roles`: put the Editor, Reporter and Results clerk groups in line with
newsroom.editorial.roles (after the role matrix changed, or someone edited a group by hand)."""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError

from newsroom.editorial import roles


class Command(BaseCommand):
    help = (
        "Create or update the groups Editor, Reporter and Results clerk so each holds exactly "
        "the permissions the apps declare (grant() in each declarations.py). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "roles",
            nargs="*",
            metavar="ROLE",
            help=f"Only these roles (default: all of {', '.join(roles.ROLES)}).",
        )

    def handle(self, *args, **options):
        chosen = options["roles"] or list(roles.ROLES)
        unknown = [name for name in chosen if name not in roles.ROLES]
        if unknown:
            raise CommandError(
                f"Unknown role(s): {', '.join(unknown)}. Roles: {', '.join(roles.ROLES)}."
            )
        try:
            counts = roles.sync_roles(Group, Permission, chosen)
        except LookupError as missing:
            raise CommandError(f"{missing}. Run `manage.py migrate` first.") from missing
        for role, count in counts.items():
            self.stdout.write(f"{role}: {count} permissions")
