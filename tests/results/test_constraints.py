"""The database holds the results invariants even when model validation is bypassed."""

import pytest
from django.db import IntegrityError, transaction

from results.models import Contest, Result
from tests.support import factories

pytestmark = pytest.mark.django_db


def test_negative_votes_are_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ResultFactory(votes=-1)


def test_a_vote_share_over_100_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ResultFactory(reported_share=100.5)


def test_a_snapshot_share_over_100_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.SnapshotEntryFactory(share=101)


def test_a_second_result_for_the_same_candidate_is_refused():
    result = factories.ResultFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ResultFactory(contest=result.contest, candidate=result.candidate)


def test_inserting_delegates_over_the_stake_is_refused():
    contest = factories.ContestFactory(delegates_at_stake=6)
    factories.ResultFactory(contest=contest, delegates_won=4)

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ResultFactory(contest=contest, delegates_won=3)


def test_updating_delegates_over_the_stake_is_refused():
    contest = factories.ContestFactory(delegates_at_stake=6)
    factories.ResultFactory(contest=contest, delegates_won=3)
    other = factories.ResultFactory(contest=contest, delegates_won=3)

    with pytest.raises(IntegrityError), transaction.atomic():
        Result.objects.filter(pk=other.pk).update(delegates_won=4)


def test_lowering_the_stake_below_the_delegates_won_is_refused():
    contest = factories.ContestFactory(delegates_at_stake=6)
    factories.ResultFactory(contest=contest, delegates_won=3)
    factories.ResultFactory(contest=contest, delegates_won=3)

    with pytest.raises(IntegrityError), transaction.atomic():
        Contest.objects.filter(pk=contest.pk).update(delegates_at_stake=5)


def test_delegates_up_to_the_stake_are_accepted():
    contest = factories.ContestFactory(delegates_at_stake=6)
    factories.ResultFactory(contest=contest, delegates_won=3)
    factories.ResultFactory(contest=contest, delegates_won=3)

    assert Result.objects.filter(contest=contest).count() == 2


def test_a_contest_date_without_precision_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ContestFactory(held_on_precision="")
