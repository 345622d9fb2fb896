"""Shared fixtures: the seed newsroom as the canonical world, and logged-in clients."""

import pytest
from django.core.management import call_command


@pytest.fixture
def seed_newsroom(db):
    """The newsroom built from the three seed articles, as `make run` loads it."""
    call_command("seed_newsroom", verbosity=0)


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("editor-in-chief", "", "correct horse 42")


@pytest.fixture
def admin_client_logged_in(client, superuser):
    client.force_login(superuser)
    return client
