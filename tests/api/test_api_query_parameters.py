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
        ("page=0", {"page": ["Ensure this value is greater than or equal to 1."]}),
        ("page_size=500", {"page_size": ["Ensure this value is less than or equal to 100."]}),
        (
            "yaer=2024",
            {
                "yaer": [
                    "Unknown query parameter. Allowed here: candidate, count_status, format, "
                    "jurisdiction, page, page_size, party, year."
                ]
            },
        ),
    ],
)
def test_bad_query_parameter_is_a_400_with_a_message(db, client, query, expected):
    response = client.get(f"/api/v1/contests/?{query}", **JSON)

    assert response.status_code == 400
    assert response.json() == expected


def test_page_past_the_end_is_a_404(db, client):
    response = client.get("/api/v1/contests/?page=9", **JSON)

    assert response.status_code == 404
    assert response.json() == {"detail": "This page is past the last page of results."}


def test_malformed_id_is_a_json_404(db, client):
    response = client.get("/api/v1/snapshots/abc/", **JSON)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "query",
    ["year=²", f"year={'9' * 5000}", "page=²", f"page={'9' * 5000}", f"page_size={'9' * 5000}"],
)
def test_odd_numbers_in_query_parameters_are_a_400(db, client, query):
    response = client.get(f"/api/v1/contests/?{query}", **JSON)

    assert response.status_code == 400
