"""Every change made through the admin is in the item's history: who, when, what changed,
the change comment and the source of the change; and the admin's history page shows it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from candidates.models import Quote
from newsroom.editorial.publishing import Status
from results.models import Result
from tests.support import factories
from tests.support.admin_forms import admin_url, inline_formset
from tests.support.editors import open_change_form, save

pytestmark = pytest.mark.django_db


def edit(client, item, **changes):
    _, data = open_change_form(client, item)
    data.update(changes)
    response = save(client, item, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_admin_edit_records_who_comment_source_and_changed_field(alice):
    candidate = factories.CandidateFactory(occupation="Investor", status=Status.DRAFT)

    edit(
        alice,
        candidate,
        occupation="Entrepreneur",
        change_comment="Occupation as the AP has it",
        change_source="https://apnews.com/article/palmer",
    )

    latest = candidate.history.first()
    assert latest.history_user == alice.user
    assert latest.history_change_reason == "Occupation as the AP has it"
    assert latest.history_change_source == "https://apnews.com/article/palmer"
    assert latest.occupation == "Entrepreneur"
    [change] = latest.diff_against(latest.prev_record, excluded_fields=["version"]).changes
    assert (change.field, change.old, change.new) == ("occupation", "Investor", "Entrepreneur")


@pytest.mark.parametrize(
    "factory",
    [
        factories.CandidateFactory,
        factories.CareerEntryFactory,
        factories.PlatformPositionFactory,
        factories.QuoteFactory,
        factories.FactFactory,
        factories.SourceFactory,
        factories.ContestFactory,
    ],
    ids=lambda factory: factory._meta.model.__name__,
)
def test_every_content_type_records_its_admin_changes_with_note(alice, factory):
    item = factory(status=Status.DRAFT)
    before = item.history.count()

    edit(alice, item, change_comment="Checked against the source", change_source="Phone call")

    assert item.history.count() == before + 1
    latest = item.history.first()
    assert latest.history_user == alice.user
    assert latest.history_change_reason == "Checked against the source"
    assert latest.history_change_source == "Phone call"


def test_inline_result_changed_from_the_contest_form_records_note_and_editor(alice):
    contest = factories.ContestFactory(status=Status.DRAFT, ballots_cast=None)
    result = factories.ResultFactory(contest=contest, votes=10)
    response, data = open_change_form(alice, contest)
    prefix = inline_formset(response, Result).prefix
    [row] = [
        index
        for index in range(int(data[f"{prefix}-TOTAL_FORMS"]))
        if data.get(f"{prefix}-{index}-id") == str(result.pk)
    ]
    data[f"{prefix}-{row}-votes"] = "12"
    data["change_comment"] = "Recount"
    data["change_source"] = "https://example.org/recount"

    assert save(alice, contest, data).status_code == 302

    latest = result.history.first()
    assert latest.votes == 12
    assert latest.history_user == alice.user
    assert latest.history_change_reason == "Recount"
    assert latest.history_change_source == "https://example.org/recount"


def test_inline_quote_changed_from_the_candidate_form_records_note_and_editor(alice):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    quote = factories.QuoteFactory(candidate=candidate, text="We will win.", status=Status.DRAFT)
    response, data = open_change_form(alice, candidate)
    prefix = inline_formset(response, Quote).prefix
    [row] = [
        index
        for index in range(int(data[f"{prefix}-TOTAL_FORMS"]))
        if data.get(f"{prefix}-{index}-id") == str(quote.pk)
    ]
    data[f"{prefix}-{row}-text"] = "We will win big."
    data["change_comment"] = "Full sentence"
    data["change_source"] = "Video of the speech"

    assert save(alice, candidate, data).status_code == 302

    latest = quote.history.first()
    assert latest.text == "We will win big."
    assert latest.history_user == alice.user
    assert latest.history_change_reason == "Full sentence"
    assert latest.history_change_source == "Video of the speech"


def test_history_page_lists_who_when_comment_source_and_old_to_new(alice):
    candidate = factories.CandidateFactory(hometown="Baltimore", status=Status.DRAFT)
    edit(
        alice,
        candidate,
        hometown="Maryland",
        change_comment="State, not city",
        change_source="https://example.org/bio",
    )

    response = alice.get(admin_url(type(candidate), "history", candidate.pk))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Version 2" in page
    assert "Alice Archer" in page
    assert "State, not city" in page
    assert 'href="https://example.org/bio"' in page
    assert "<strong>Hometown:</strong> <del>Baltimore</del> &rarr; <ins>Maryland</ins>" in page
    assert "Version:" not in page  # bookkeeping fields are not part of the diff


def test_history_page_links_published_versions_to_their_public_permalink(alice):
    candidate = factories.CandidateFactory(status=Status.PUBLISHED)

    response = alice.get(admin_url(type(candidate), "history", candidate.pk))

    record = candidate.history.first()
    assert f'href="/versions/candidates.candidate/{record.history_id}/"' in (
        response.content.decode()
    )


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_history_page_query_count_does_not_grow_with_versions(alice):
    candidate = factories.CandidateFactory(status=Status.PUBLISHED)
    url = admin_url(type(candidate), "history", candidate.pk)
    alice.get(url)
    with_two = queries_of(alice, url)
    for n in range(20):
        candidate.hometown = f"Town {n}"
        candidate._change_reason = f"Edit {n}"
        candidate.save()

    with_twenty_two = queries_of(alice, url)

    assert with_twenty_two == with_two
    assert with_two <= 16
