"""Admin logins are throttled by django-axes: repeated failures lock the name out."""

import pytest
from django.urls import reverse

PASSWORD = "correct horse 42"  # the `superuser` fixture's


def attempt(client, username, password):
    return client.post(reverse("admin:login"), {"username": username, "password": password})


@pytest.mark.django_db
def test_admin_login_locks_out_after_repeated_failures(client, superuser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, superuser.username, "wrong").status_code == 200

    assert attempt(client, superuser.username, "wrong").status_code == 429
    locked_out = attempt(client, superuser.username, PASSWORD)

    assert locked_out.status_code == 429
    assert "too many login attempts" in locked_out.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_lockout_is_per_user_name_and_address(client, superuser, django_user_model, settings):
    django_user_model.objects.create_superuser("night-editor", "", "another horse 43")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, superuser.username, "wrong")

    response = attempt(client, "night-editor", "another horse 43")

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.django_db
def test_success_below_the_limit_starts_the_count_again(client, superuser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, superuser.username, "wrong")
    assert attempt(client, superuser.username, PASSWORD).status_code == 302
    client.logout()

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, superuser.username, "wrong").status_code == 200
    assert attempt(client, superuser.username, PASSWORD).status_code == 302
