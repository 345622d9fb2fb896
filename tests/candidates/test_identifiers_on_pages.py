"""A candidate's external ids on their profile and in its JSON-LD (`identifier` for every
id, `sameAs` for the registries with pages)."""

import pytest

from tests.support import factories
from tests.support.reader import json_ld, node

pytestmark = pytest.mark.django_db


def test_a_profile_shows_its_ids_linked_to_their_registries(client):
    candidate = factories.CandidateFactory()
    factories.ExternalIdentifierFactory(content_object=candidate, scheme="wikidata", value="Q4242")
    factories.ExternalIdentifierFactory(
        content_object=candidate, scheme="ap_candidate", value="12345"
    )

    response = client.get(candidate.get_absolute_url())

    assert 'href="https://www.wikidata.org/wiki/Q4242"' in response.text
    assert "AP candidate id" in response.text
    assert "<code>12345</code>" in response.text


def test_a_profiles_json_ld_has_same_as_and_identifiers(client):
    candidate = factories.CandidateFactory(website="https://example.org/campaign")
    factories.ExternalIdentifierFactory(
        content_object=candidate, scheme="ballotpedia", value="Someone_Synthetic"
    )
    factories.ExternalIdentifierFactory(content_object=candidate, scheme="fec", value="P00000001")

    person = node(json_ld(client.get(candidate.get_absolute_url())), "Person")

    assert person["sameAs"] == [
        "https://example.org/campaign",
        "https://ballotpedia.org/Someone_Synthetic",
        "https://www.fec.gov/data/candidate/P00000001/",
    ]
    assert {"@type": "PropertyValue", "propertyID": "FEC", "value": "P00000001"} in person[
        "identifier"
    ]


def test_a_profile_without_ids_has_no_identifiers_section(client):
    candidate = factories.CandidateFactory()

    response = client.get(candidate.get_absolute_url())

    assert 'id="identifiers-heading"' not in response.text
    assert "identifier" not in node(json_ld(response), "Person")
