"""A race call shows publicly only once a second person with the right role confirms it."""

import pytest
from django.contrib.auth.models import Permission

from results.models import RaceCall
from tests.support.factories import RaceCallFactory


@pytest.fixture
def desk(db, django_user_model):
    permission = Permission.objects.get(codename="confirm_racecall")
    users = {}
    for name in ("caller", "checker"):
        users[name] = django_user_model.objects.create_user(name, is_staff=True)
        users[name].user_permissions.add(permission)
    users["intern"] = django_user_model.objects.create_user("intern", is_staff=True)
    return users


def test_lone_call_waits_for_confirmation_visible_to_staff_only(desk):
    call = RaceCallFactory(entered_by=desk["caller"])

    assert not RaceCall.objects.published().filter(pk=call.pk).exists()
    assert RaceCall.objects.awaiting_confirmation().filter(pk=call.pk).exists()


def test_second_person_confirms_and_the_call_goes_public(desk):
    call = RaceCallFactory(entered_by=desk["caller"])

    call.confirm(by=desk["checker"])

    assert RaceCall.objects.published().get() == call
    assert call.confirmed_by == desk["checker"]


def test_the_caller_cannot_confirm_their_own_call(desk):
    call = RaceCallFactory(entered_by=desk["caller"])

    with pytest.raises(RaceCall.CannotConfirm, match="confirmed by a second person"):
        call.confirm(by=desk["caller"])
    assert not RaceCall.objects.published().exists()


def test_confirming_needs_the_confirm_permission(desk):
    call = RaceCallFactory(entered_by=desk["caller"])

    assert not call.user_can_confirm(desk["intern"])
    with pytest.raises(RaceCall.CannotConfirm, match="“confirm race calls” permission"):
        call.confirm(by=desk["intern"])


def test_retracted_call_leaves_the_public_results_but_stays_on_record(desk):
    call = RaceCallFactory(entered_by=desk["caller"])
    call.confirm(by=desk["checker"])

    call.retract(by=desk["checker"], note="The party withdrew its count.")

    assert not RaceCall.objects.published().exists()
    on_record = RaceCall.objects.on_record().get()
    assert (on_record.retracted_by, on_record.retraction_note) == (
        desk["checker"],
        "The party withdrew its count.",
    )


def test_retraction_needs_a_reason(desk):
    call = RaceCallFactory(entered_by=desk["caller"])

    with pytest.raises(RaceCall.CannotConfirm, match="Say why"):
        call.retract(by=desk["checker"], note=" ")
