"""People of the desk and the admin steps they take: editors in their roles, two editors at
two browsers (logged-in clients of different people), opening and saving an admin change
form as their browsers would, and running a changelist action."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from newsroom import provenance
from newsroom.editorial import roles
from newsroom.models import Citation
from tests.support import factories
from tests.support.admin_forms import admin_url, page_data

SUPERUSER = "Superuser"
ROLE_NAMES = [roles.EDITOR, roles.REPORTER, roles.RESULTS_CLERK, SUPERUSER]


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


def person(django_user_model, role: str):
    """A staff member holding `role` (its group, as the migration created it)."""
    username = role.lower().replace(" ", "-")
    if role == SUPERUSER:
        return django_user_model.objects.create_superuser(username, "", "correct horse 42")
    user = django_user_model.objects.create_user(username, "", "correct horse 42", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def client_for(django_user_model, role: str) -> Client:
    client = Client()
    client.user = person(django_user_model, role)
    client.force_login(client.user)
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


def run_action(client, model, action: str, items, **extra):
    """POST a changelist action on `items`, following the redirect to the message."""
    return client.post(
        admin_url(model, "changelist"),
        {"action": action, "_selected_action": [item.pk for item in items], **extra},
        follow=True,
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []


def cited(item, **source):
    """`item` with a citation of a published source, so it may be published, and that
    source cited for each field the item shows with its own footnote (a candidate's party).
    Outlets and sources need none and take none (a citation points only at items that cite
    sources)."""
    if ContentType.objects.get_for_model(item).pk in Citation.target_content_type_ids():
        cited_source = factories.SourceFactory(**source)
        factories.CitationFactory(content_object=item, source=cited_source)
        for name in provenance.uncited_fields(item):
            factories.CitationFactory(content_object=item, source=cited_source, field_name=name)
    return item
