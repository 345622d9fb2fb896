"""A publishable model that forgets its editorial policy fails `manage.py check`: a new kind
of sourced fact cannot be published without a source by omission."""

from unittest import mock

import pytest
from django.contrib.contenttypes.fields import GenericRelation
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import models
from django.db.models.signals import class_prepared
from django.test.utils import isolate_apps

from newsroom.editorial import checks
from newsroom.editorial.policy import EditorialPolicy
from newsroom.editorial.publishing import Publishable

# Some of the project's other checks read the database.
pytestmark = pytest.mark.django_db


def new_kind_of_fact(name: str, **attributes):
    """A publishable model defined outside the app registry (and without a history table:
    class_prepared is silenced, so simple-history does not register one)."""
    with isolate_apps(), mock.patch.object(class_prepared, "send"):
        return type(
            name,
            (Publishable,),
            {
                "__module__": __name__,
                "Meta": type("Meta", (), {"app_label": "candidates"}),
                "statement": models.TextField(),
                **attributes,
            },
        )


def check_with(model, monkeypatch) -> str:
    """What `manage.py check` says once `model` is one of the project's models."""
    project_models = checks.project_models
    monkeypatch.setattr(checks, "project_models", lambda: [*project_models(), model])
    with pytest.raises(SystemCheckError) as refused:
        call_command("check")
    return str(refused.value)


def test_the_project_models_declare_every_policy_they_need():
    assert checks.check_editorial_policies() == []


def test_a_publishable_model_without_an_editorial_policy_fails_the_check(monkeypatch):
    endorsement = new_kind_of_fact("Endorsement")

    message = check_with(endorsement, monkeypatch)

    assert "newsroom.E020" in message
    assert "candidates.Endorsement is publishable but declares no editorial policy" in message


def test_a_policy_that_does_not_say_whether_a_source_is_needed_fails_the_check(monkeypatch):
    endorsement = new_kind_of_fact("Endorsement", editorial=EditorialPolicy(corrected=True))

    assert "newsroom.E021" in check_with(endorsement, monkeypatch)


def test_needing_a_citation_without_a_citations_relation_fails_the_check(monkeypatch):
    endorsement = new_kind_of_fact("Endorsement", editorial=EditorialPolicy(needs_citation=True))

    assert "newsroom.E022" in check_with(endorsement, monkeypatch)


def test_a_policy_naming_a_field_the_model_lacks_fails_the_check(monkeypatch):
    endorsement = new_kind_of_fact(
        "Endorsement",
        editorial=EditorialPolicy(needs_citation=False, public_fields=("statment",)),
    )

    assert "'statment' in public_fields, which is not one of its fields" in check_with(
        endorsement, monkeypatch
    )


def test_a_declared_policy_passes_the_check():
    endorsement = new_kind_of_fact(
        "Endorsement",
        citations=GenericRelation("newsroom.Citation"),
        editorial=EditorialPolicy(
            needs_citation=True,
            corrected=True,
            public_fields=("statement",),
            cited_fields=("statement",),
        ),
    )

    assert checks.policy_errors(endorsement) == []


def test_a_cited_model_that_does_not_say_which_fields_need_a_footnote_fails_the_check(
    monkeypatch,
):
    endorsement = new_kind_of_fact(
        "Endorsement",
        citations=GenericRelation("newsroom.Citation"),
        editorial=EditorialPolicy(needs_citation=True, public_fields=("statement",)),
    )

    message = check_with(endorsement, monkeypatch)

    assert "newsroom.E024" in message
    assert "does not say which of its public fields need a footnote" in message


def test_a_cited_field_readers_do_not_see_fails_the_check(monkeypatch):
    endorsement = new_kind_of_fact(
        "Endorsement",
        citations=GenericRelation("newsroom.Citation"),
        editorial=EditorialPolicy(needs_citation=True, cited_fields=("statement",)),
    )

    message = check_with(endorsement, monkeypatch)

    assert "newsroom.E025" in message
