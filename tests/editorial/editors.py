"""Two editors at two browsers: logged-in clients of two different people, and the steps of
opening and saving an admin change form as their browsers would."""

from django.test import Client

from tests.admin_forms import admin_url, page_data


def log_in(django_user_model, username: str, full_name: str) -> Client:
    given, family = full_name.split(" ", 1)
    user = django_user_model.objects.create_superuser(
        username, f"{username}@example.org", "correct horse 42"
    )
    user.first_name, user.last_name = given, family
    user.save()
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def open_change_form(client: Client, item):
    """GET the item's change form; returns (response, the POST data the page would send)."""
    response = client.get(admin_url(type(item), "change", item.pk))
    assert response.status_code == 200, response.status_code
    return response, page_data(response)


def save(client: Client, item, data: dict, **extra):
    return client.post(admin_url(type(item), "change", item.pk), data, **extra)


def form_errors(response) -> list[str]:
    """Every error the re-rendered change form shows: the item's and its inline rows'."""
    errors = [str(error) for error in response.context["adminform"].form.non_field_errors()]
    for inline in response.context["inline_admin_formsets"]:
        errors += [str(error) for error in inline.formset.non_form_errors()]
        for form in inline.formset.forms:
            errors += [str(error) for error in form.non_field_errors()]
    return errors
