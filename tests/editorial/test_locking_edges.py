"""Edges of the no-lost-edits rule: the model's own save-time guard when the form's check is
bypassed or loses a race, deleting an item someone changed, and "Save as new"."""

import pytest

from candidates.models import Candidate
from newsroom.editorial.admin import locking as editorial_forms
from newsroom.editorial.locking import ConcurrentEditError
from newsroom.editorial.publishing import Status
from tests.support import factories
from tests.support.admin_forms import admin_url
from tests.support.editors import form_errors, open_change_form, save

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate():
    return factories.CandidateFactory(
        full_name="Jason Palmer", occupation="Investor", status=Status.DRAFT
    )


def test_model_refuses_a_save_from_an_older_copy_and_writes_nothing(candidate):
    first = Candidate.objects.get(pk=candidate.pk)
    second = Candidate.objects.get(pk=candidate.pk)
    first.occupation = "Entrepreneur"
    first.save()
    history_rows = candidate.history.count()

    second.hometown = "Baltimore"
    with pytest.raises(ConcurrentEditError):
        second.save()

    candidate.refresh_from_db()
    assert (candidate.occupation, candidate.hometown, candidate.version) == (
        "Entrepreneur",
        "",
        2,
    )
    assert candidate.history.count() == history_rows
    assert second.version == 1


def test_model_refuses_an_older_copy_saving_only_some_fields(candidate):
    stale = Candidate.objects.get(pk=candidate.pk)
    Candidate.objects.get(pk=candidate.pk).save()

    stale.hometown = "Baltimore"
    with pytest.raises(ConcurrentEditError):
        stale.save(update_fields=["hometown"])

    assert Candidate.objects.get(pk=candidate.pk).hometown == ""


def test_admin_save_refused_by_the_model_when_the_form_check_is_bypassed(
    alice, bob, candidate, monkeypatch
):
    """Without the form's check the model's conditional update still refuses the save."""
    _, alice_data = open_change_form(alice, candidate)
    _, bob_data = open_change_form(bob, candidate)
    alice_data["occupation"] = "Entrepreneur"
    save(alice, candidate, alice_data)

    def no_check(form, loaded):
        form.instance.version = loaded

    monkeypatch.setattr(editorial_forms.VersionedModelForm, "check_version", no_check)
    bob_data["hometown"] = "Baltimore"
    response = save(bob, candidate, bob_data, follow=True)

    assert response.redirect_chain[0][1] == 302
    messages = [str(message) for message in response.context["messages"]]
    assert any("was changed by someone else" in message for message in messages)
    candidate.refresh_from_db()
    assert (candidate.occupation, candidate.hometown) == ("Entrepreneur", "")


def test_save_that_loses_the_race_is_shown_again_with_the_conflict_and_the_input(
    alice, bob, candidate, monkeypatch
):
    """Alice's save lands between the check of Bob's form and the write of it."""
    _, alice_data = open_change_form(alice, candidate)
    _, bob_data = open_change_form(bob, candidate)
    alice_data["occupation"] = "Entrepreneur"
    save(alice, candidate, alice_data)
    real_check = editorial_forms.VersionedModelForm.check_version
    calls = []

    def check_that_misses_the_first_time(form, loaded):
        calls.append(loaded)
        if len(calls) == 1:
            form.instance.version = loaded
            return
        real_check(form, loaded)

    monkeypatch.setattr(
        editorial_forms.VersionedModelForm, "check_version", check_that_misses_the_first_time
    )
    bob_data["hometown"] = "Baltimore"
    response = save(bob, candidate, bob_data)

    assert response.status_code == 200
    assert "Alice Archer" in form_errors(response)[0]
    assert response.context["adminform"].form["hometown"].value() == "Baltimore"
    candidate.refresh_from_db()
    assert (candidate.occupation, candidate.hometown) == ("Entrepreneur", "")


def test_delete_confirmed_on_a_page_older_than_the_last_save_is_refused(alice, bob, candidate):
    confirmation = bob.get(admin_url(Candidate, "delete", candidate.pk))
    assert 'name="edit_version" value="1"' in confirmation.text
    _, alice_data = open_change_form(alice, candidate)
    alice_data["occupation"] = "Entrepreneur"
    save(alice, candidate, alice_data)

    response = bob.post(
        admin_url(Candidate, "delete", candidate.pk),
        {"post": "yes", "edit_version": "1"},
        follow=True,
    )

    assert Candidate.objects.filter(pk=candidate.pk).exists()
    messages = [str(message) for message in response.context["messages"]]
    assert any(
        "was not deleted" in message
        and "Alice Archer" in message
        and "occupation: Investor → Entrepreneur" in message
        for message in messages
    )


def test_delete_confirmed_on_the_current_version_goes_ahead(bob, candidate):
    response = bob.post(
        admin_url(Candidate, "delete", candidate.pk), {"post": "yes", "edit_version": "1"}
    )

    assert response.status_code == 302
    assert not Candidate.objects.filter(pk=candidate.pk).exists()


def test_save_of_an_item_deleted_meanwhile_writes_nothing(alice, bob, candidate):
    _, bob_data = open_change_form(bob, candidate)
    alice.post(admin_url(Candidate, "delete", candidate.pk), {"post": "yes"})

    bob_data["hometown"] = "Baltimore"
    response = save(bob, candidate, bob_data)

    assert response.status_code == 302
    assert not Candidate.objects.filter(pk=candidate.pk).exists()


def test_save_as_new_from_an_older_version_makes_a_copy_and_leaves_the_original(
    alice, bob, candidate
):
    _, alice_data = open_change_form(alice, candidate)
    _, bob_data = open_change_form(bob, candidate)
    alice_data["occupation"] = "Entrepreneur"
    save(alice, candidate, alice_data)

    bob_data |= {"_saveasnew": "Save as new", "slug": "jason-palmer-copy", "hometown": "Baltimore"}
    response = save(bob, candidate, bob_data)

    assert response.status_code == 302, form_errors(response)
    copy = Candidate.objects.get(slug="jason-palmer-copy")
    assert (copy.occupation, copy.hometown, copy.version) == ("Investor", "Baltimore", 1)
    candidate.refresh_from_db()
    assert (candidate.occupation, candidate.hometown, candidate.version) == (
        "Entrepreneur",
        "",
        2,
    )


@pytest.mark.parametrize("shown", ["²", "9" * 5000])
def test_delete_confirmed_with_an_odd_version_number_is_refused_not_a_crash(bob, candidate, shown):
    response = bob.post(
        admin_url(Candidate, "delete", candidate.pk), {"post": "yes", "edit_version": shown}
    )

    assert response.status_code == 302
    assert Candidate.objects.filter(pk=candidate.pk).exists()
