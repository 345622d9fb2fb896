"""ETags and conditional GET: unchanged data answers 304, a change shows on the next request."""

from results.models import Result

JSON = {"HTTP_ACCEPT": "application/json"}
URL = "/api/v1/contests/2024-american-samoa-democratic-caucuses/"


def test_unchanged_resource_answers_304(seed_newsroom, client):
    first = client.get(URL, **JSON)

    again = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"], **JSON)

    assert first["Cache-Control"] == "no-cache"
    assert again.status_code == 304
    assert again.content == b""


def test_a_change_gives_a_new_etag_and_the_new_figures(seed_newsroom, client):
    first = client.get(URL, **JSON)
    Result.objects.filter(candidate__slug="jason-palmer", contest__year=2024).update(votes=50)

    again = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"], **JSON)

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert again.json()["results"][0]["votes"] == 50
