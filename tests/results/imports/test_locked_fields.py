"""A figure an editor locked is never overwritten by an import, and the preview says so."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from results.models import Result
from tests.support.admin_forms import admin_url, page_data

from .conftest import run_import


def lock(caucus, slug: str, *fields: str) -> Result:
    result = Result.objects.get(contest=caucus, candidate__slug=slug)
    result.locked_fields = list(fields)
    result.save()
    return result


def test_preview_lists_a_locked_figure_as_skipped_with_the_reason(caucus):
    lock(caucus, "jason-palmer", "reported_share")

    out, _ = run_import("good.csv")

    assert (
        "  row 2: change jason-palmer: delegates not reported → 4; skipped share 56.04, "
        "keeps 56.00: locked by an editor; the import keeps it." in out
    )
    assert "Dry run: 0 added, 2 changed, 0 unchanged, 1 skipped." in out


def test_apply_keeps_the_locked_figure_and_writes_the_rest(caucus):
    palmer = lock(caucus, "jason-palmer", "reported_share", "delegates_won")

    run_import("good.csv", "--apply")

    palmer.refresh_from_db()
    assert (palmer.reported_share, palmer.delegates_won) == (Decimal("56.00"), None)
    biden = Result.objects.get(contest=caucus, candidate__slug="joe-biden")
    assert biden.delegates_won == 2


def test_locked_figure_equal_to_the_file_is_not_reported_as_skipped(caucus):
    lock(caucus, "jason-palmer", "votes")

    out, _ = run_import("good.csv")

    assert "skipped" not in out.replace("0 skipped", "")


def result_page(client, result):
    return client.get(admin_url(Result, "change", result.pk))


def test_result_page_offers_a_checkbox_per_lockable_figure(caucus, admin_client_logged_in):
    palmer = Result.objects.get(contest=caucus, candidate__slug="jason-palmer")

    response = result_page(admin_client_logged_in, palmer)

    choices = response.context["adminform"].form.fields["locked_fields"].choices
    assert [value for value, _ in choices] == ["votes", "reported_share", "delegates_won"]
    assert 'type="checkbox" name="locked_fields" value="votes"' in response.text


def test_locking_an_unknown_field_on_the_result_page_is_refused(caucus, admin_client_logged_in):
    palmer = Result.objects.get(contest=caucus, candidate__slug="jason-palmer")
    data = page_data(result_page(admin_client_logged_in, palmer)) | {"locked_fields": ["vots"]}

    response = admin_client_logged_in.post(admin_url(Result, "change", palmer.pk), data)

    assert response.status_code == 200
    assert "locked_fields" in response.context["adminform"].form.errors
    palmer.refresh_from_db()
    assert palmer.locked_fields == []


def test_ticking_votes_on_the_result_page_keeps_them_from_the_import(
    caucus, admin_client_logged_in
):
    biden = Result.objects.get(contest=caucus, candidate__slug="joe-biden")
    Result.objects.filter(pk=biden.pk).update(votes=39)
    biden.refresh_from_db()
    data = page_data(result_page(admin_client_logged_in, biden)) | {"locked_fields": ["votes"]}

    response = admin_client_logged_in.post(admin_url(Result, "change", biden.pk), data)
    run_import("good.csv", "--apply")

    assert response.status_code == 302
    biden.refresh_from_db()
    assert (biden.locked_fields, biden.votes) == (["votes"], 39)


def test_a_misspelt_locked_field_is_refused_by_the_model(caucus):
    palmer = Result.objects.get(contest=caucus, candidate__slug="jason-palmer")
    palmer.locked_fields = ["vots"]

    with pytest.raises(ValidationError) as refused:
        palmer.full_clean()

    assert refused.value.message_dict["locked_fields"] == [
        "vots cannot be locked. The figures that can: votes, reported_share, delegates_won."
    ]
