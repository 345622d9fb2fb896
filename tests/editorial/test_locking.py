"""No lost edits: two editors open the same item in the admin and both save.

The second save is refused with a message naming the first editor and what they changed;
nothing of it is written, its input stays in the form, and the first edit is intact.
"""

import pytest

from candidates.models import Candidate
from newsroom.editorial.publishing import Status
from tests.support import factories
from tests.support.admin_forms import page_data
from tests.support.editors import form_errors, open_change_form, save

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_candidate():
    return factories.CandidateFactory(
        full_name="Jason Palmer", occupation="Investor", status=Status.DRAFT
    )


def both_open(alice, bob, item):
    _, alice_data = open_change_form(alice, item)
    _, bob_data = open_change_form(bob, item)
    return alice_data, bob_data


def test_second_save_is_refused_naming_the_first_editor_and_their_changes(
    alice, bob, draft_candidate
):
    alice_data, bob_data = both_open(alice, bob, draft_candidate)

    alice_data["occupation"] = "Entrepreneur"
    assert save(alice, draft_candidate, alice_data).status_code == 302
    bob_data["hometown"] = "Baltimore"
    response = save(bob, draft_candidate, bob_data)

    assert response.status_code == 200
    [message] = form_errors(response)
    assert "Alice Archer" in message
    assert "occupation: Investor → Entrepreneur" in message
    assert "your changes were not saved" in message


def test_refused_save_writes_nothing_and_keeps_the_first_edit(alice, bob, draft_candidate):
    alice_data, bob_data = both_open(alice, bob, draft_candidate)
    alice_data["occupation"] = "Entrepreneur"
    save(alice, draft_candidate, alice_data)
    history_rows = draft_candidate.history.count()

    bob_data["hometown"] = "Baltimore"
    save(bob, draft_candidate, bob_data)

    draft_candidate.refresh_from_db()
    assert draft_candidate.occupation == "Entrepreneur"
    assert draft_candidate.hometown == ""
    assert draft_candidate.version == 2
    assert draft_candidate.history.count() == history_rows


def test_refused_save_keeps_the_second_editors_input_in_the_form(alice, bob, draft_candidate):
    alice_data, bob_data = both_open(alice, bob, draft_candidate)
    alice_data["occupation"] = "Entrepreneur"
    save(alice, draft_candidate, alice_data)

    bob_data["hometown"] = "Baltimore"
    bob_data["change_comment"] = "Hometown from the AP profile"
    response = save(bob, draft_candidate, bob_data)

    form = response.context["adminform"].form
    assert form["hometown"].value() == "Baltimore"
    assert form["change_comment"].value() == "Hometown from the AP profile"
    assert 'value="Baltimore"' in response.text


def test_refused_message_shows_the_first_editors_change_comment(alice, bob, draft_candidate):
    alice_data, bob_data = both_open(alice, bob, draft_candidate)
    alice_data["occupation"] = "Entrepreneur"
    alice_data["change_comment"] = "Per his campaign site"
    save(alice, draft_candidate, alice_data)

    bob_data["occupation"] = "Businessman"
    response = save(bob, draft_candidate, bob_data)

    [message] = form_errors(response)
    assert "Per his campaign site" in message


def test_the_first_editor_can_save_again_after_the_conflict(alice, bob, draft_candidate):
    alice_data, bob_data = both_open(alice, bob, draft_candidate)
    alice_data["occupation"] = "Entrepreneur"
    save(alice, draft_candidate, alice_data)
    bob_data["hometown"] = "Baltimore"
    save(bob, draft_candidate, bob_data)

    _, bob_fresh = open_change_form(bob, draft_candidate)
    bob_fresh["hometown"] = "Baltimore"
    response = save(bob, draft_candidate, bob_fresh)

    assert response.status_code == 302
    draft_candidate.refresh_from_db()
    assert (draft_candidate.occupation, draft_candidate.hometown) == ("Entrepreneur", "Baltimore")
    assert draft_candidate.version == 3


def test_resubmitting_the_refused_form_is_refused_again(alice, bob, draft_candidate):
    alice_data, bob_data = both_open(alice, bob, draft_candidate)
    alice_data["occupation"] = "Entrepreneur"
    save(alice, draft_candidate, alice_data)
    bob_data["hometown"] = "Baltimore"
    refused = save(bob, draft_candidate, bob_data)

    response = save(bob, draft_candidate, page_data(refused))

    assert response.status_code == 200
    assert "Alice Archer" in form_errors(response)[0]
    draft_candidate.refresh_from_db()
    assert draft_candidate.occupation == "Entrepreneur"


def test_conflict_on_a_public_item_names_the_editor_and_keeps_the_source(alice, bob):
    candidate = factories.CandidateFactory(occupation="Investor")
    alice_data, bob_data = both_open(alice, bob, candidate)
    alice_data |= {"occupation": "Entrepreneur", "change_source": "https://example.org/a"}
    assert save(alice, candidate, alice_data).status_code == 302

    bob_data |= {"hometown": "Baltimore", "change_source": "https://example.org/b"}
    response = save(bob, candidate, bob_data)

    assert response.status_code == 200
    assert "Alice Archer" in form_errors(response)[0]
    assert response.context["adminform"].form["change_source"].value() == "https://example.org/b"
    candidate.refresh_from_db()
    assert (candidate.occupation, candidate.hometown) == ("Entrepreneur", "")


def test_save_without_edit_version_is_refused(alice, draft_candidate):
    _, data = open_change_form(alice, draft_candidate)
    del data["edit_version"]
    data["occupation"] = "Entrepreneur"

    response = save(alice, draft_candidate, data)

    assert response.status_code == 200
    assert "does not say which version you opened" in form_errors(response)[0]
    draft_candidate.refresh_from_db()
    assert draft_candidate.occupation == "Investor"


def test_save_with_a_made_up_edit_version_is_refused(alice, draft_candidate):
    _, data = open_change_form(alice, draft_candidate)
    data["edit_version"] = "not a number"
    data["occupation"] = "Entrepreneur"

    response = save(alice, draft_candidate, data)

    assert response.status_code == 200
    draft_candidate.refresh_from_db()
    assert draft_candidate.occupation == "Investor"


def test_a_second_save_with_no_change_against_the_current_values_is_accepted(
    alice, bob, draft_candidate
):
    """Bob's form holds exactly what is saved now: saving it cannot overwrite anything."""
    alice_data, bob_data = both_open(alice, bob, draft_candidate)
    alice_data["change_comment"] = "Checked, no change"
    save(alice, draft_candidate, alice_data)

    response = save(bob, draft_candidate, bob_data)

    assert response.status_code == 302
    assert Candidate.objects.get(pk=draft_candidate.pk).version == 3
