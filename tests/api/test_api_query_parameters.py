"""Bad query parameters are refused with 400 and a message naming them."""

import pytest

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "year=abc",
            {
                "year": [
                    "Enter a whole number: ASCII digits, without sign, spaces or leading zeros."
                ]
            },
        ),
        ("year=", {"year": ["Empty value. Give a value, or leave the parameter out."]}),
        (
            "party=not a slug",
            {"party": ["Enter a slug: ASCII letters, digits, hyphens and underscores only."]},
        ),
        (
            "cursor=not%20a%20cursor",
            {"cursor": ["Not a cursor: copy it from the `next` or `previous` link of a list."]},
        ),
        ("page_size=500", {"page_size": ["Ensure this value is less than or equal to 100."]}),
        (
            "yaer=2024",
            {
                "yaer": [
                    "Unknown query parameter. Allowed here: candidate, count_status, cursor, "
                    "format, jurisdiction, page_size, party, year."
                ]
            },
        ),
    ],
)
def test_bad_query_parameter_is_a_400_with_a_message(db, client, query, expected):
    response = client.get(f"/api/v1/contests/?{query}", **JSON)

    assert response.status_code == 400
    assert response.json() == expected


@pytest.mark.parametrize(
    "cursor",
    [
        "cD1hYmM=",  # p=abc: not an id
        "bz0xJnA9OTk5OTk5OTk5OTk5OTk5OTk5OTk5OQ==",  # o=1&p=9999999999999999999999: too long
        "aGVsbG8=",  # hello
        "AAAA",  # three NUL bytes
        "cD0xJnA9Mg==",  # p=1&p=2
    ],
)
def test_a_cursor_this_api_did_not_write_is_a_404_saying_so(db, client, cursor):
    response = client.get(f"/api/v1/contests/?cursor={cursor}", **JSON)

    assert response.status_code == 404
    assert response.json() == {
        "detail": "This cursor is not one this API wrote: follow the `next` or `previous` "
        "link of a list."
    }


def test_malformed_id_is_a_json_404(db, client):
    response = client.get("/api/v1/snapshots/abc/", **JSON)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "query",
    [
        "year=²",
        f"year={'9' * 5000}",
        "cursor=²",
        f"cursor={'A' * 5000}",
        f"page_size={'9' * 5000}",
    ],
)
def test_odd_numbers_in_query_parameters_are_a_400(db, client, query):
    response = client.get(f"/api/v1/contests/?{query}", **JSON)

    assert response.status_code == 400


def test_following_next_walks_every_row_once_at_a_constant_cost(db, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.support.factories import SourceFactory

    made = {source.slug for source in SourceFactory.create_batch(7)}
    seen, counts = [], []
    url = "/api/v1/sources/?page_size=3"
    while url:
        with CaptureQueriesContext(connection) as queries:
            body = client.get(url, **JSON).json()
        counts.append(len(queries))
        seen += [row["slug"] for row in body["results"]]
        assert "count" not in body
        url = body["next"]

    assert sorted(seen) == sorted(made)
    assert len(counts) == 3
    assert len(set(counts)) == 1
