"""Editor text is escaped on every page, the JSON-LD included."""

import pytest

from tests.support.reader import json_ld
from tests.support.world import build_world

pytestmark = pytest.mark.django_db

PAYLOAD = "</script><script>alert('x')</script>\"><img src=x onerror=alert(1)>&"


def _world_of_payloads():
    """The canonical example world with the payload in the text fields readers see."""
    world = build_world(
        outlet={"name": f"Outlet {PAYLOAD}"},
        source={"headline": f"Headline {PAYLOAD}", "standfirst": PAYLOAD, "update_note": PAYLOAD},
        contributor={"name": f"Reporter {PAYLOAD}"},
        candidate={
            "full_name": f"Candidate {PAYLOAD}",
            "given_name": PAYLOAD,
            "summary": PAYLOAD,
            "hometown": PAYLOAD,
            "occupation": PAYLOAD,
            "staff_location": PAYLOAD,
            "campaign_staff_on_ground": 3,
        },
        quote={
            "text": f"Zoom {PAYLOAD}",
            "speaker_name": PAYLOAD,
            "speaker_role": PAYLOAD,
            "interviewer": PAYLOAD,
            "said_when_as_reported": PAYLOAD,
            "context": PAYLOAD,
        },
        fact={"statement": PAYLOAD},
        career={"organisation": PAYLOAD, "organisation_description": PAYLOAD},
        platform={"topic": PAYLOAD, "summary": PAYLOAD},
        place={"name": f"Place {PAYLOAD}", "description": PAYLOAD},
        contest={
            "name": f"Contest {PAYLOAD}",
            "summary": PAYLOAD,
            "held_on_as_reported": PAYLOAD,
            "reporting_as_of_as_reported": PAYLOAD,
        },
        contest_fact={"statement": PAYLOAD},
        race_call={"called_by": PAYLOAD, "basis_note": PAYLOAD, "called_at_as_reported": PAYLOAD},
        citation={"pinpoint": PAYLOAD},
    )
    return world.candidate, world.quote, world.fact, world.contest, world.place, world.source


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
