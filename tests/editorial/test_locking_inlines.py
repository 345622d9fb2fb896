"""No lost edits in inline rows: two editors entering results on the same contest page.

Each row carries its own version. A row is checked only when the form changes or deletes
it, so two editors changing different rows both succeed; the same row changed twice refuses
the second save, naming the first editor and the numbers they entered.
"""

import pytest

from newsroom.editorial.publishing import Status
from results.models import Contest, Result
from tests.support import factories
from tests.support.editors import form_errors, open_change_form, save

pytestmark = pytest.mark.django_db


@pytest.fixture
def contest():
    contest = factories.ContestFactory(status=Status.DRAFT, ballots_cast=91)
    factories.ResultFactory(contest=contest, votes=10, position=1)
    factories.ResultFactory(contest=contest, votes=20, position=2)
    return contest


def rows(contest):
    return list(Result.objects.filter(contest=contest).order_by("position"))


def row_index(data, result):
    """The index of `result`'s row in the page's results formset."""
    for index in range(int(data["results-TOTAL_FORMS"])):
        if data.get(f"results-{index}-id") == str(result.pk):
            return index
    raise LookupError(result)


def test_two_editors_changing_different_rows_both_save(alice, bob, contest):
    first, second = rows(contest)
    _, alice_data = open_change_form(alice, contest)
    _, bob_data = open_change_form(bob, contest)

    alice_data[f"results-{row_index(alice_data, first)}-votes"] = "15"
    assert save(alice, contest, alice_data).status_code == 302
    bob_data[f"results-{row_index(bob_data, second)}-votes"] = "25"
    response = save(bob, contest, bob_data)

    assert response.status_code == 302, form_errors(response)
    assert [result.votes for result in rows(contest)] == [15, 25]


def test_second_change_to_the_same_row_is_refused_naming_the_first_editor(alice, bob, contest):
    first, _ = rows(contest)
    _, alice_data = open_change_form(alice, contest)
    _, bob_data = open_change_form(bob, contest)

    alice_data[f"results-{row_index(alice_data, first)}-votes"] = "15"
    save(alice, contest, alice_data)
    bob_data[f"results-{row_index(bob_data, first)}-votes"] = "12"
    response = save(bob, contest, bob_data)

    assert response.status_code == 200
    [message] = form_errors(response)
    assert "Alice Archer" in message
    assert "votes: 10 → 15" in message
    assert [result.votes for result in rows(contest)] == [15, 20]


def test_refused_row_change_writes_none_of_the_other_rows(alice, bob, contest):
    first, second = rows(contest)
    _, alice_data = open_change_form(alice, contest)
    _, bob_data = open_change_form(bob, contest)
    alice_data[f"results-{row_index(alice_data, first)}-votes"] = "15"
    save(alice, contest, alice_data)

    bob_data[f"results-{row_index(bob_data, first)}-votes"] = "12"
    bob_data[f"results-{row_index(bob_data, second)}-votes"] = "30"
    bob_data["summary"] = "Bob's summary"
    response = save(bob, contest, bob_data)

    assert response.status_code == 200
    assert [result.votes for result in rows(contest)] == [15, 20]
    assert Contest.objects.get(pk=contest.pk).summary == ""
    formset = response.context["inline_admin_formsets"][0].formset
    assert sorted(form["votes"].value() for form in formset.forms) == ["12", "30"]


def test_deleting_a_row_someone_changed_since_is_refused(alice, bob, contest):
    first, _ = rows(contest)
    _, alice_data = open_change_form(alice, contest)
    _, bob_data = open_change_form(bob, contest)
    alice_data[f"results-{row_index(alice_data, first)}-votes"] = "15"
    save(alice, contest, alice_data)

    bob_data[f"results-{row_index(bob_data, first)}-DELETE"] = "on"
    response = save(bob, contest, bob_data)

    assert response.status_code == 200
    assert "Alice Archer" in form_errors(response)[0]
    assert Result.objects.filter(pk=first.pk, votes=15).exists()


def test_row_change_is_kept_beside_someone_elses_change_to_the_contest(alice, bob, contest):
    """Bob changed only a result row: Alice's new ballot count stays, Bob's row is saved
    (and checked against her count)."""
    first, _ = rows(contest)
    _, alice_data = open_change_form(alice, contest)
    _, bob_data = open_change_form(bob, contest)
    alice_data["ballots_cast"] = "95"
    save(alice, contest, alice_data)

    bob_data[f"results-{row_index(bob_data, first)}-votes"] = "12"
    response = save(bob, contest, bob_data)

    assert response.status_code == 302, form_errors(response)
    assert [result.votes for result in rows(contest)] == [12, 20]
    assert Contest.objects.get(pk=contest.pk).ballots_cast == 95


def test_row_change_is_checked_against_the_ballots_someone_else_lowered(alice, bob, contest):
    first, _ = rows(contest)
    _, alice_data = open_change_form(alice, contest)
    _, bob_data = open_change_form(bob, contest)
    alice_data["ballots_cast"] = "40"
    save(alice, contest, alice_data)

    bob_data[f"results-{row_index(bob_data, first)}-votes"] = "30"
    response = save(bob, contest, bob_data)

    assert response.status_code == 200
    assert [result.votes for result in rows(contest)] == [10, 20]
    assert Contest.objects.get(pk=contest.pk).ballots_cast == 40


def test_contest_change_is_refused_when_someone_else_changed_the_contest(alice, bob, contest):
    _, alice_data = open_change_form(alice, contest)
    _, bob_data = open_change_form(bob, contest)
    alice_data["ballots_cast"] = "95"
    save(alice, contest, alice_data)

    bob_data["summary"] = "Bob's summary"
    response = save(bob, contest, bob_data)

    assert response.status_code == 200
    assert "ballots cast: 91 → 95" in form_errors(response)[0]
    assert Contest.objects.get(pk=contest.pk).summary == ""


def test_contest_save_after_a_row_conflict_keeps_delegates_at_stake(alice, bob, contest):
    """The contest page lifts the delegate stake while it writes rows: a refused save must
    leave it as it was."""
    first, _ = rows(contest)
    _, alice_data = open_change_form(alice, contest)
    _, bob_data = open_change_form(bob, contest)
    alice_data[f"results-{row_index(alice_data, first)}-votes"] = "15"
    save(alice, contest, alice_data)

    bob_data[f"results-{row_index(bob_data, first)}-votes"] = "12"
    save(bob, contest, bob_data)

    assert Contest.objects.get(pk=contest.pk).delegates_at_stake == 6


def test_published_contest_rows_changed_by_two_editors_both_save_with_their_notes(alice, bob):
    contest = factories.ContestFactory(ballots_cast=91)
    first = factories.ResultFactory(contest=contest, votes=10, position=1)
    second = factories.ResultFactory(contest=contest, votes=20, position=2)
    _, alice_data = open_change_form(alice, contest)
    _, bob_data = open_change_form(bob, contest)
    note = {
        "change_source": "https://example.org/count",
        "correction_kind": "update",
        "correction_note": "Updated count.",
    }

    alice_data |= {f"results-{row_index(alice_data, first)}-votes": "15", **note}
    assert save(alice, contest, alice_data).status_code == 302
    bob_data |= {f"results-{row_index(bob_data, second)}-votes": "25", **note}
    response = save(bob, contest, bob_data)

    assert response.status_code == 302, form_errors(response)
    assert [result.votes for result in rows(contest)] == [15, 25]


def test_change_to_a_row_someone_deleted_meanwhile_is_refused_naming_them(alice, bob, contest):
    first, _ = rows(contest)
    _, alice_data = open_change_form(alice, contest)
    _, bob_data = open_change_form(bob, contest)
    alice_data[f"results-{row_index(alice_data, first)}-DELETE"] = "on"
    assert save(alice, contest, alice_data).status_code == 302

    bob_data[f"results-{row_index(bob_data, first)}-votes"] = "12"
    response = save(bob, contest, bob_data)

    assert response.status_code == 200
    assert any(
        "row on this page is gone: Alice Archer deleted" in message
        for message in form_errors(response)
    )
    assert [result.votes for result in rows(contest)] == [20]
