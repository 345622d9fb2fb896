"""One structured log line per request, carrying the request id the response echoes."""

import json
import logging

import pytest

from ballotdesk.logs import JsonFormatter, RequestIdFilter


@pytest.fixture
def request_log(caplog):
    caplog.set_level(logging.INFO, logger="ballotdesk.requests")
    return caplog


def lines_for(caplog):
    return [record for record in caplog.records if record.name == "ballotdesk.requests"]


def test_each_request_logs_one_line_with_status_time_and_id(client, request_log):
    response = client.get("/robots.txt")

    [line] = lines_for(request_log)
    assert line.status == 200
    assert line.method == "GET"
    assert line.path == "/robots.txt"
    assert line.duration_ms >= 0
    assert line.request_id == response["X-Request-ID"]


def test_a_missing_page_is_logged_with_its_status(client, request_log, db):
    # A 404 looks for a redirect left by a merge, so it reads the database.
    client.get("/no-such-page/")

    assert [line.status for line in lines_for(request_log)] == [404]


def test_the_proxys_request_id_is_kept(client, request_log):
    response = client.get("/robots.txt", headers={"X-Request-ID": "lb-7f3a9c21"})

    assert response["X-Request-ID"] == "lb-7f3a9c21"
    assert lines_for(request_log)[0].request_id == "lb-7f3a9c21"


def test_a_forged_request_id_is_replaced(client, request_log):
    response = client.get("/robots.txt", headers={"X-Request-ID": "x\n{forged log line}"})

    assert "\n" not in response["X-Request-ID"]
    assert len(response["X-Request-ID"]) == 32


def test_production_log_lines_are_json_objects(client, request_log):
    client.get("/robots.txt")
    [line] = lines_for(request_log)

    entry = json.loads(JsonFormatter().format(line))

    assert entry["status"] == 200
    assert entry["path"] == "/robots.txt"
    assert entry["request_id"] == line.request_id
    assert entry["level"] == "INFO"
    assert "duration_ms" in entry


def test_records_outside_a_request_carry_a_placeholder_id():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)

    RequestIdFilter().filter(record)

    assert json.loads(JsonFormatter().format(record))["request_id"] == "-"


def test_head_answers_have_get_headers_and_no_body(client):
    get, head = client.get("/robots.txt"), client.head("/robots.txt")

    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
