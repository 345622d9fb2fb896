"""The contest's Popolo JSON: valid against the Popolo schemas, public items only, bounded."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from candidates.models import Candidate
from newsroom.editorial.publishing import Status
from tests.support.factories import CandidateFactory, ContestFactory, ResultFactory

CAUCUS = "2024-american-samoa-democratic-caucuses"
SCHEMAS = Path(__file__).parents[2] / "schemas" / "popolo"
BASE = "http://www.popoloproject.com/schemas/"


def registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        resource = Resource(json.loads(path.read_text()), specification=DRAFT3)
        # Every schema refers to the others at www.popoloproject.com; contact_detail's own
        # id lacks the "www.", so each is registered under the address the others use.
        resources.append((f"{BASE}{path.name}", resource))
    return Registry().with_resources(resources)


def validator(kind: str) -> Draft3Validator:
    schema = json.loads((SCHEMAS / f"{kind}.json").read_text())
    return Draft3Validator(
        schema, registry=registry(), format_checker=Draft3Validator.FORMAT_CHECKER
    )


COLLECTIONS = {
    "persons": "person",
    "organizations": "organization",
    "posts": "post",
    "memberships": "membership",
    "areas": "area",
}


def assert_valid_popolo(document: dict) -> None:
    for collection, kind in COLLECTIONS.items():
        check = validator(kind)
        for item in document[collection]:
            errors = [error.message for error in check.iter_errors(item)]
            assert errors == [], (collection, item, errors)


def test_seed_contest_is_valid_popolo_with_candidates_parties_post_and_candidacies(
    seed_newsroom, client
):
    response = client.get(f"/contests/{CAUCUS}/popolo.json")

    assert response.status_code == 200
    document = response.json()
    assert_valid_popolo(document)
    assert {person["name"] for person in document["persons"]} == {"Jason Palmer", "Joe Biden"}
    assert [org["name"] for org in document["organizations"]] == ["Democratic Party"]
    assert document["areas"][0]["id"] == "ocd-division/country:us/territory:as"
    assert document["posts"][0]["area_id"] == "ocd-division/country:us/territory:as"
    palmer = next(m for m in document["memberships"] if m["person_id"] == "person:jason-palmer")
    assert (palmer["votes"], palmer["elected"], palmer["post_id"]) == (51, True, f"post:{CAUCUS}")


def test_a_wrong_value_fails_the_schema_check(seed_newsroom, client):
    document = client.get(f"/contests/{CAUCUS}/popolo.json").json()
    document["memberships"][0]["start_date"] = "5 March 2024"

    with pytest.raises(AssertionError):
        assert_valid_popolo(document)


def test_draft_candidates_and_draft_contests_are_not_exported(seed_newsroom, client):
    Candidate.objects.filter(slug="joe-biden").update(status=Status.DRAFT)
    draft = ContestFactory(status=Status.DRAFT)

    document = client.get(f"/contests/{CAUCUS}/popolo.json").json()

    assert [person["id"] for person in document["persons"]] == ["person:jason-palmer"]
    assert "joe-biden" not in json.dumps(document)
    assert client.get(f"/contests/{draft.slug}/popolo.json").status_code == 404
    assert client.get(f"/contests/{draft.slug}/results.csv").status_code == 404


@pytest.mark.parametrize("candidates", [2, 20])
def test_export_queries_do_not_grow_with_the_candidates(
    db, client, django_assert_max_num_queries, candidates
):
    contest = ContestFactory(ballots_cast=None)
    for _ in range(candidates):
        ResultFactory(contest=contest, candidate=CandidateFactory(), votes=1)

    with django_assert_max_num_queries(8):
        response = client.get(f"/contests/{contest.slug}/popolo.json")

    assert len(response.json()["memberships"]) == candidates
    assert_valid_popolo(response.json())
