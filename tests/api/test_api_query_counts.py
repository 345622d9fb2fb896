"""A page of any endpoint costs the same number of queries whatever its size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.factories import (
    CitationFactory,
    ContestFactory,
    FactFactory,
    QuoteFactory,
    RaceCallFactory,
    ResultFactory,
    SnapshotEntryFactory,
    SourceFactory,
)

JSON = {"HTTP_ACCEPT": "application/json"}


def build(n: int) -> None:
    source = SourceFactory()
    for _ in range(n):
        result = ResultFactory(contest=ContestFactory(ballots_cast=None))
        CitationFactory(content_object=result, source=source, field_name="votes")
        RaceCallFactory(
            contest=result.contest, winner=result.candidate, confirmed_at="2024-03-06T00:00Z"
        )
        SnapshotEntryFactory(snapshot__contest=result.contest, candidate=result.candidate)
        CitationFactory(content_object=QuoteFactory(candidate=result.candidate), source=source)
        FactFactory(candidate=result.candidate)
        CitationFactory(content_object=result.candidate, source=source)


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, **JSON).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "endpoint", ["contests", "candidates", "snapshots", "quotes", "facts", "sources"]
)
def test_queries_do_not_grow_with_page_size(db, client, endpoint):
    build(6)

    small = queries(client, f"/api/v1/{endpoint}/?page_size=1")
    large = queries(client, f"/api/v1/{endpoint}/?page_size=6")

    assert small == large
    # Contests: one more query, for their corrections and updates.
    assert large <= (9 if endpoint == "contests" else 8)
