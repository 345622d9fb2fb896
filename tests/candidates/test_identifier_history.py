"""A change of a candidate's external id is a change in the candidate's history, whichever
door it comes through: the candidate's form and its inline, the identifiers' own admin,
the shell."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from candidates.models import Candidate
from newsroom.models import ExternalIdentifier
from results.models import Contest
from tests.support import factories
from tests.support.admin_forms import admin_url, page_data

pytestmark = pytest.mark.django_db

INLINE = "newsroom-externalidentifier-content_type-object_id"


def history_page(client, item):
    return client.get(admin_url(type(item), "history", item.pk)).text


def with_identifier(data: dict, scheme: str, value: str) -> dict:
    row = int(data[f"{INLINE}-TOTAL_FORMS"])
    return data | {
        f"{INLINE}-TOTAL_FORMS": str(row + 1),
        f"{INLINE}-{row}-scheme": scheme,
        f"{INLINE}-{row}-value": value,
        "change_source": "https://example.org/registry-page",
    }


def test_an_id_added_in_the_candidates_inline_shows_in_its_history(admin_client_logged_in):
    candidate = factories.CandidateFactory()
    url = admin_url(Candidate, "change", candidate.pk)
    data = page_data(admin_client_logged_in.get(url))

    response = admin_client_logged_in.post(url, with_identifier(data, "wikidata", "Q4242"))

    assert response.status_code == 302
    page = history_page(admin_client_logged_in, candidate)
    assert "External identifiers:</strong> <del>(empty)</del> &rarr; <ins>Wikidata: Q4242" in page
    assert "No field changes" not in page
    assert candidate.history.count() == 2  # created, then this one edit


def test_an_id_changed_in_the_identifiers_admin_shows_in_the_candidates_history(
    admin_client_logged_in,
):
    candidate = factories.CandidateFactory()
    identifier = factories.ExternalIdentifierFactory(content_object=candidate, value="Q4242")
    url = admin_url(ExternalIdentifier, "change", identifier.pk)
    data = page_data(admin_client_logged_in.get(url))

    response = admin_client_logged_in.post(
        url, data | {"value": "Q4343", "change_source": "https://example.org/registry-page"}
    )

    assert response.status_code == 302
    page = history_page(admin_client_logged_in, candidate)
    assert "<del>Wikidata: Q4242</del> &rarr; <ins>Wikidata: Q4343</ins>" in page
    assert "External identifier saved: Wikidata: Q4343" in page


def test_an_id_saved_and_deleted_in_the_shell_is_recorded_in_the_candidates_history():
    candidate = factories.CandidateFactory()

    identifier = factories.ExternalIdentifierFactory(
        content_object=candidate, scheme="ap_candidate", value="12345"
    )
    identifier.delete()

    shown = [record.external_ids for record in candidate.history.order_by("history_date")]
    assert shown == ["", "AP candidate id: 12345", ""]


def test_an_id_added_in_a_contests_form_is_in_the_version_that_form_saves(
    admin_client_logged_in,
):
    contest = factories.ContestFactory()
    url = admin_url(Contest, "change", contest.pk)
    data = page_data(admin_client_logged_in.get(url))

    response = admin_client_logged_in.post(url, with_identifier(data, "ap_race", "12345"))

    assert response.status_code == 302
    latest = contest.history.order_by("-history_date").first()
    assert latest.external_ids == "AP race id: 12345"
    page = history_page(admin_client_logged_in, contest)
    assert "<del>(empty)</del> &rarr; <ins>AP race id: 12345</ins>" in page


def test_an_ap_id_that_is_not_digits_is_an_error_on_its_value(admin_client_logged_in):
    candidate = factories.CandidateFactory()
    url = admin_url(Candidate, "change", candidate.pk)
    data = page_data(admin_client_logged_in.get(url))

    response = admin_client_logged_in.post(url, with_identifier(data, "ap_candidate", "polid-1"))

    assert response.status_code == 200
    assert "Enter an AP candidate id, digits only" in response.text
    assert not candidate.identifiers.exists()


def test_the_database_refuses_an_ap_id_that_is_not_digits_from_the_shell():
    candidate = factories.CandidateFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        ExternalIdentifier.objects.create(
            content_type=ContentType.objects.get_for_model(candidate),
            object_id=candidate.pk,
            scheme="ap_race",
            value="AS-1",
        )
