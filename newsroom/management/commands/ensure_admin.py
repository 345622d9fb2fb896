"""Create an admin login for a fresh install, or report the one that exists."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

CREDENTIALS_FILE = settings.BASE_DIR / "var" / "admin-credentials.txt"


class Command(BaseCommand):
    help = (
        "Make sure an admin login exists. Creates the superuser 'admin' with a random password "
        "when there is no superuser (password printed and saved to var/admin-credentials.txt); "
        "otherwise reports the existing superuser."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin", help="Name of the login to create.")

    def handle(self, *args, username, **options):
        users = get_user_model()
        existing = users.objects.filter(is_superuser=True).order_by("pk").first()
        if existing:
            where = (
                f"its password is in {CREDENTIALS_FILE.relative_to(settings.BASE_DIR)}"
                if CREDENTIALS_FILE.exists()
                else f"reset it with: python manage.py changepassword {existing.get_username()}"
            )
            self.stdout.write(f"Admin login: {existing.get_username()} ({where})")
            return
        password = secrets.token_urlsafe(12)
        users.objects.create_superuser(username=username, email="", password=password)
        CREDENTIALS_FILE.parent.mkdir(exist_ok=True)
        CREDENTIALS_FILE.write_text(f"username: {username}\npassword: {password}\n")
        CREDENTIALS_FILE.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created admin login: {username} / {password} "
                f"(saved to {CREDENTIALS_FILE.relative_to(settings.BASE_DIR)})"
            )
        )
