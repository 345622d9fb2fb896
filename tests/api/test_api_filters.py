"""Resources filter by jurisdiction, year, party and candidate."""

JSON = {"HTTP_ACCEPT": "application/json"}


def slugs(client, url):
    return [item["slug"] for item in client.get(url, **JSON).json()["results"]]


def test_contests_filter_by_year_party_jurisdiction_and_candidate(seed_newsroom, client):
    assert slugs(client, "/api/v1/contests/?year=2024&party=democratic") == [
        "2024-american-samoa-democratic-caucuses"
    ]
    assert slugs(client, "/api/v1/contests/?candidate=michael-bloomberg") == [
        "2020-american-samoa-democratic-contest"
    ]
    assert len(slugs(client, "/api/v1/contests/?jurisdiction=american-samoa")) == 4
    assert slugs(client, "/api/v1/contests/?jurisdiction=guam") == []


def test_candidates_filter_by_the_year_they_stood(seed_newsroom, client):
    assert sorted(slugs(client, "/api/v1/candidates/?year=2024&jurisdiction=american-samoa")) == [
        "jason-palmer",
        "joe-biden",
    ]


def test_snapshots_filter_by_contest(seed_newsroom, client):
    body = client.get(
        "/api/v1/snapshots/?contest=2024-american-samoa-democratic-caucuses", **JSON
    ).json()

    assert len(body["results"]) == 2
    assert body["next"] is None


def test_quotes_filter_by_candidate(seed_newsroom, client):
    quotes = client.get("/api/v1/quotes/?candidate=jason-palmer", **JSON).json()["results"]

    assert quotes
    assert {quote["candidate"]["slug"] for quote in quotes} == {"jason-palmer"}
