"""Create an admin login for a fresh install, or report the one that exists."""

import re
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection

#: Where the SQLite database's first login is saved (`make run`).
CREDENTIALS_FILE = settings.BASE_DIR / "var" / "admin-credentials.txt"


def credentials_file() -> Path:
    """One file per database: `make run` (SQLite) and `make serve` (PostgreSQL) have
    different admins, and neither may overwrite the other's password."""
    if connection.vendor == "sqlite":
        return CREDENTIALS_FILE
    db = connection.settings_dict
    name = re.sub(
        r"[^A-Za-z0-9_.-]+", "-", f"{connection.vendor}-{db['HOST'] or 'local'}-{db['NAME']}"
    )
    return CREDENTIALS_FILE.with_name(f"admin-credentials-{name}.txt")


def saved_password(path: Path, username: str) -> str | None:
    """The password saved for `username` in `path`, if the file is there and for them."""
    if not path.exists():
        return None
    fields = dict(line.split(": ", 1) for line in path.read_text().splitlines() if ": " in line)
    return fields.get("password") if fields.get("username") == username else None


class Command(BaseCommand):
    help = (
        "Make sure an admin login exists. Creates the superuser 'admin' with a random password "
        "when there is no superuser (password printed and saved to var/admin-credentials.txt "
        "for SQLite, var/admin-credentials-<database>.txt otherwise); otherwise reports the "
        "existing superuser and whether the saved password still works."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin", help="Name of the login to create.")

    def handle(self, *args, username, **options):
        users = get_user_model()
        path = credentials_file()
        shown = path.relative_to(settings.BASE_DIR)
        existing = users.objects.filter(is_superuser=True).order_by("pk").first()
        if existing:
            name = existing.get_username()
            password = saved_password(path, name)
            where = (
                f"its password is in {shown}"
                if password and existing.check_password(password)
                else f"reset its password with: python manage.py changepassword {name}"
            )
            self.stdout.write(f"Admin login: {name} ({where})")
            return
        password = secrets.token_urlsafe(12)
        users.objects.create_superuser(username=username, email="", password=password)
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"username: {username}\npassword: {password}\n")
        path.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(f"Created admin login: {username} / {password} (saved to {shown})")
        )
