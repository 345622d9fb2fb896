"""The API shows published data only, through the same `published()` as the public pages."""

from newsroom.editorial.publishing import Status
from results.models import Contest
from tests.support.factories import CandidateFactory, ContestFactory, QuoteFactory, ResultFactory

JSON = {"HTTP_ACCEPT": "application/json"}


def test_draft_contest_is_neither_listed_nor_found(db, client):
    draft = ContestFactory(status=Status.DRAFT, slug="draft-caucus")
    ContestFactory(slug="public-caucus")

    listed = client.get("/api/v1/contests/", **JSON).json()
    detail = client.get(f"/api/v1/contests/{draft.slug}/", **JSON)

    assert [contest["slug"] for contest in listed["results"]] == ["public-caucus"]
    assert detail.status_code == 404
    assert detail.json() == {"detail": "No Contest matches the given query."}


def test_quote_of_a_draft_candidate_is_hidden(db, client):
    QuoteFactory(candidate=CandidateFactory(status=Status.DRAFT))

    assert client.get("/api/v1/quotes/", **JSON).json()["results"] == []


def test_result_of_an_unpublished_candidate_names_them_without_a_link(db, client):
    result = ResultFactory(candidate=CandidateFactory(status=Status.DRAFT, slug="unvetted"))

    contest = client.get(f"/api/v1/contests/{result.contest.slug}/", **JSON).json()

    assert contest["results"][0]["candidate"]["slug"] == "unvetted"
    assert contest["results"][0]["candidate"]["url"] is None


def test_lone_race_call_waits_for_a_second_person(seed_newsroom, client, django_user_model):
    from results.models import RaceCall

    caucus = Contest.objects.get(slug="2024-american-samoa-democratic-caucuses")
    RaceCall.objects.filter(contest=caucus).update(confirmed_at=None, confirmed_by=None)

    contest = client.get(f"/api/v1/contests/{caucus.slug}/", **JSON).json()

    assert contest["race_calls"] == []


def test_internal_notes_of_sources_are_never_exposed(seed_newsroom, client):
    body = client.get("/api/v1/sources/", **JSON).text

    assert "internal_note" not in body
    assert "Seed article shared/seeds" not in body
