"""Issue 14, items 2 and 3, through the doors where they were found: citations added to or
moved onto a published item through the citation admin, content types nobody cites, and
published inline rows deleted from a parent reopened as a draft."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError

from candidates.models import Fact, Quote
from newsroom.editorial.publishing import Status
from newsroom.models import Citation, ExternalIdentifier
from tests.support import factories
from tests.support.admin_forms import admin_url, inline_formset
from tests.support.editors import form_errors, open_change_form, save

pytestmark = pytest.mark.django_db

PASSAGE = "Words nobody reviewed, attributed to the candidate."


@pytest.fixture
def published_quote():
    quote = factories.QuoteFactory(status=Status.PUBLISHED, text="We will carry the county.")
    factories.CitationFactory(content_object=quote)
    return quote


@pytest.fixture
def unreviewed_source():
    return factories.SourceFactory(headline="Unreviewed blog post about the caucus")


def citation_data(item, source, **extra) -> dict:
    return {
        "source": source.pk,
        "content_type": ContentType.objects.get_for_model(item).pk,
        "object_id": item.pk,
        "field_name": "",
        "pinpoint": "",
        "quoted_passage": PASSAGE,
        "note": "",
        "change_comment": "",
        "change_source": "https://news.example.org/post",
        **extra,
    }


def public_views_of(client, quote) -> str:
    """The quote's page, its API resource and its RIS export, as readers get them."""
    return "".join(
        client.get(url).getvalue().decode()
        for url in (
            quote.get_absolute_url(),
            f"/api/v1/quotes/{quote.pk}/",
            f"/cite/quote/{quote.pk}/sources.ris",
        )
    )


# Item 2: unreviewed additions to published items -------------------------------------------


@pytest.mark.parametrize("role", ["reporter", "clerk"])
def test_adding_a_citation_to_a_published_quote_is_refused_at_the_item_field(
    request, client, role, published_quote, unreviewed_source
):
    person = request.getfixturevalue(role)

    response = person.post(
        admin_url(Citation, "add"), citation_data(published_quote, unreviewed_source)
    )

    assert response.status_code == 200
    assert "only editors can change it" in str(response.context["adminform"].form.errors)
    assert not Citation.objects.filter(source=unreviewed_source).exists()
    assert PASSAGE in response.text  # the reporter's input is kept
    readers_see = public_views_of(client, published_quote)
    assert unreviewed_source.headline not in readers_see
    assert PASSAGE not in readers_see


def test_editor_adds_a_citation_to_a_published_quote(
    client, editor, published_quote, unreviewed_source
):
    response = editor.post(
        admin_url(Citation, "add"), citation_data(published_quote, unreviewed_source)
    )

    assert response.status_code == 302
    assert unreviewed_source.headline in public_views_of(client, published_quote)


def test_reporter_cannot_move_a_citation_of_their_draft_onto_a_published_fact(reporter):
    draft = factories.FactFactory(status=Status.DRAFT)
    citation = factories.CitationFactory(content_object=draft)
    published = factories.FactFactory(status=Status.PUBLISHED)
    response, data = open_change_form(reporter, citation)
    data["content_type"] = ContentType.objects.get_for_model(Fact).pk
    data["object_id"] = published.pk

    response = save(reporter, citation, data)

    assert response.status_code == 200
    assert "is published" in str(response.context["adminform"].form.errors["object_id"])
    citation.refresh_from_db()
    assert citation.object_id == draft.pk


def test_reporter_cannot_move_an_identifier_of_their_draft_onto_a_published_candidate(reporter):
    draft = factories.CandidateFactory(status=Status.DRAFT)
    identifier = factories.ExternalIdentifierFactory(content_object=draft)
    published = factories.CandidateFactory(status=Status.PUBLISHED)
    _, data = open_change_form(reporter, identifier)
    data["object_id"] = published.pk

    response = save(reporter, identifier, data)

    assert "is published" in str(response.context["adminform"].form.errors["object_id"])
    identifier.refresh_from_db()
    assert identifier.object_id == draft.pk


def test_citation_form_offers_only_the_kinds_of_item_that_cite_sources(reporter):
    response = reporter.get(admin_url(Citation, "add"))

    offered = {
        content_type.model_class()
        for content_type in response.context["adminform"].form.fields["content_type"].queryset
    }
    assert Quote in offered
    assert get_user_model() not in offered
    assert Session not in offered


def test_citation_form_refuses_a_user_as_the_cited_item(editor, unreviewed_source):
    user = get_user_model().objects.create_user("bystander")

    response = editor.post(admin_url(Citation, "add"), citation_data(user, unreviewed_source))

    assert "content_type" in response.context["adminform"].form.errors
    assert not Citation.objects.filter(source=unreviewed_source).exists()


@pytest.mark.parametrize("model", [Citation, ExternalIdentifier])
def test_model_validation_refuses_attaching_to_a_session(model):
    row = model(
        content_type=ContentType.objects.get_for_model(Session),
        object_id=1,
        **({"source": factories.SourceFactory()} if model is Citation else {"value": "Q1"}),
    )

    with pytest.raises(ValidationError) as refusal:
        row.full_clean()

    assert "content_type" in refusal.value.message_dict


def test_saving_a_citation_of_a_user_from_code_is_refused():
    user = get_user_model().objects.create_user("bystander")

    with pytest.raises(ValidationError):
        Citation.objects.create(
            source=factories.SourceFactory(),
            content_type=ContentType.objects.get_for_model(user),
            object_id=user.pk,
        )

    assert not Citation.objects.exists()


def test_citation_of_an_item_that_does_not_exist_is_refused(editor, unreviewed_source):
    data = citation_data(factories.QuoteFactory(), unreviewed_source, object_id=987654)

    response = editor.post(admin_url(Citation, "add"), data)

    assert "There is no quote with id 987654" in str(response.context["adminform"].form.errors)


# Item 3: deleting published rows through inlines -------------------------------------------


@pytest.mark.parametrize("model", [Quote, Fact])
def test_reporter_cannot_delete_a_published_row_of_a_candidate_reopened_as_draft(reporter, model):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    row = (factories.QuoteFactory if model is Quote else factories.FactFactory)(
        candidate=candidate, status=Status.PUBLISHED
    )
    response, data = open_change_form(reporter, candidate)
    prefix = inline_formset(response, model).prefix
    data[f"{prefix}-0-DELETE"] = "on"

    response = save(reporter, candidate, data)

    assert response.status_code == 200
    assert model.objects.filter(pk=row.pk).exists()
    assert any("only editors can delete it" in error for error in form_errors(response))


def test_reporter_deletes_a_draft_row_of_a_draft_candidate(reporter):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    quote = factories.QuoteFactory(candidate=candidate, status=Status.DRAFT)
    response, data = open_change_form(reporter, candidate)
    data[f"{inline_formset(response, Quote).prefix}-0-DELETE"] = "on"

    response = save(reporter, candidate, data)

    assert response.status_code == 302
    assert not Quote.objects.filter(pk=quote.pk).exists()


def test_editor_deletes_a_published_row_of_a_draft_candidate(editor):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    quote = factories.QuoteFactory(candidate=candidate, status=Status.PUBLISHED)
    response, data = open_change_form(editor, candidate)
    data[f"{inline_formset(response, Quote).prefix}-0-DELETE"] = "on"

    response = save(editor, candidate, data)

    assert response.status_code == 302
    assert not Quote.objects.filter(pk=quote.pk).exists()


def test_reporter_cannot_delete_a_draft_candidate_whose_published_quotes_would_go_with_it(
    reporter,
):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    quote = factories.QuoteFactory(candidate=candidate, status=Status.PUBLISHED)

    response = reporter.post(admin_url(type(candidate), "delete", candidate.pk), {"post": "yes"})

    assert response.status_code == 403
    assert Quote.objects.filter(pk=quote.pk).exists()
