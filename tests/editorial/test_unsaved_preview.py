"""Preview before saving: the change form's "Preview" button shows the public page with the
form's unsaved changes, to staff only, never cached, and writes nothing at all."""

import pytest
from django.apps import apps

from candidates.models import Candidate, Quote
from results.models import Contest, Result
from tests.support import factories
from tests.support.admin_forms import CHANGE_NOTE, admin_url, page_data
from tests.support.editors import client_for

pytestmark = pytest.mark.django_db

PREVIEW = {"_save": "preview"}


def every_row() -> dict:
    """Every row of every table, as values: a preview must leave all of them as they were."""
    return {
        model._meta.label: sorted(map(repr, model._base_manager.values_list()))
        for model in apps.get_models()
        # The logged-in client's own session is the browser's, not the newsroom's.
        if model._meta.label != "sessions.Session"
    }


def opened(client, item) -> tuple[str, dict]:
    """The item's change form opened, as (its address, the data it would post)."""
    url = admin_url(type(item), "change", item.pk)
    return url, page_data(client.get(url))


def preview(client, item, changes: dict, *, note=CHANGE_NOTE, before: list | None = None):
    """Post the item's opened change form with `changes` to the Preview button; with
    `before`, append every row as it stood once the form was opened (opening it records the
    editor's presence: that is the form's, not the preview's)."""
    url, data = opened(client, item)
    if before is not None:
        before.append(every_row())
    return client.post(url, data | note | changes | PREVIEW)


def test_change_forms_of_items_with_a_public_page_offer_a_preview_in_a_new_tab(
    admin_client_logged_in, world
):
    for item in (world.candidate, world.contest, world.quote, world.source, world.fact):
        page = admin_client_logged_in.get(admin_url(type(item), "change", item.pk))

        assert 'name="_save" value="preview"' in page.text, type(item).__name__
        assert 'formtarget="_blank"' in page.text


def test_a_result_has_no_page_of_its_own_so_no_preview(admin_client_logged_in, world):
    page = admin_client_logged_in.get(admin_url(Result, "change", world.result.pk))

    assert 'name="_save" value="preview"' not in page.text


def test_preview_of_a_contest_shows_its_unsaved_figures_and_results_and_writes_nothing(
    admin_client_logged_in, world
):
    before = []

    response = preview(
        admin_client_logged_in,
        world.contest,
        {"summary": "A synthetic summary for the preview", "results-0-votes": "83"},
        before=before,
    )

    assert response.status_code == 200
    assert "A synthetic summary for the preview" in response.text
    # 83 of the contest's 91 ballots cast, as the results table computes it.
    assert "91.2%" in response.text
    assert "Preview of your unsaved changes: nothing is saved yet." in response.text
    assert [every_row()] == before


def test_preview_is_never_cached_nor_indexed(admin_client_logged_in, world):
    response = preview(admin_client_logged_in, world.contest, {"summary": "Changed"})

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize(
    ("kind", "field"),
    [("candidate", "full_name"), ("quote", "text"), ("source", "headline"), ("fact", "statement")],
)
def test_preview_shows_the_unsaved_text_of_each_kind_and_writes_nothing(
    admin_client_logged_in, world, kind, field
):
    item = getattr(world, kind)
    saved = getattr(item, field)
    before = []

    response = preview(
        admin_client_logged_in, item, {field: "Synthetic unsaved wording"}, before=before
    )

    assert response.status_code == 200
    assert "Synthetic unsaved wording" in response.text
    assert [every_row()] == before
    item.refresh_from_db()
    assert getattr(item, field) == saved


def test_preview_of_a_new_item_from_the_add_form_writes_nothing(admin_client_logged_in, world):
    url = admin_url(Quote, "add")
    data = page_data(admin_client_logged_in.get(url)) | {
        "candidate": str(world.candidate.pk),
        "text": "A synthetic quote never saved",
        "speaker_name": "Candidate Number0",
        "status": "draft",
    }
    before = [every_row()]

    response = admin_client_logged_in.post(url, data | PREVIEW)

    assert response.status_code == 200
    assert "A synthetic quote never saved" in response.text
    assert "this quote is not public" in response.text
    assert [every_row()] == before


def test_preview_of_a_draft_says_readers_cannot_see_it(admin_client_logged_in):
    candidate = factories.CandidateFactory(status="draft")

    response = preview(admin_client_logged_in, candidate, {"full_name": "Synthetic Name"}, note={})

    assert "Synthetic Name" in response.text
    assert "Readers get “not found” at this address." in response.text


def test_invalid_input_shows_the_form_errors_instead_of_a_preview(admin_client_logged_in, world):
    world.contest.ballots_cast = 91
    world.contest.save()
    before = []

    response = preview(
        admin_client_logged_in, world.contest, {"results-0-votes": "95"}, before=before
    )

    assert response.status_code == 200
    assert "adminform" in response.context_data
    assert "Votes for all candidates would total 95, more than the 91 ballots cast." in (
        response.text
    )
    assert "Preview of your unsaved changes" not in response.text
    assert [every_row()] == before


def test_someone_not_on_staff_is_sent_to_the_login_page(client, django_user_model, world):
    reader = django_user_model.objects.create_user("reader", "", "correct horse 42")
    client.force_login(reader)
    url = admin_url(Contest, "change", world.contest.pk)

    response = client.post(url, {"summary": "Sneaked in", **PREVIEW})

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert Contest.objects.get().summary != "Sneaked in"


def test_staff_who_may_not_change_a_published_item_cannot_preview_changes_to_it(
    django_user_model, world
):
    reporter = client_for(django_user_model, "Reporter")
    url = admin_url(Candidate, "change", world.candidate.pk)
    data = page_data(reporter.get(url))
    assert 'name="_save" value="preview"' not in reporter.get(url).text

    response = reporter.post(url, data | {"full_name": "Sneaked in"} | PREVIEW)

    assert response.status_code == 403
    assert Candidate.objects.get().full_name != "Sneaked in"
