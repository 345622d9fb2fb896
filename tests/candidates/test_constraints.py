"""The database holds the candidate invariants even when model validation is bypassed."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from tests.support import factories

pytestmark = pytest.mark.django_db


def test_a_quote_without_words_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.QuoteFactory(text="")


def test_an_age_without_the_date_it_was_reported_for_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.CandidateFactory(age=52)


def test_an_age_with_its_date_is_accepted():
    candidate = factories.CandidateFactory(
        age=52, age_as_of=datetime.date(2024, 3, 6), age_as_of_precision="day"
    )

    assert candidate.pk


def test_a_quote_date_without_precision_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.QuoteFactory(said_on=datetime.date(2024, 3, 6))


def test_a_career_entry_ending_before_it_starts_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.CareerEntryFactory(
            started_on=datetime.date(2020, 1, 1),
            started_on_precision="year",
            ended_on=datetime.date(2019, 1, 1),
            ended_on_precision="year",
        )
