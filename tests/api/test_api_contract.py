"""Schemathesis drives every endpoint of the OpenAPI schema: no 5xx, responses match it,
and a request the schema forbids is refused.

The schema is fetched from its URL through the WSGI application once, at collection (it reads
no database); each endpoint's examples then run against the seed newsroom. How many examples,
and whether they are the same on every run, is the Hypothesis profile's choice
(`tests/conftest.py`): fixed in `make test`, random and many more in `make fuzz`.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from ballotdesk.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)


@pytest.fixture
def connection_kept_open():
    """Requests reach the WSGI application directly, not through Django's test client, so
    stop them closing the connection holding the test's transaction, as the client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_every_endpoint_honours_the_schema(case, seed_newsroom, connection_kept_open):
    case.call_and_validate()


def test_schema_is_served_at_a_stable_url(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {
        "/api/v1/candidates/",
        "/api/v1/candidates/{slug}/",
        "/api/v1/contests/",
        "/api/v1/contests/{slug}/",
        "/api/v1/snapshots/",
        "/api/v1/snapshots/{id}/",
        "/api/v1/quotes/",
        "/api/v1/quotes/{id}/",
        "/api/v1/facts/",
        "/api/v1/facts/{id}/",
        "/api/v1/sources/",
        "/api/v1/sources/{slug}/",
    } <= set(paths)


def test_docs_page_lists_every_endpoint_with_its_parameters(db, client):
    response = client.get("/api/v1/docs/")

    assert response.status_code == 200
    assert "GET /api/v1/contests/" in response.text
    assert "<code>jurisdiction</code>" in response.text


def test_docs_page_states_the_rule_of_each_parameter(db, client):
    response = client.get("/api/v1/docs/")

    assert "integer, 1 to 9999" in response.text
    assert "matching <code>^[-a-zA-Z0-9_]+$</code>, at most 200 characters" in response.text


@pytest.mark.django_db
def test_api_answers_json_even_to_a_browser(client):
    response = client.get("/api/v1/candidates/", HTTP_ACCEPT="text/html,*/*;q=0.8")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
