"""A place's OCD division id and a contest's race ids on their pages and in their JSON-LD."""

import pytest

from tests.support import factories
from tests.support.reader import json_ld, node

pytestmark = pytest.mark.django_db


def test_a_place_page_shows_its_ocd_id_and_says_so_in_json_ld(client):
    place = factories.JurisdictionFactory(ocd_id="ocd-division/country:us/territory:zz")

    response = client.get(place.get_absolute_url())

    assert "<code>ocd-division/country:us/territory:zz</code>" in response.text
    area = node(json_ld(response), "AdministrativeArea")
    assert area["identifier"] == [
        {
            "@type": "PropertyValue",
            "propertyID": "OCD division id",
            "value": "ocd-division/country:us/territory:zz",
        }
    ]


def test_a_contest_page_shows_its_race_id_and_its_json_ld_names_it(client):
    contest = factories.ContestFactory()
    factories.ExternalIdentifierFactory(content_object=contest, scheme="ap_race", value="12345")

    response = client.get(contest.get_absolute_url())

    assert "AP race id" in response.text
    event = node(json_ld(response), "Event")
    assert event["identifier"] == [
        {"@type": "PropertyValue", "propertyID": "AP race id", "value": "12345"}
    ]
    assert event["location"]["identifier"]["value"] == contest.jurisdiction.ocd_id
