"""Every editable model's admin change form carries the version it shows and refuses a save
from an older one, naming who saved in between."""

import pytest
from django.contrib import admin

from newsroom.editorial.publishing import Status, is_public
from newsroom.models import Citation, ExternalIdentifier
from tests.support import factories
from tests.support.editors import form_errors, open_change_form, save

pytestmark = pytest.mark.django_db

VERSIONED = [model for model in admin.site._registry if hasattr(model, "version")]

BUILDERS = {
    Citation: lambda: factories.CitationFactory(
        content_object=factories.QuoteFactory(status=Status.DRAFT)
    ),
    ExternalIdentifier: lambda: factories.ExternalIdentifierFactory(
        content_object=factories.CandidateFactory(status=Status.DRAFT)
    ),
}

#: The field both change and their values, where the form's first plain text field won't do.
EDITS = {
    "results.Result": ("votes", "11", "12"),
    "newsroom.ExternalIdentifier": ("value", "Q4242", "Q4343"),
    "results.Snapshot": ("reporting_percent", "75.00", "80.00"),
}


def build(model):
    if model in BUILDERS:
        return BUILDERS[model]()
    factory = getattr(factories, f"{model.__name__}Factory")
    if any(field.name == "status" for field in model._meta.fields):
        return factory(status=Status.DRAFT)
    return factory()


def edit_for(model, data):
    """A field both editors change through the form: (name, Alice's value, Bob's value)."""
    if model._meta.label in EDITS:
        return EDITS[model._meta.label]
    for field in model._meta.concrete_fields:
        if (
            field.get_internal_type() in {"CharField", "TextField"}
            and not field.choices
            and not field.unique
            and field.name in data
        ):
            return (
                field.name,
                f"{data[field.name]} Alice".strip(),
                f"{data[field.name]} Bob".strip(),
            )
    raise LookupError(f"No plain text field to edit on {model._meta.label}")


@pytest.mark.parametrize("model", VERSIONED, ids=lambda model: model._meta.label)
def test_change_form_refuses_a_save_from_an_older_version(alice, bob, model):
    item = build(model)
    _, alice_data = open_change_form(alice, item)
    page, bob_data = open_change_form(bob, item)
    assert 'name="edit_version"' in page.text
    name, alice_value, bob_value = edit_for(model, alice_data)

    alice_data |= {name: alice_value, **change_note(item)}
    response = save(alice, item, alice_data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    bob_data |= {name: bob_value, **change_note(item)}
    response = save(bob, item, bob_data)

    assert response.status_code == 200
    [message] = form_errors(response)
    if hasattr(model, "history"):
        assert "Alice Archer" in message
    else:
        assert "Someone else saved this" in message
    assert response.context["adminform"].form[name].value() == bob_value
    item.refresh_from_db()
    assert str(getattr(item, name)) == alice_value


def change_note(item) -> dict:
    note = {"change_source": "https://example.org/note"}
    if is_public(item):
        note |= {"correction_kind": "correction", "correction_note": "Corrected."}
    return note
