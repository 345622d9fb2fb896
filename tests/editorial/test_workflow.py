"""Every workflow step through the admin (actions, the status field, inline rows), who and
when each was taken, and every step the rules refuse."""

import pytest
from django.contrib.contenttypes.models import ContentType

from candidates.models import Quote
from newsroom.editorial.publishing import Status
from newsroom.editorial.records import WorkflowEvent
from results.models import Contest
from tests.support import factories
from tests.support.admin_forms import admin_url, inline_formset
from tests.support.editors import cited, messages_of, open_change_form, run_action, save

pytestmark = pytest.mark.django_db


def steps_of(item) -> list[tuple[str, str, str]]:
    events = WorkflowEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk
    ).order_by("at", "pk")
    return [(event.from_status, event.to_status, event.actor.username) for event in events]


def status_of(item) -> str:
    item.refresh_from_db()
    return item.status


# The steps ---------------------------------------------------------------------------------


def test_reporter_submits_a_draft_for_review(reporter):
    quote = factories.QuoteFactory(status=Status.DRAFT)

    response = run_action(reporter, Quote, "submit_for_review", [quote])

    assert status_of(quote) == Status.IN_REVIEW
    assert steps_of(quote) == [("draft", "in_review", "reporter")]
    assert "1 submitted for review." in messages_of(response)


def test_editor_publishes_an_item_in_review_and_it_goes_public(editor):
    quote = cited(factories.QuoteFactory(status=Status.IN_REVIEW))

    response = run_action(editor, Quote, "publish", [quote])

    assert list(Quote.objects.published()) == [quote]
    assert steps_of(quote) == [("in_review", "published", "editor")]
    assert "1 published." in messages_of(response)


def test_each_step_records_when_it_was_taken(editor):
    quote = cited(factories.QuoteFactory(status=Status.IN_REVIEW))

    run_action(editor, Quote, "publish", [quote])

    event = WorkflowEvent.objects.get()
    quote.refresh_from_db()
    assert abs((event.at - quote.updated_at).total_seconds()) < 5


def test_editor_sends_an_item_in_review_back_to_draft(editor):
    quote = factories.QuoteFactory(status=Status.IN_REVIEW)

    run_action(editor, Quote, "send_back_to_draft", [quote])

    assert status_of(quote) == Status.DRAFT
    assert steps_of(quote) == [("in_review", "draft", "editor")]


def test_reporter_may_withdraw_an_item_from_review(reporter):
    quote = factories.QuoteFactory(status=Status.IN_REVIEW)

    run_action(reporter, Quote, "send_back_to_draft", [quote])

    assert status_of(quote) == Status.DRAFT


def test_editor_unpublishes_a_published_item(editor):
    quote = factories.QuoteFactory(status=Status.PUBLISHED)

    run_action(editor, Quote, "unpublish", [quote])

    assert status_of(quote) == Status.UNPUBLISHED
    assert not Quote.objects.published().exists()
    assert steps_of(quote) == [("published", "unpublished", "editor")]


def test_editor_republishes_an_unpublished_item(editor):
    quote = cited(factories.QuoteFactory(status=Status.UNPUBLISHED))

    run_action(editor, Quote, "publish", [quote])

    assert status_of(quote) == Status.PUBLISHED
    assert steps_of(quote) == [("unpublished", "published", "editor")]


def test_editor_reopens_an_unpublished_item_as_a_draft(editor):
    quote = factories.QuoteFactory(status=Status.UNPUBLISHED)

    run_action(editor, Quote, "send_back_to_draft", [quote])

    assert status_of(quote) == Status.DRAFT


def test_a_workflow_step_is_kept_in_the_item_history(editor):
    quote = cited(factories.QuoteFactory(status=Status.IN_REVIEW))

    run_action(editor, Quote, "publish", [quote])

    latest = quote.history.first()
    assert latest.status == Status.PUBLISHED
    assert latest.history_change_reason == "Workflow: publish"
    assert latest.history_user.username == "editor"


# Refused steps -----------------------------------------------------------------------------


def test_reporter_is_not_offered_the_publishing_actions(reporter):
    factories.QuoteFactory(status=Status.IN_REVIEW)

    response = reporter.get(admin_url(Quote, "changelist"))

    offered = {name for name, _ in response.context["action_form"].fields["action"].choices}
    assert {"submit_for_review", "send_back_to_draft"} <= offered
    assert not offered & {"publish", "schedule_publication", "unpublish"}


def test_reporter_cannot_publish_even_by_posting_the_action(reporter):
    quote = cited(factories.QuoteFactory(status=Status.IN_REVIEW))

    response = run_action(reporter, Quote, "publish", [quote])

    assert status_of(quote) == Status.IN_REVIEW
    assert "No action selected." in messages_of(response)
    assert steps_of(quote) == []


def test_reporter_cannot_unpublish(reporter):
    quote = factories.QuoteFactory(status=Status.PUBLISHED)

    run_action(reporter, Quote, "unpublish", [quote])

    assert status_of(quote) == Status.PUBLISHED


def test_clerk_cannot_publish_a_contest(clerk):
    contest = cited(factories.ContestFactory(status=Status.IN_REVIEW))

    run_action(clerk, Contest, "publish", [contest])

    assert status_of(contest) == Status.IN_REVIEW


def test_a_draft_cannot_be_published_without_review(editor):
    quote = cited(factories.QuoteFactory(status=Status.DRAFT, text="Straight to print."))

    response = run_action(editor, Quote, "publish", [quote])

    assert status_of(quote) == Status.DRAFT
    assert messages_of(response) == [
        f"1 not published: “{quote}” is a draft: submit it for review before publishing."
    ]


def test_a_published_item_cannot_be_sent_back_to_draft_without_unpublishing(editor):
    quote = factories.QuoteFactory(status=Status.PUBLISHED)

    response = run_action(editor, Quote, "send_back_to_draft", [quote])

    assert status_of(quote) == Status.PUBLISHED
    assert "is published: unpublish it first" in messages_of(response)[0]


def test_an_unpublished_item_cannot_be_submitted_for_review(editor):
    quote = factories.QuoteFactory(status=Status.UNPUBLISHED)

    response = run_action(editor, Quote, "submit_for_review", [quote])

    assert status_of(quote) == Status.UNPUBLISHED
    assert "reopen it as a draft first" in messages_of(response)[0]


def test_a_draft_cannot_be_unpublished(editor):
    quote = factories.QuoteFactory(status=Status.DRAFT)

    response = run_action(editor, Quote, "unpublish", [quote])

    assert status_of(quote) == Status.DRAFT
    assert "was never published" in messages_of(response)[0]


@pytest.mark.parametrize(
    "make",
    [
        factories.QuoteFactory,
        factories.FactFactory,
        factories.CareerEntryFactory,
        factories.PlatformPositionFactory,
        factories.ContestFactFactory,
    ],
)
def test_an_item_without_a_source_cannot_be_published(editor, make):
    item = make(status=Status.IN_REVIEW)

    response = run_action(editor, type(item), "publish", [item])

    assert status_of(item) == Status.IN_REVIEW
    assert "has no source: cite at least one before publishing" in messages_of(response)[0]


def test_an_item_citing_only_unpublished_sources_cannot_be_published(editor):
    quote = cited(factories.QuoteFactory(status=Status.IN_REVIEW), status=Status.DRAFT)

    response = run_action(editor, Quote, "publish", [quote])

    assert status_of(quote) == Status.IN_REVIEW
    assert "cites no published source" in messages_of(response)[0]


def test_a_contest_without_any_source_cannot_be_published(editor):
    contest = factories.ContestFactory(status=Status.IN_REVIEW)
    factories.ResultFactory(contest=contest)
    factories.SnapshotFactory(contest=contest, source=None)

    response = run_action(editor, Contest, "publish", [contest])

    assert status_of(contest) == Status.IN_REVIEW
    assert "cite a published source on the contest or its results" in messages_of(response)[0]


@pytest.mark.parametrize("sourced_by", ["contest", "result", "snapshot"])
def test_a_contest_is_sourced_by_its_own_citation_a_result_citation_or_a_snapshot(
    editor, sourced_by
):
    # No figures: figures need citations of their own (test_provenance_report.py).
    contest = factories.ContestFactory(
        status=Status.IN_REVIEW,
        held_on=None,
        held_on_precision="",
        delegates_at_stake=None,
        ballots_cast=None,
        count_status=Contest.CountStatus.SCHEDULED,
    )
    result = factories.ResultFactory(contest=contest, votes=None)
    if sourced_by == "contest":
        cited(contest)
    elif sourced_by == "result":
        cited(result)
    else:
        factories.SnapshotFactory(contest=contest, source=factories.SourceFactory())

    run_action(editor, Contest, "publish", [contest])

    assert status_of(contest) == Status.PUBLISHED


def test_bulk_publish_reports_each_refusal_beside_what_it_published(editor):
    ready = [cited(factories.QuoteFactory(status=Status.IN_REVIEW)) for _ in range(2)]
    unsourced = factories.QuoteFactory(status=Status.IN_REVIEW, text="Nobody reported this.")

    response = run_action(editor, Quote, "publish", [*ready, unsourced])

    assert [status_of(quote) for quote in ready] == [Status.PUBLISHED] * 2
    assert status_of(unsourced) == Status.IN_REVIEW
    assert messages_of(response) == [
        f"2 published; 1 not published: “{unsourced}” has no source: cite at least one "
        "before publishing."
    ]


def test_bulk_submit_moves_drafts_and_reports_items_already_in_review(reporter):
    draft = factories.QuoteFactory(status=Status.DRAFT)
    waiting = factories.QuoteFactory(status=Status.IN_REVIEW)

    response = run_action(reporter, Quote, "submit_for_review", [draft, waiting])

    assert status_of(draft) == Status.IN_REVIEW
    assert messages_of(response) == [
        f"1 submitted for review; 1 not submitted for review: “{waiting}” is already in review."
    ]


def test_bulk_unpublish_takes_several_items_down(editor):
    quotes = [factories.QuoteFactory(status=Status.PUBLISHED) for _ in range(3)]

    response = run_action(editor, Quote, "unpublish", quotes)

    assert [status_of(quote) for quote in quotes] == [Status.UNPUBLISHED] * 3
    assert messages_of(response) == ["3 unpublished."]


def test_workflow_actions_work_from_the_change_form(editor):
    quote = cited(factories.QuoteFactory(status=Status.IN_REVIEW))

    editor.post(
        admin_url(Quote, "change", quote.pk),
        {"CHANGE_FORM-action": "publish", "_selected_action": [quote.pk]},
    )

    assert status_of(quote) == Status.PUBLISHED


# The status field of the change form --------------------------------------------------------


def status_choices(response) -> list[str]:
    return [value for value, _ in response.context["adminform"].form.fields["status"].choices]


def test_reporter_is_offered_only_the_drafting_statuses(reporter):
    quote = factories.QuoteFactory(status=Status.DRAFT)

    response, _ = open_change_form(reporter, quote)

    assert status_choices(response) == ["draft", "in_review"]


def test_editor_is_offered_the_steps_from_review(editor):
    quote = factories.QuoteFactory(status=Status.IN_REVIEW)

    response, _ = open_change_form(editor, quote)

    assert status_choices(response) == ["draft", "in_review", "published"]


def test_a_new_item_starts_as_a_draft_or_in_review(editor):
    response = editor.get(admin_url(Quote, "add"))

    assert status_choices(response) == ["draft", "in_review"]


def test_publish_at_is_read_only_for_reporters(reporter):
    quote = factories.QuoteFactory(status=Status.DRAFT)

    response, data = open_change_form(reporter, quote)

    assert "publish_at" not in data
    assert "publish_at" not in response.context["adminform"].form.fields


def test_editor_publishes_through_the_status_field_and_the_step_is_recorded(editor):
    quote = cited(factories.QuoteFactory(status=Status.IN_REVIEW))
    _, data = open_change_form(editor, quote)
    data["status"] = Status.PUBLISHED

    response = save(editor, quote, data)

    assert response.status_code == 302
    assert status_of(quote) == Status.PUBLISHED
    assert steps_of(quote) == [("in_review", "published", "editor")]


def test_the_status_field_refuses_publishing_an_item_without_sources(editor):
    quote = factories.QuoteFactory(status=Status.IN_REVIEW)
    _, data = open_change_form(editor, quote)
    data["status"] = Status.PUBLISHED

    response = save(editor, quote, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["status"] == [
        "This quote has no source: cite at least one before publishing."
    ]
    assert status_of(quote) == Status.IN_REVIEW
    assert steps_of(quote) == []


def test_the_status_field_refuses_a_reporter_publishing(reporter):
    quote = cited(factories.QuoteFactory(status=Status.IN_REVIEW))
    _, data = open_change_form(reporter, quote)
    data["status"] = Status.PUBLISHED

    response = save(reporter, quote, data)

    assert "status" in response.context["adminform"].form.errors
    assert status_of(quote) == Status.IN_REVIEW


def test_the_status_field_refuses_a_jump_from_draft_to_published(editor):
    quote = cited(factories.QuoteFactory(status=Status.DRAFT))
    _, data = open_change_form(editor, quote)
    data["status"] = Status.PUBLISHED

    response = save(editor, quote, data)

    assert "status" in response.context["adminform"].form.errors
    assert status_of(quote) == Status.DRAFT


def test_reporter_submits_through_the_status_field(reporter):
    quote = factories.QuoteFactory(status=Status.DRAFT)
    _, data = open_change_form(reporter, quote)
    data["status"] = Status.IN_REVIEW

    save(reporter, quote, data)

    assert steps_of(quote) == [("draft", "in_review", "reporter")]


def test_creating_an_item_in_the_admin_records_its_first_step(reporter):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    response = reporter.get(admin_url(Quote, "add"))
    assert response.status_code == 200

    reporter.post(
        admin_url(Quote, "add"),
        {
            "candidate": candidate.pk,
            "text": "We came to win.",
            "speaker_name": candidate.full_name,
            "venue": "interview",
            "status": "in_review",
            "newsroom-citation-content_type-object_id-TOTAL_FORMS": "0",
            "newsroom-citation-content_type-object_id-INITIAL_FORMS": "0",
        },
    )

    quote = Quote.objects.get(text="We came to win.")
    assert steps_of(quote) == [("", "in_review", "reporter")]


def test_reporter_cannot_save_a_published_item(reporter):
    quote = factories.QuoteFactory(status=Status.PUBLISHED)
    _, data = open_change_form(reporter, quote)
    data["text"] = "Rewritten after publication."

    response = save(reporter, quote, data)

    assert response.status_code == 403
    quote.refresh_from_db()
    assert quote.text != "Rewritten after publication."


def test_reporter_cannot_bulk_delete_a_published_item(reporter):
    published = factories.QuoteFactory(status=Status.PUBLISHED)

    reporter.post(
        admin_url(Quote, "changelist"),
        {"action": "delete_selected", "_selected_action": [published.pk], "post": "yes"},
    )

    assert Quote.objects.filter(pk=published.pk).exists()


def test_reporter_deletes_a_draft(reporter):
    draft = factories.QuoteFactory(status=Status.DRAFT)

    reporter.post(admin_url(Quote, "delete", draft.pk), {"post": "yes"})

    assert not Quote.objects.filter(pk=draft.pk).exists()


def test_clerk_updates_the_count_of_a_published_contest(clerk):
    contest = factories.ContestFactory(status=Status.PUBLISHED, ballots_cast=91)

    response, data = open_change_form(clerk, contest)
    data |= {
        "ballots_cast": "95",
        "change_source": "https://news.example.org/update",
        "correction_kind": "update",
        "correction_note": "Four more ballots were counted.",
    }
    save(clerk, contest, data)

    contest.refresh_from_db()
    assert response.context["has_change_permission"]
    assert contest.ballots_cast == 95


# Inline rows with a status -------------------------------------------------------------------


def test_reporter_cannot_publish_a_quote_through_the_candidate_page(reporter):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    quote = cited(factories.QuoteFactory(candidate=candidate, status=Status.IN_REVIEW))
    response, data = open_change_form(reporter, candidate)
    prefix = inline_formset(response, Quote).prefix
    data[f"{prefix}-0-status"] = Status.PUBLISHED

    save(reporter, candidate, data)

    assert status_of(quote) == Status.IN_REVIEW


def test_inline_row_steps_follow_the_rules_and_are_recorded(editor):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    sourced = cited(factories.QuoteFactory(candidate=candidate, status=Status.IN_REVIEW))
    response, data = open_change_form(editor, candidate)
    prefix = inline_formset(response, Quote).prefix
    data[f"{prefix}-0-status"] = Status.PUBLISHED

    save(editor, candidate, data)

    assert status_of(sourced) == Status.PUBLISHED
    assert steps_of(sourced) == [("in_review", "published", "editor")]


def test_inline_row_without_sources_is_not_published(editor):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    quote = factories.QuoteFactory(candidate=candidate, status=Status.IN_REVIEW)
    response, data = open_change_form(editor, candidate)
    prefix = inline_formset(response, Quote).prefix
    data[f"{prefix}-0-status"] = Status.PUBLISHED

    response = save(editor, candidate, data)

    assert response.status_code == 200
    assert status_of(quote) == Status.IN_REVIEW
    assert "has no source" in response.text


def test_reporter_cannot_change_a_published_quote_row_of_a_draft_candidate(reporter):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    quote = factories.QuoteFactory(candidate=candidate, status=Status.PUBLISHED)
    response, data = open_change_form(reporter, candidate)
    prefix = inline_formset(response, Quote).prefix
    data[f"{prefix}-0-text"] = "Changed behind the editor's back."

    response = save(reporter, candidate, data)

    quote.refresh_from_db()
    assert quote.text != "Changed behind the editor's back."
    assert "only editors can change it" in response.text


# The workflow panel ---------------------------------------------------------------------------


def test_change_form_shows_who_took_each_step_and_when(editor, reporter):
    quote = cited(factories.QuoteFactory(status=Status.DRAFT))
    run_action(reporter, Quote, "submit_for_review", [quote])
    run_action(editor, Quote, "publish", [quote])

    response, _ = open_change_form(editor, quote)

    panel = response.text.split('id="workflow"')[1].split("</div>")[0]
    assert "Draft → In review" in panel
    assert "In review → Published" in panel
    assert panel.index("editor") < panel.index("reporter")  # newest first
    assert "<time datetime=" in panel


def test_change_form_says_what_is_missing_before_publishing(editor):
    quote = factories.QuoteFactory(status=Status.IN_REVIEW)

    response, _ = open_change_form(editor, quote)

    assert "Cannot be published yet: this quote has no source" in response.text
