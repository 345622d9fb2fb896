"""`ensure_admin` creates a first login once, then reports it."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from newsroom.management.commands import ensure_admin


@pytest.fixture
def credentials_file(tmp_path, monkeypatch):
    monkeypatch.setattr(
        ensure_admin, "CREDENTIALS_FILE", tmp_path / "var" / "admin-credentials.txt"
    )
    monkeypatch.setattr(ensure_admin.settings, "BASE_DIR", tmp_path)
    return ensure_admin.credentials_file()


@pytest.mark.django_db
def test_creates_an_admin_that_can_log_in(credentials_file, client):
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "Created admin login: admin / " in out.getvalue()
    password = credentials_file.read_text().split("password: ")[1].strip()
    assert client.login(username="admin", password=password)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_second_run_reports_the_existing_login(credentials_file):
    call_command("ensure_admin", stdout=StringIO())
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert out.getvalue().startswith("Admin login: admin (its password is in var/")
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


@pytest.mark.django_db
def test_a_changed_password_is_not_reported_as_saved(credentials_file):
    call_command("ensure_admin", stdout=StringIO())
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("changed by hand")
    admin.save()
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "reset its password with: python manage.py changepassword admin" in out.getvalue()


@pytest.mark.django_db
def test_each_database_has_its_own_credentials_file(credentials_file, settings):
    from django.db import connection

    expected = "admin-credentials.txt" if connection.vendor == "sqlite" else "admin-credentials-"
    assert credentials_file.name.startswith(expected)
    assert credentials_file.parent == settings.BASE_DIR / "var"
