"""People of the desk in their roles, and the admin steps of the workflow tests."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from newsroom.editorial import roles
from newsroom.models import Citation
from tests import factories
from tests.admin_forms import admin_url

SUPERUSER = "Superuser"
ROLE_NAMES = [roles.EDITOR, roles.REPORTER, roles.RESULTS_CLERK, SUPERUSER]


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
    """`item` with a citation of a published source, so it may be published. Outlets and
    sources need none and take none (a citation points only at items that cite sources)."""
    if ContentType.objects.get_for_model(item).pk in Citation.target_content_type_ids():
        factories.CitationFactory(content_object=item, source=factories.SourceFactory(**source))
    return item
