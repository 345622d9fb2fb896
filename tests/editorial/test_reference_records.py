"""Records without a workflow of their own (parties) are editor-only once readers see them:
a reporter may draft a new party, not rename one that published pages show."""

import pytest
from django.contrib import admin

from candidates.admin import PartyAdmin
from candidates.models import Party
from newsroom.editorial import roles
from newsroom.editorial.admin import EditorialAdmin
from newsroom.editorial.publishing import Status
from results.models import ImportBatch
from tests.support import factories
from tests.support.admin_forms import CHANGE_NOTE, admin_url, page_data
from tests.support.editors import client_for

pytestmark = pytest.mark.django_db

PROFILE = "/candidates/jason-palmer/"
CONTEST = "/contests/2024-american-samoa-democratic-caucuses/"
API_CANDIDATE = "/api/v1/candidates/jason-palmer/"
RENAMED = "Democratic Party (renamed by a reporter)"


def rename(client, party, name: str):
    """POST the party's change form as the page shows it to `client`, with a new name."""
    url = admin_url(Party, "change", party.pk)
    data = page_data(client.get(url)) | CHANGE_NOTE
    data.update({"name": name, "adjective": party.adjective, "slug": party.slug})
    return client.post(url, data)


def test_reporter_may_not_rename_a_party_shown_on_published_pages(
    django_user_model, client, seed_newsroom
):
    reporter = client_for(django_user_model, roles.REPORTER)
    democrats = Party.objects.get(slug="democratic")

    response = rename(reporter, democrats, RENAMED)

    assert response.status_code == 403
    assert Party.objects.get(pk=democrats.pk).name == "Democratic Party"
    for url in (PROFILE, CONTEST, API_CANDIDATE):
        page = client.get(url)
        assert page.status_code == 200
        assert RENAMED not in page.text


def test_reporter_sees_a_published_party_read_only(django_user_model, seed_newsroom):
    reporter = client_for(django_user_model, roles.REPORTER)
    democrats = Party.objects.get(slug="democratic")

    response = reporter.get(admin_url(Party, "change", democrats.pk))

    assert response.status_code == 200
    assert response.context["has_change_permission"] is False


def test_reporter_may_not_delete_a_party_shown_on_published_pages(django_user_model):
    reporter = client_for(django_user_model, roles.REPORTER)
    party = factories.PartyFactory()
    factories.CandidateFactory(party=party, status=Status.PUBLISHED)

    response = reporter.post(admin_url(Party, "delete", party.pk), {"post": "yes"})

    assert response.status_code == 403
    assert Party.objects.filter(pk=party.pk).exists()


def test_reporter_may_rename_a_party_only_drafts_use(django_user_model):
    reporter = client_for(django_user_model, roles.REPORTER)
    party = factories.PartyFactory(name="Fictional Party")
    factories.CandidateFactory(party=party, status=Status.DRAFT)

    response = rename(reporter, party, "Fictional Party of the Drafts")

    assert response.status_code == 302
    assert Party.objects.get(pk=party.pk).name == "Fictional Party of the Drafts"


def test_reporter_may_not_rename_a_party_of_a_published_contest(django_user_model):
    reporter = client_for(django_user_model, roles.REPORTER)
    party = factories.PartyFactory(name="Fictional Party")
    factories.ContestFactory(party=party, status=Status.PUBLISHED)

    response = rename(reporter, party, "Fictional Party, renamed")

    assert response.status_code == 403
    assert Party.objects.get(pk=party.pk).name == "Fictional Party"


def test_editor_may_rename_a_party_shown_on_published_pages(django_user_model, seed_newsroom):
    editor = client_for(django_user_model, roles.EDITOR)
    democrats = Party.objects.get(slug="democratic")

    response = rename(editor, democrats, "Democratic Party of the United States")

    assert response.status_code == 302
    assert Party.objects.get(pk=democrats.pk).name == "Democratic Party of the United States"


def test_every_model_edited_in_the_admin_declares_its_editorial_policy():
    errors = EditorialAdmin(ImportBatch, admin.site).check()

    assert [error.id for error in errors] == ["newsroom.E001"]
    assert "results.ImportBatch has no editorial policy" in errors[0].msg


def test_a_policy_naming_no_relation_to_a_publishable_model_fails_the_checks(monkeypatch):
    monkeypatch.setattr(Party, "shown_publicly_with", ("candidates", "identifiers"))

    errors = PartyAdmin(Party, admin.site).check()

    assert [error.id for error in errors] == ["newsroom.E002"]
    assert "“identifiers”" in errors[0].msg
