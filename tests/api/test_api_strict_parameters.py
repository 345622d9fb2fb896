"""Query parameters are taken exactly as sent and checked against what the schema states.

Requests the contract tests found accepted although the schema forbids them are replayed
here exactly, through the test client, named for what they send: `candidate=2%1E` (issue
#13) and `party=h%0C` (`make fuzz`). The others pin each kind of parameter (slug, whole
number, choice, page, format) and the schema's statement of each rule.
"""

import pytest
from drf_spectacular.generators import SchemaGenerator

JSON = {"HTTP_ACCEPT": "application/json"}
SLUG = "Enter a slug: ASCII letters, digits, hyphens and underscores only."
WHOLE_NUMBER = "Enter a whole number: ASCII digits, without sign, spaces or leading zeros."


def errors(client, url):
    response = client.get(url, **JSON)
    assert response.status_code == 400, response.content
    return response.json()


def test_quotes_candidate_with_trailing_control_character_is_400(db, client):
    # Python's str.strip() takes U+001E for whitespace: this was read as the slug "2".
    assert errors(client, "/api/v1/quotes/?candidate=2%1E") == {"candidate": [SLUG]}


def test_quotes_party_with_trailing_form_feed_is_400(db, client):
    assert errors(client, "/api/v1/quotes/?party=h%0C") == {"party": [SLUG]}


def test_candidates_party_with_leading_space_is_400(db, client):
    assert errors(client, "/api/v1/candidates/?party=%20democratic") == {"party": [SLUG]}


def test_sources_outlet_longer_than_any_slug_is_400(db, client):
    assert errors(client, f"/api/v1/sources/?outlet={'a' * 201}") == {
        "outlet": ["Ensure this value has at most 200 characters (it has 201)."]
    }


def test_snapshots_contest_with_nul_byte_is_400(db, client):
    assert errors(client, "/api/v1/snapshots/?contest=a%00") == {
        "contest": [SLUG, "Null characters are not allowed."]
    }


@pytest.mark.parametrize(
    "year",
    [
        "2024.0",  # Django's IntegerField drops a decimal point followed by zeros
        "%2B2024",  # "+2024"
        "02024",
        "%202024",
        "%D9%A2%D9%A0%D9%A2%D9%A4",  # Arabic-Indic digits, which int() reads as 2024
        "%C2%B2",  # superscript two
    ],
)
def test_quotes_year_not_in_plain_ascii_digits_is_400(db, client, year):
    assert errors(client, f"/api/v1/quotes/?year={year}") == {"year": [WHOLE_NUMBER]}


def test_facts_year_of_thousands_of_digits_is_400(db, client):
    assert errors(client, f"/api/v1/facts/?year={'9' * 5000}") == {
        "year": ["Ensure this value is less than or equal to 9999."]
    }


def test_contests_count_status_with_trailing_control_character_is_400(db, client):
    assert errors(client, "/api/v1/contests/?count_status=final%1E") == {
        "count_status": ["Select one of: scheduled, counting, final."]
    }


def test_facts_topic_in_capitals_is_400(db, client):
    assert errors(client, "/api/v1/facts/?topic=REACTION") == {
        "topic": ["Select one of: background, campaign, reaction, event."]
    }


def test_contests_page_number_is_an_unknown_parameter(db, client):
    assert list(errors(client, "/api/v1/contests/?page=2")) == ["page"]


def test_sources_page_size_with_plus_sign_is_400(db, client):
    assert errors(client, "/api/v1/sources/?page_size=%2B20") == {"page_size": [WHOLE_NUMBER]}


def test_cursor_beyond_the_documented_length_is_400(db, client):
    assert errors(client, f"/api/v1/candidates/?cursor={'A' * 201}") == {
        "cursor": ["Ensure this value has at most 200 characters (it has 201)."]
    }


def test_unknown_format_is_400_not_404(db, client):
    assert errors(client, "/api/v1/quotes/?format=xml") == {"format": ["Select one of: json."]}


def test_format_on_a_single_resource_is_checked_too(db, client):
    assert errors(client, "/api/v1/sources/some-source/?format=json%1E") == {
        "format": ["Select one of: json."]
    }


def test_parameter_given_twice_is_400(db, client):
    assert errors(client, "/api/v1/contests/?year=2024&year=2020") == {
        "year": ["Given more than once. Give it once."]
    }


def test_every_bad_parameter_of_a_request_is_named_at_once(db, client):
    assert errors(client, "/api/v1/contests/?year=x&party=a%20b&cursor=%3F") == {
        "cursor": ["Not a cursor: copy it from the `next` or `previous` link of a list."],
        "party": [SLUG],
        "year": [WHOLE_NUMBER],
    }


def query_parameters():
    """(path, parameter, the endpoint's other required parameters) of every query
    parameter of the schema: a request naming only the one parameter would also be
    refused for a missing required one (search's `q`)."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    params = []
    for path, methods in schema["paths"].items():
        parameters = [p for p in methods["get"].get("parameters", []) if p["in"] == "query"]
        for parameter in parameters:
            required = [p for p in parameters if p.get("required") and p is not parameter]
            params.append(pytest.param(path, parameter, required, id=f"{path}?{parameter['name']}"))
    return params


def valid_value(parameter) -> str:
    schema = parameter["schema"]
    if "enum" in schema:
        return schema["enum"][-1]
    return "1" if schema["type"] == "integer" else "american-samoa"


@pytest.mark.parametrize(("path", "parameter", "required"), query_parameters())
def test_every_query_parameter_refuses_a_valid_value_with_a_control_character(
    db, client, path, parameter, required
):
    url = path.format(slug="some-slug", id="1")
    name = parameter["name"]
    given = "".join(f"{other['name']}={valid_value(other)}&" for other in required)

    response = client.get(f"{url}?{given}{name}={valid_value(parameter)}%1E", **JSON)

    assert response.status_code == 400
    assert list(response.json()) == [name]


@pytest.mark.parametrize(("path", "parameter", "required"), query_parameters())
def test_every_query_parameter_states_its_rule_in_the_schema(path, parameter, required):
    schema = parameter["schema"]

    assert (
        "enum" in schema
        or {"pattern", "maxLength"} <= set(schema)
        or {"minimum", "maximum"} <= set(schema)
    )
