"""A race call is entered, confirmed by a second person, then perhaps retracted; every door
(the admin form, its list actions, the contest's inline, the shell) obeys the same rules.

The seed's call (Palmer wins the 2024 American Samoa Democratic caucuses) is confirmed and
public: entered by the seed's results desk, confirmed by its editor, citing two articles.
"""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from candidates.models import Candidate
from results.models import Contest, RaceCall
from tests.support import factories
from tests.support.admin_forms import CHANGE_NOTE, admin_url, inline_formset, page_data
from tests.support.editors import messages_of, run_action
from tests.support.reader import visible_text

pytestmark = pytest.mark.django_db

CAUCUS = "2024-american-samoa-democratic-caucuses"
CAUCUS_PAGE = f"/contests/{CAUCUS}/"
REFUSED = "its winner, contest, basis, caller and time cannot change"


@pytest.fixture
def seed_call(seed_newsroom):
    return RaceCall.objects.get(contest__slug=CAUCUS)


def biden():
    return Candidate.objects.get(slug="joe-biden")


def change_url(call):
    return admin_url(RaceCall, "change", call.pk)


def retract(client, call, note="The party withdrew its count."):
    return run_action(
        client, RaceCall, "retract_race_calls", [call], retract="Retract", retraction_note=note
    )


def test_seed_call_is_entered_by_one_person_confirmed_by_another_and_cited(seed_call):
    assert seed_call.state == RaceCall.State.CONFIRMED
    assert seed_call.entered_by.username == "seed-results-desk"
    assert seed_call.confirmed_by.username == "seed-editor"
    assert seed_call.citations.published().count() == 2


def test_seed_confirms_again_a_call_its_migration_left_unconfirmed(seed_call):
    # Migration 0006 leaves a call nobody was recorded confirming (the old seed's) pending.
    RaceCall.objects.filter(pk=seed_call.pk).update(
        entered_by=None, confirmed_by=None, confirmed_at=None
    )

    call_command("seed_newsroom", verbosity=0)

    seed_call.refresh_from_db()
    assert seed_call.state == RaceCall.State.CONFIRMED
    assert (seed_call.entered_by.username, seed_call.confirmed_by.username) == (
        "seed-results-desk",
        "seed-editor",
    )


def test_confirmed_call_shows_its_content_read_only_in_the_admin(seed_call, clerk):
    page = clerk.get(change_url(seed_call))

    assert page.status_code == 200
    assert {"winner", "contest", "basis", "called_by"}.isdisjoint(page_data(page))


def test_clerk_cannot_change_the_winner_of_a_confirmed_call(seed_call, clerk, client):
    data = page_data(clerk.get(change_url(seed_call))) | CHANGE_NOTE | {"winner": biden().pk}

    response = clerk.post(change_url(seed_call), data)

    assert response.status_code == 200
    assert REFUSED in visible_text(response)
    seed_call.refresh_from_db()
    assert seed_call.winner.slug == "jason-palmer"
    assert "Race call: Jason Palmer declared the winner" in visible_text(client.get(CAUCUS_PAGE))


def test_clerk_cannot_move_a_confirmed_call_to_another_contest(seed_call, clerk, client):
    other = Contest.objects.get(slug="2024-american-samoa-republican-caucuses")
    data = page_data(clerk.get(change_url(seed_call))) | CHANGE_NOTE | {"contest": other.pk}

    response = clerk.post(change_url(seed_call), data)

    assert REFUSED in visible_text(response)
    assert RaceCall.objects.get(pk=seed_call.pk).contest.slug == CAUCUS
    assert "Race call:" not in visible_text(client.get(other.get_absolute_url()))


def test_confirmed_call_in_the_contest_inline_refuses_a_new_winner_at_the_row(seed_call, clerk):
    contest_url = admin_url(Contest, "change", seed_call.contest_id)
    page = clerk.get(contest_url)
    prefix = inline_formset(page, RaceCall).prefix
    data = page_data(page) | CHANGE_NOTE | {f"{prefix}-0-winner": biden().pk}

    response = clerk.post(contest_url, data)

    row = inline_formset(response, RaceCall).forms[0]
    assert "This call is confirmed" in row.errors["winner"][0]
    assert RaceCall.objects.get(pk=seed_call.pk).winner.slug == "jason-palmer"


def test_changing_a_confirmed_call_in_the_shell_is_refused(seed_call):
    seed_call.winner = biden()

    with pytest.raises(ValidationError) as refusal:
        seed_call.save()

    assert "retract it and enter a new call" in refusal.value.message_dict["winner"][0]
    assert RaceCall.objects.get(pk=seed_call.pk).winner.slug == "jason-palmer"


def test_editor_who_changed_a_pending_calls_winner_cannot_confirm_it(seed_newsroom, clerk, editor):
    contest = Contest.objects.get(slug=CAUCUS)
    call = factories.RaceCallFactory(
        contest=contest, winner=Candidate.objects.get(slug="jason-palmer"), entered_by=clerk.user
    )
    data = page_data(editor.get(change_url(call))) | {"winner": biden().pk}
    assert editor.post(change_url(call), data).status_code == 302

    response = run_action(editor, RaceCall, "confirm_race_calls", [call])

    assert any("confirmed by a second person" in message for message in messages_of(response))
    call.refresh_from_db()
    assert (call.entered_by, call.state) == (editor.user, RaceCall.State.ENTERED)


def test_call_naming_a_candidate_without_a_result_is_refused_at_the_winner_field(
    seed_newsroom, clerk
):
    stranger = factories.CandidateFactory(full_name="Pat Example")
    data = page_data(clerk.get(admin_url(RaceCall, "add"))) | {
        "contest": Contest.objects.get(slug=CAUCUS).pk,
        "winner": stranger.pk,
        "called_by": "Party chair",
        "basis": RaceCall.Basis.PARTY_CONFIRMATION,
    }

    response = clerk.post(admin_url(RaceCall, "add"), data)

    assert "Pat Example has no result in" in response.context["adminform"].form.errors["winner"][0]
    assert not RaceCall.objects.filter(winner=stranger).exists()


def test_confirming_a_call_that_cites_no_source_is_refused(seed_newsroom, clerk, editor):
    call = factories.RaceCallFactory(cited=False, entered_by=clerk.user)

    response = run_action(editor, RaceCall, "confirm_race_calls", [call])

    assert any("cites no source" in message for message in messages_of(response))
    assert not RaceCall.objects.published().filter(pk=call.pk).exists()


def test_retracted_call_stays_on_the_contest_page_with_its_note(seed_call, editor, client):
    retract(editor, seed_call)

    text = visible_text(client.get(CAUCUS_PAGE))

    assert "Retracted on" in text
    assert "The party withdrew its count." in text
    assert "The retracted call read: Race call: Jason Palmer declared the winner" in text


def test_retracted_public_call_is_listed_in_corrections_as_a_retraction(seed_call, editor, client):
    retract(editor, seed_call)

    text = visible_text(client.get("/corrections/"))

    assert "Retraction" in text
    assert "The party withdrew its count." in text
    assert "Race call: Jason Palmer declared the winner by Local Democratic Party chair" in text


def test_retracting_a_call_never_public_records_no_correction(seed_newsroom, clerk, editor, client):
    call = factories.RaceCallFactory(entered_by=clerk.user)

    retract(editor, call, note="Entered by mistake.")

    assert RaceCall.objects.get(pk=call.pk).state == RaceCall.State.RETRACTED
    assert "Entered by mistake." not in visible_text(client.get("/corrections/"))


def test_api_lists_a_retracted_call_with_its_note(seed_call, editor, client):
    retract(editor, seed_call)

    contest = client.get(f"/api/v1/contests/{CAUCUS}/").json()

    [call] = contest["race_calls"]
    assert call["retraction_note"] == "The party withdrew its count."
    assert call["retracted_at"] is not None


def test_retracted_call_page_is_view_only_and_refuses_a_save(seed_call, editor):
    retract(editor, seed_call)
    page = editor.get(change_url(seed_call))
    assert page.context["has_change_permission"] is False

    response = editor.post(change_url(seed_call), page_data(page) | CHANGE_NOTE)

    assert response.status_code == 403


def test_editing_a_retracted_call_in_the_shell_is_refused(seed_call, editor):
    retract(editor, seed_call)
    seed_call.refresh_from_db()
    seed_call.retraction_note = "A different reason."

    with pytest.raises(ValidationError, match="stays on record as it was"):
        seed_call.save()


def test_database_refuses_a_call_confirmed_by_the_person_who_entered_it(seed_call):
    with pytest.raises(IntegrityError), transaction.atomic():
        RaceCall.objects.filter(pk=seed_call.pk).update(confirmed_by=seed_call.entered_by)
