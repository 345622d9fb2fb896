"""A page whose database is away answers 503 Service Unavailable with Retry-After, never a
500 (the PostgreSQL restart of tests/soak/ shows it under load)."""

import pytest
from django.db import InterfaceError, OperationalError, ProgrammingError
from django.db.backends.utils import CursorWrapper

from tests.support.reader import visible_text


def get_failing_with(client, monkeypatch, error: Exception, path: str):
    """GET `path` while every database query raises `error` (only for this request, so the
    test database's own teardown still works)."""

    def fail(self, *args, **kwargs):
        raise error

    with monkeypatch.context() as patched:
        patched.setattr(CursorWrapper, "execute", fail)
        return client.get(path)


@pytest.mark.django_db
def test_page_answers_503_with_retry_after_while_the_database_is_away(client, monkeypatch):
    error = OperationalError("connection to server failed: Connection refused")

    response = get_failing_with(client, monkeypatch, error, "/contests/")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]
    assert "The newsroom database is not answering just now" in visible_text(response)


@pytest.mark.django_db
def test_connection_cut_mid_request_answers_503(client, monkeypatch):
    error = InterfaceError("the connection is closed")

    assert get_failing_with(client, monkeypatch, error, "/candidates/").status_code == 503


@pytest.mark.django_db
def test_other_database_errors_still_answer_500(client, monkeypatch):
    client.raise_request_exception = False
    error = ProgrammingError("relation does not exist")

    assert get_failing_with(client, monkeypatch, error, "/contests/").status_code == 500
