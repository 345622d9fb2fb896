"""Every named constraint of the three apps speaks to editors: a violation is a readable
message on the field it is about, never a 500 or Django's "Constraint … is violated"."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone

from candidates.models import Candidate, CareerEntry, Fact, Quote
from newsroom.constraints import (
    DEFAULT_MESSAGE,
    check_constraint_messages,
    error_field,
    project_models,
)
from newsroom.models import (
    Citation,
    Contributor,
    Correction,
    EditingPresence,
    EditorialComment,
    ExternalIdentifier,
    Source,
    Tombstone,
)
from results.models import Contest, ContestFact, RaceCall, Result, Snapshot, SnapshotEntry
from tests.support import factories

pytestmark = pytest.mark.django_db


def on_item(model, **values):
    """An editorial record about a fresh quote."""
    quote = factories.QuoteFactory()
    return model(
        content_type=ContentType.objects.get_for_model(quote), object_id=quote.pk, **values
    )


def twin(model, original, *fields):
    """An unsaved copy of `original` with the same values in `fields`."""
    return model(**{field: getattr(original, field) for field in fields})


def presence_twice(django_user_model):
    user = django_user_model.objects.create_user("presence-twin")
    first = on_item(EditingPresence, user=user)
    first.save()
    return twin(EditingPresence, first, "content_type", "object_id", "user")


def citation_twice():
    quote = factories.QuoteFactory()
    first = factories.CitationFactory(content_object=quote, field_name="text", pinpoint="¶ 2")
    return twin(Citation, first, "content_type", "object_id", "field_name", "source", "pinpoint")


def identifier_twice():
    first = factories.ExternalIdentifierFactory(content_object=factories.CandidateFactory())
    return twin(ExternalIdentifier, first, "content_type", "object_id", "scheme", "value")


def source_with(**values):
    return factories.SourceFactory.build(outlet=factories.OutletFactory(), **values)


def candidate_with(**values):
    return factories.CandidateFactory.build(party=factories.PartyFactory(), **values)


def career_with(**values):
    return factories.CareerEntryFactory.build(candidate=factories.CandidateFactory(), **values)


def contest_with(**values):
    return factories.ContestFactory.build(
        jurisdiction=factories.JurisdictionFactory(), party=factories.PartyFactory(), **values
    )


def call_with(**values):
    return RaceCall(
        contest=factories.ContestFactory(),
        winner=factories.CandidateFactory(),
        called_by="Local party chair",
        basis=RaceCall.Basis.PARTY_CONFIRMATION,
        **values,
    )


def call_confirmed_by_its_enterer():
    person = factories.DeskUserFactory()
    return call_with(entered_by=person, confirmed_by=person, confirmed_at=timezone.now())


def result_with(**values):
    return factories.ResultFactory.build(
        contest=factories.ContestFactory(), candidate=factories.CandidateFactory(), **values
    )


#: Constraint name -> a builder of an instance violating it (given the user model).
VIOLATIONS = {
    "editorial_comment_not_empty": lambda users: on_item(EditorialComment, body=""),
    "presence_one_per_user": presence_twice,
    "correction_note_not_empty": lambda users: on_item(Correction, kind="correction", note=""),
    "tombstone_note_not_empty": lambda users: Tombstone(
        old_path="/quotes/1/", subject="Quote: “Words”", kind="Quote", note=""
    ),
    "source_unique_url": lambda users: source_with(url=factories.SourceFactory().url),
    "source_headline_or_description": lambda users: source_with(
        headline="", untitled_description=""
    ),
    "source_published_on_precision": lambda users: source_with(published_on_precision=""),
    "contributor_unique_per_role": lambda users: twin(
        Contributor, factories.ContributorFactory(), "source", "name", "role"
    ),
    "citation_unique_source_per_field": lambda users: citation_twice(),
    "identifier_one_per_scheme": lambda users: identifier_twice(),
    "identifier_value_format": lambda users: factories.ExternalIdentifierFactory.build(
        content_object=factories.CandidateFactory(), value="Jason Palmer"
    ),
    "candidate_age_plausible": lambda users: candidate_with(
        age=131, age_as_of=datetime.date(2024, 3, 1), age_as_of_precision="day"
    ),
    "candidate_age_has_date": lambda users: candidate_with(age=40),
    "candidate_self_funding_not_negative": lambda users: candidate_with(self_funding_amount=-1),
    "candidate_age_as_of_precision": lambda users: candidate_with(
        age_as_of=datetime.date(2024, 3, 1)
    ),
    "candidate_launch_precision": lambda users: candidate_with(
        campaign_launched_on=datetime.date(2023, 11, 1)
    ),
    "career_started_on_precision": lambda users: career_with(started_on=datetime.date(2001, 1, 1)),
    "career_ended_on_precision": lambda users: career_with(ended_on=datetime.date(2001, 1, 1)),
    "career_ends_after_start": lambda users: career_with(
        started_on=datetime.date(2010, 1, 1),
        started_on_precision="year",
        ended_on=datetime.date(2001, 1, 1),
        ended_on_precision="year",
    ),
    "quote_text_not_empty": lambda users: factories.QuoteFactory.build(
        candidate=factories.CandidateFactory(), text=""
    ),
    "quote_said_on_precision": lambda users: factories.QuoteFactory.build(
        candidate=factories.CandidateFactory(), said_on=datetime.date(2024, 3, 6)
    ),
    "fact_statement_not_empty": lambda users: factories.FactFactory.build(
        candidate=factories.CandidateFactory(), statement=""
    ),
    "fact_occurred_on_precision": lambda users: factories.FactFactory.build(
        candidate=factories.CandidateFactory(), occurred_on=datetime.date(2024, 3, 6)
    ),
    "contest_reporting_percent_range": lambda users: contest_with(
        reporting_percent=Decimal("100.5")
    ),
    "contest_year_plausible": lambda users: contest_with(year=24),
    "contest_held_on_precision": lambda users: contest_with(held_on_precision=""),
    "result_one_per_candidate": lambda users: twin(
        Result, factories.ResultFactory(), "contest", "candidate"
    ),
    "result_votes_not_negative": lambda users: result_with(votes=-1),
    "result_delegates_not_negative": lambda users: result_with(delegates_won=-1),
    "result_share_range": lambda users: result_with(reported_share=Decimal("100.5")),
    "contest_fact_statement_not_empty": lambda users: factories.ContestFactFactory.build(
        contest=factories.ContestFactory(), statement=""
    ),
    "snapshot_reporting_percent_range": lambda users: Snapshot(
        contest=factories.ContestFactory(), reporting_percent=Decimal("150")
    ),
    "snapshot_entry_one_per_candidate": lambda users: twin(
        SnapshotEntry, factories.SnapshotEntryFactory(), "snapshot", "candidate"
    ),
    "racecall_confirmed_by_someone_at_a_time": lambda users: call_with(confirmed_at=timezone.now()),
    "racecall_confirmed_by_a_second_person": lambda users: call_confirmed_by_its_enterer(),
    "racecall_retracted_with_a_note": lambda users: call_with(
        retracted_at=timezone.now(), retracted_by=factories.DeskUserFactory(), retraction_note=""
    ),
    "snapshot_entry_share_range": lambda users: SnapshotEntry(
        snapshot=factories.SnapshotFactory(),
        candidate=factories.CandidateFactory(),
        share=Decimal("150"),
    ),
}

CONSTRAINTS = {
    constraint.name: (model, constraint)
    for model in project_models()
    for constraint in model._meta.constraints
}

#: Models the table is meant to reach; a sanity check that project_models() finds them.
EXPECTED_MODELS = {
    Candidate,
    CareerEntry,
    Citation,
    Contest,
    ContestFact,
    Contributor,
    Correction,
    Tombstone,
    EditingPresence,
    EditorialComment,
    ExternalIdentifier,
    Fact,
    Quote,
    RaceCall,
    Result,
    Snapshot,
    SnapshotEntry,
    Source,
}


def test_every_constraint_of_the_three_apps_has_a_violation_in_the_table():
    assert {model for model, _ in CONSTRAINTS.values()} == EXPECTED_MODELS
    assert set(VIOLATIONS) == set(CONSTRAINTS)


@pytest.mark.parametrize("name", sorted(CONSTRAINTS))
def test_a_violated_constraint_is_its_own_message_on_its_field(name, django_user_model):
    model, constraint = CONSTRAINTS[name]
    instance = VIOLATIONS[name](django_user_model)

    with pytest.raises(ValidationError) as raised:
        instance.validate_constraints()

    field = error_field(model, constraint) or NON_FIELD_ERRORS
    assert raised.value.message_dict == {field: [constraint.get_violation_error_message()]}


@pytest.mark.parametrize("name", sorted(CONSTRAINTS))
def test_full_clean_of_a_violating_instance_gives_only_readable_messages(name, django_user_model):
    instance = VIOLATIONS[name](django_user_model)

    with pytest.raises(ValidationError) as raised:
        instance.full_clean()

    messages = [message for errors in raised.value.message_dict.values() for message in errors]
    assert messages
    assert not [message for message in messages if "Constraint" in message or "%(" in message]


def reporting_range():
    return next(
        constraint
        for constraint in Contest._meta.constraints
        if constraint.name == "contest_reporting_percent_range"
    )


def test_system_check_refuses_a_message_with_a_bare_percent_sign(monkeypatch):
    monkeypatch.setattr(reporting_range(), "violation_error_message", "Reporting % is 0 to 100.")

    assert [error.id for error in check_constraint_messages()] == ["newsroom.E010"]


def test_system_check_refuses_a_constraint_left_with_djangos_message(monkeypatch):
    monkeypatch.setattr(reporting_range(), "violation_error_message", DEFAULT_MESSAGE)

    assert [error.id for error in check_constraint_messages()] == ["newsroom.E010"]
