"""Custom 404 and 500 pages."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from tests.support.reader import visible_text


@pytest.mark.django_db
def test_unknown_address_gets_the_custom_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "There is no published page at this address" in visible_text(response)


def test_server_error_gets_the_custom_500_page():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
