"""The candidate's change form at newsroom scale: past INLINE_ROW_LIMIT rows of a kind, the
kind is edited in its own list (a link filtered to the candidate, and one to add a row with
the candidate filled in) instead of inline; the form costs the same queries with 5 quotes
or 60, saves with the inline hidden, and groups the candidate's fields in fieldsets."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from candidates.admin import CandidateAdmin
from candidates.models import Candidate, Fact, Quote
from newsroom.editorial.admin import INLINE_ROW_LIMIT
from tests.support import factories
from tests.support.admin_forms import admin_url, inline_formset, page_data
from tests.support.editors import form_errors

pytestmark = pytest.mark.django_db


def candidate_with(quotes: int, **kwargs) -> Candidate:
    candidate = factories.CandidateFactory(**kwargs)
    for _ in range(quotes):
        factories.QuoteFactory(candidate=candidate)
    factories.FactFactory(candidate=candidate)
    factories.CareerEntryFactory(candidate=candidate)
    factories.PlatformPositionFactory(candidate=candidate)
    return candidate


def change_form(client, candidate):
    response = client.get(admin_url(Candidate, "change", candidate.pk))
    assert response.status_code == 200
    return response


def inline_models(response) -> set:
    return {inline.formset.model for inline in response.context["inline_admin_formsets"]}


def links(response) -> list[str]:
    return [unescape(href) for href in re.findall(r'href="([^"]+)"', response.text)]


def test_up_to_the_limit_the_quotes_are_inline(admin_client_logged_in):
    candidate = candidate_with(INLINE_ROW_LIMIT)

    response = change_form(admin_client_logged_in, candidate)

    assert len(inline_formset(response, Quote).forms) == INLINE_ROW_LIMIT
    assert response.context["listed_elsewhere"] == []
    assert "edit them in their own list" not in response.text


def test_past_the_limit_the_form_links_to_the_quotes_list_filtered_to_the_candidate(
    admin_client_logged_in,
):
    candidate = candidate_with(INLINE_ROW_LIMIT + 5)
    other = candidate_with(3)

    response = change_form(admin_client_logged_in, candidate)

    assert Quote not in inline_models(response)
    # The kinds with few rows stay inline.
    assert Fact in inline_models(response)
    assert "25 quotes" in response.text
    assert "edit them in their own list" in response.text
    listed = f"{admin_url(Quote, 'changelist')}?candidate__id__exact={candidate.pk}"
    assert listed in links(response)
    changelist = admin_client_logged_in.get(listed)
    assert changelist.status_code == 200
    shown = list(changelist.context["cl"].queryset)
    assert len(shown) == 25
    assert {quote.candidate_id for quote in shown} == {candidate.pk}
    assert other.pk not in {quote.candidate_id for quote in shown}


def test_the_add_link_fills_in_the_candidate(admin_client_logged_in):
    candidate = candidate_with(INLINE_ROW_LIMIT + 1)

    response = change_form(admin_client_logged_in, candidate)

    add = f"{admin_url(Quote, 'add')}?candidate={candidate.pk}"
    assert add in links(response)
    add_page = admin_client_logged_in.get(add)
    assert add_page.context["adminform"].form["candidate"].value() == str(candidate.pk)


def test_saving_the_form_with_the_quotes_hidden_keeps_every_quote(admin_client_logged_in):
    candidate = candidate_with(60, status="draft")
    before = {quote.pk: (quote.text, quote.version) for quote in candidate.quotes.all()}
    data = page_data(change_form(admin_client_logged_in, candidate))
    assert not any(name.startswith("quotes-") for name in data)

    response = admin_client_logged_in.post(
        admin_url(Candidate, "change", candidate.pk), data | {"hometown": "Baltimore"}
    )

    assert response.status_code == 302, form_errors(response)
    candidate.refresh_from_db()
    assert candidate.hometown == "Baltimore"
    after = {quote.pk: (quote.text, quote.version) for quote in candidate.quotes.all()}
    assert after == before


def test_an_invalid_save_with_the_quotes_hidden_shows_the_link_again(admin_client_logged_in):
    candidate = candidate_with(INLINE_ROW_LIMIT + 1, status="draft")
    data = page_data(change_form(admin_client_logged_in, candidate))

    response = admin_client_logged_in.post(
        admin_url(Candidate, "change", candidate.pk), data | {"age": "52"}
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["age_as_of"]
    assert "21 quotes" in response.text
    assert Quote not in inline_models(response)


def test_a_page_that_showed_the_quotes_saves_them_though_more_came_meanwhile(
    admin_client_logged_in,
):
    candidate = candidate_with(INLINE_ROW_LIMIT, status="draft")
    response = change_form(admin_client_logged_in, candidate)
    data = page_data(response)
    prefix = inline_formset(response, Quote).prefix
    first = inline_formset(response, Quote).forms[0].instance
    factories.QuoteFactory(candidate=candidate)  # 21 now: the next page will not show them

    response = admin_client_logged_in.post(
        admin_url(Candidate, "change", candidate.pk),
        data | {f"{prefix}-0-text": "We will win every precinct."},
    )

    assert response.status_code == 302, form_errors(response)
    first.refresh_from_db()
    assert first.text == "We will win every precinct."
    assert candidate.quotes.count() == INLINE_ROW_LIMIT + 1


def test_a_page_that_hid_the_quotes_saves_though_some_were_deleted_meanwhile(
    admin_client_logged_in,
):
    candidate = candidate_with(INLINE_ROW_LIMIT + 1, status="draft")
    data = page_data(change_form(admin_client_logged_in, candidate))
    candidate.quotes.first().delete()  # 20 now: the next page would show them inline

    response = admin_client_logged_in.post(
        admin_url(Candidate, "change", candidate.pk), data | {"occupation": "Entrepreneur"}
    )

    assert response.status_code == 302, form_errors(response)
    candidate.refresh_from_db()
    assert candidate.occupation == "Entrepreneur"
    assert candidate.quotes.count() == INLINE_ROW_LIMIT


def measure(client, candidate) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = change_form(client, candidate)
    return len(captured), len(response.content)


def test_the_change_form_costs_the_same_queries_with_5_quotes_or_60(admin_client_logged_in):
    few, many = candidate_with(5), candidate_with(60)
    # The first opening of each fills the caches and records the editor's presence.
    change_form(admin_client_logged_in, few)
    change_form(admin_client_logged_in, many)

    few_queries, few_bytes = measure(admin_client_logged_in, few)
    many_queries, many_bytes = measure(admin_client_logged_in, many)

    assert few_queries == many_queries == CHANGE_FORM_QUERIES
    # Five inline rows on the one, a line with two links on the other: neither grows.
    assert many_bytes < few_bytes


@pytest.mark.parametrize(
    ("role", "sees_list", "may_add"),
    [("Editor", True, True), ("Reporter", True, True), ("Results clerk", False, False)],
)
def test_each_role_sees_the_links_it_may_follow(
    django_user_model, role, sees_list, may_add, request
):
    from tests.conftest import role_client

    client = role_client(django_user_model, role)
    candidate = candidate_with(INLINE_ROW_LIMIT + 1, status="draft")

    response = change_form(client, candidate)

    listed = f"{admin_url(Quote, 'changelist')}?candidate__id__exact={candidate.pk}"
    add = f"{admin_url(Quote, 'add')}?candidate={candidate.pk}"
    assert (listed in links(response)) is sees_list
    assert (add in links(response)) is may_add
    assert Quote not in inline_models(response)
    if sees_list:
        assert client.get(listed).status_code == 200


def test_the_fieldsets_group_every_field_of_the_form_once(admin_client_logged_in):
    candidate = candidate_with(1)
    response = change_form(admin_client_logged_in, candidate)
    form = response.context["adminform"].form
    names = [
        name
        for _, options in CandidateAdmin.fieldsets
        for entry in options["fields"]
        for name in (entry if isinstance(entry, tuple | list) else (entry,))
    ]
    headings = [fieldset.name for fieldset in response.context["adminform"]]

    assert headings == [
        "Identity",
        "Background",
        "Campaign and office",
        "Publishing",
        "Address and date precision",
        "Change note",
    ]
    assert len(names) == len(set(names))
    # Every field of the model an editor edits is in one of them.
    editable = {
        field.name
        for field in Candidate._meta.fields
        if field.editable and not field.auto_created and field.name != "version"
    }
    assert editable - {"created_at", "updated_at"} == set(names)
    assert set(names) <= set(form.fields) | set(response.context["adminform"].readonly_fields)


#: Session, user, the candidate; career, platform, quotes (the first 21 and how many in all)
#: and facts, one each; citations, identifiers; the workflow panel, presence (two),
#: comments, the party's choices.
CHANGE_FORM_QUERIES = 14
