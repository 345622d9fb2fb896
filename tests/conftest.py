"""Shared fixtures: the seed newsroom as the canonical world, and logged-in clients."""

import pytest
from django.core.management import call_command
from django.db import transaction

SEED_APPS = ["newsroom", "candidates", "results"]


def pytest_configure(config):
    """A fast password hasher: Django's PBKDF2 takes about half a second per hash by design,
    paid by every test that creates a user. The tests are not about hash strength."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def seed_newsroom_dump(django_db_setup, django_db_blocker, tmp_path_factory):
    """The seed newsroom, loaded once per session by the real command and dumped to JSON.

    Replaying the dump with loaddata gives each test the same rows (history included)
    several times faster than running the command's validated upserts again.
    """
    path = tmp_path_factory.mktemp("seed") / "seed-newsroom.json"
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_newsroom", verbosity=0)
        call_command(
            "dumpdata",
            *SEED_APPS,
            "auth.user",
            natural_foreign=True,
            # Users by username: a test's own users may already hold the dumped ids.
            natural_primary=True,
            output=str(path),
            verbosity=0,
        )
        transaction.set_rollback(True)
    return path


@pytest.fixture
def seed_newsroom(db, seed_newsroom_dump):
    """The newsroom built from the three seed articles, as `make run` loads it."""
    call_command("loaddata", str(seed_newsroom_dump), verbosity=0)


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("editor-in-chief", "", "correct horse 42")


@pytest.fixture
def admin_client_logged_in(client, superuser):
    client.force_login(superuser)
    return client
