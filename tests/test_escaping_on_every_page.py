"""Editor text is escaped on every page, the JSON-LD included."""

import pytest

from tests.support import factories
from tests.support.reader import json_ld

pytestmark = pytest.mark.django_db

PAYLOAD = "</script><script>alert('x')</script>\"><img src=x onerror=alert(1)>&"


def _world_of_payloads():
    outlet = factories.OutletFactory(name=f"Outlet {PAYLOAD}")
    source = factories.SourceFactory(
        outlet=outlet, headline=f"Headline {PAYLOAD}", standfirst=PAYLOAD, update_note=PAYLOAD
    )
    factories.ContributorFactory(source=source, name=f"Reporter {PAYLOAD}")
    candidate = factories.CandidateFactory(
        full_name=f"Candidate {PAYLOAD}",
        given_name=PAYLOAD,
        summary=PAYLOAD,
        hometown=PAYLOAD,
        occupation=PAYLOAD,
        staff_location=PAYLOAD,
        campaign_staff_on_ground=3,
    )
    items = [
        candidate,
        factories.QuoteFactory(
            candidate=candidate,
            text=f"Zoom {PAYLOAD}",
            speaker_name=PAYLOAD,
            speaker_role=PAYLOAD,
            interviewer=PAYLOAD,
            said_when_as_reported=PAYLOAD,
            context=PAYLOAD,
        ),
        factories.FactFactory(candidate=candidate, statement=PAYLOAD),
        factories.CareerEntryFactory(
            candidate=candidate, organisation=PAYLOAD, organisation_description=PAYLOAD
        ),
        factories.PlatformPositionFactory(candidate=candidate, topic=PAYLOAD, summary=PAYLOAD),
    ]
    place = factories.JurisdictionFactory(name=f"Place {PAYLOAD}", description=PAYLOAD)
    contest = factories.ContestFactory(
        jurisdiction=place,
        name=f"Contest {PAYLOAD}",
        summary=PAYLOAD,
        held_on_as_reported=PAYLOAD,
        reporting_as_of_as_reported=PAYLOAD,
    )
    result = factories.ResultFactory(contest=contest, candidate=candidate)
    items += [
        contest,
        result,
        factories.ContestFactFactory(contest=contest, statement=PAYLOAD),
        factories.RaceCallFactory(
            contest=contest,
            winner=candidate,
            called_by=PAYLOAD,
            basis_note=PAYLOAD,
            called_at_as_reported=PAYLOAD,
            confirmed_at="2024-03-06T00:00Z",
        ),
    ]
    for item in items:
        factories.CitationFactory(content_object=item, source=source, pinpoint=PAYLOAD)
    return candidate, items[1], items[2], contest, place, source


def test_payloads_are_escaped_on_every_page_and_survive_in_json_ld(client):
    candidate, quote, fact, contest, place, source = _world_of_payloads()
    pages = {
        "/": None,
        "/candidates/": None,
        candidate.get_absolute_url(): "name",
        quote.get_absolute_url(): "text",
        fact.get_absolute_url(): None,
        contest.get_absolute_url(): "name",
        place.get_absolute_url(): None,
        source.get_absolute_url(): "name",
        "/sources/": None,
        "/contests/": None,
        "/search/?q=zoom": None,
    }
    for path, field in pages.items():
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 200, path
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html, path
        if field:
            assert PAYLOAD in json_ld(response)[field], path
