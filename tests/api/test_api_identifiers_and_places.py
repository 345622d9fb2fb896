"""External ids in the API (`identifiers`), the places endpoint with OCD ids, and merged
slugs answered with a 301 to the resource that stays, as the site's pages do."""

import pytest

from newsroom.editorial.merging import merge
from tests.support import factories

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def get(client, url, **extra):
    return client.get(url, **JSON, **extra)


def test_a_candidates_ids_are_in_its_payload_with_their_registry_pages(client):
    candidate = factories.CandidateFactory()
    factories.ExternalIdentifierFactory(content_object=candidate, scheme="wikidata", value="Q4242")
    factories.ExternalIdentifierFactory(
        content_object=candidate, scheme="ap_candidate", value="12345"
    )

    payload = get(client, f"/api/v1/candidates/{candidate.slug}/").json()

    assert payload["identifiers"] == [
        {"scheme": "ap_candidate", "name": "AP candidate id", "value": "12345", "url": None},
        {
            "scheme": "wikidata",
            "name": "Wikidata",
            "value": "Q4242",
            "url": "https://www.wikidata.org/wiki/Q4242",
        },
    ]


def test_a_contests_race_id_is_in_its_payload(client):
    contest = factories.ContestFactory()
    factories.ExternalIdentifierFactory(content_object=contest, scheme="ap_race", value="12345")

    payload = get(client, f"/api/v1/contests/{contest.slug}/").json()

    assert payload["identifiers"] == [
        {"scheme": "ap_race", "name": "AP race id", "value": "12345", "url": None}
    ]
    assert payload["jurisdiction"]["url"].endswith(f"/api/v1/places/{contest.jurisdiction.slug}/")


def test_the_places_list_gives_each_public_place_with_its_ocd_id(client):
    place = factories.JurisdictionFactory(ocd_id="ocd-division/country:us/territory:zz")
    factories.JurisdictionFactory(status="draft", ocd_id="ocd-division/country:us/state:draftland")

    payload = get(client, "/api/v1/places/").json()

    assert [row["slug"] for row in payload["results"]] == [place.slug]
    assert payload["results"][0]["ocd_id"] == "ocd-division/country:us/territory:zz"
    assert payload["results"][0]["identifiers"][0] == {
        "scheme": "ocd",
        "name": "OCD division id",
        "value": "ocd-division/country:us/territory:zz",
        "url": None,
    }
    assert "draftland" not in str(payload)


def test_a_place_links_to_its_contests_and_its_page(client):
    place = factories.JurisdictionFactory()

    payload = get(client, f"/api/v1/places/{place.slug}/").json()

    assert payload["contests"].endswith(f"/api/v1/contests/?jurisdiction={place.slug}")
    assert payload["html_url"].endswith(place.get_absolute_url())


def test_a_draft_place_is_404(client):
    place = factories.JurisdictionFactory(status="draft")

    assert get(client, f"/api/v1/places/{place.slug}/").status_code == 404


def test_the_places_list_is_a_page_at_a_time(client):
    for _ in range(3):
        factories.JurisdictionFactory()

    payload = get(client, "/api/v1/places/?page_size=2").json()

    assert len(payload["results"]) == 2
    assert payload["next"]


def test_an_unknown_places_parameter_is_a_400_naming_it(client):
    response = get(client, "/api/v1/places/?kind=galaxy")

    assert response.status_code == 400
    assert "kind" in response.json()


@pytest.mark.parametrize("size", [1, 12])
def test_the_places_list_costs_the_same_queries_at_any_size(
    client, django_assert_max_num_queries, size
):
    for _ in range(size):
        place = factories.JurisdictionFactory()
        factories.ExternalIdentifierFactory(content_object=place)

    with django_assert_max_num_queries(3):
        assert get(client, "/api/v1/places/?page_size=100").status_code == 200


def test_a_merged_candidates_old_slug_redirects_to_the_one_that_stays(client):
    survivor = factories.CandidateFactory()
    duplicate = factories.CandidateFactory(party=survivor.party)
    old_slug = duplicate.slug
    merge(duplicate, into=survivor)

    response = get(client, f"/api/v1/candidates/{old_slug}/?format=json")

    assert response.status_code == 301
    assert response["Location"] == (
        f"http://testserver/api/v1/candidates/{survivor.slug}/?format=json"
    )
    assert client.get(f"/candidates/{old_slug}/").status_code == 301


def test_a_merged_sources_old_slug_redirects_to_the_one_that_stays(client):
    survivor = factories.SourceFactory()
    duplicate = factories.SourceFactory(
        outlet=survivor.outlet, published_on=survivor.published_on, url=""
    )
    old_slug = duplicate.slug
    merge(duplicate, into=survivor)

    response = get(client, f"/api/v1/sources/{old_slug}/")

    assert response.status_code == 301
    assert response["Location"].endswith(f"/api/v1/sources/{survivor.slug}/")


def test_a_merged_slug_whose_survivor_is_a_draft_stays_404(client):
    survivor = factories.CandidateFactory(status="draft")
    duplicate = factories.CandidateFactory(party=survivor.party)
    old_slug = duplicate.slug
    merge(duplicate, into=survivor)

    assert get(client, f"/api/v1/candidates/{old_slug}/").status_code == 404


def test_a_slug_that_never_was_is_404(client):
    assert get(client, "/api/v1/candidates/no-such-candidate/").status_code == 404
