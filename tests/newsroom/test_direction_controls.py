"""Names and titles never keep invisible direction-changing characters (a right-to-left
override would turn the text after it around on the page: a spoof readers cannot see)."""

import pytest

from candidates.models import Candidate, Party
from newsroom.models import Outlet
from tests.support import factories
from tests.support.admin_forms import CHANGE_NOTE, admin_url, page_data

pytestmark = pytest.mark.django_db

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE
PDF = "\u202c"  # POP DIRECTIONAL FORMATTING


def test_a_right_to_left_override_in_a_candidates_name_is_removed_in_the_admin(
    admin_client_logged_in, client
):
    candidate = factories.CandidateFactory()
    url = admin_url(Candidate, "change", candidate.pk)
    data = page_data(admin_client_logged_in.get(url)) | CHANGE_NOTE
    data["full_name"] = f"Jason {RLO}remlaP{PDF}"

    response = admin_client_logged_in.post(url, data)

    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.full_name == "Jason remlaP"
    assert RLO not in client.get(candidate.get_absolute_url()).text


def test_direction_controls_are_removed_from_a_row_saved_in_the_shell():
    party = Party.objects.create(
        name=f"Green{RLO} Party\u2066", adjective="Green\u200f", slug="green"
    )

    party.refresh_from_db()
    assert (party.name, party.adjective) == ("Green Party", "Green")


def test_a_name_differing_only_by_an_invisible_mark_is_a_duplicate_not_a_500(
    admin_client_logged_in,
):
    factories.OutletFactory(name="Fox News", slug="fox-news")
    data = page_data(admin_client_logged_in.get(admin_url(Outlet, "add")))
    data |= {"name": "Fox News\u200f", "slug": "fox-news-2", "status": "draft"}

    response = admin_client_logged_in.post(admin_url(Outlet, "add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["name"] == [
        "Outlet with this Name already exists."
    ]


def test_long_verbatim_texts_keep_their_marks():
    quote = factories.QuoteFactory(text="\u200fمرحبا\u200f hello")

    quote.refresh_from_db()
    assert quote.text == "\u200fمرحبا\u200f hello"
