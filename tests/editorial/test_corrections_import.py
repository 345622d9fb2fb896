"""An import that replaces a published contest's figures records a public update, so
published numbers never change silently; first figures and hidden contests record none."""

import pytest
from django.core.management import CommandError

from newsroom.editorial.publishing import Status
from newsroom.models import Correction
from results.models import Contest, ImportBatch
from tests.results.imports.conftest import CAUCUS, FILES, WIRE_URL, run_import
from tests.support import factories

UPLOAD = "/admin/results/importbatch/add/"


@pytest.fixture
def results_desk(seed_newsroom):
    """The seed newsroom, with the source the import files name by URL."""
    return factories.SourceFactory(url=WIRE_URL, headline="American Samoa caucus count")


@pytest.fixture
def caucus(results_desk):
    return Contest.objects.get(slug=CAUCUS)


def updates_of(contest):
    return Correction.objects.filter(object_id=contest.pk, content_type__model="contest")


def test_applied_import_records_an_update_naming_the_reporting_level(caucus, client):
    run_import("good.csv", "--apply")

    update = updates_of(caucus).get()
    assert update.kind == Correction.Kind.UPDATE
    assert "100% of the expected vote reporting" in update.note
    html = client.get(caucus.get_absolute_url()).text
    assert update.note in html
    assert "Reported vote share % for Jason Palmer: 56.00 → 56.04" in html
    assert "Reporting %: 99.00 → 100.00" in html


def test_applied_import_uses_the_note_given_on_the_command_line(caucus, client):
    run_import("good.csv", "--apply", "--note", "Figures from the party's final count.")

    assert updates_of(caucus).get().note == "Figures from the party's final count."
    assert "Figures from the party&#x27;s final count." in client.get("/corrections/").text


def test_dry_run_records_no_update(caucus):
    run_import("good.csv", "--note", "Not yet.")

    assert not updates_of(caucus).exists()


def test_reimporting_the_same_file_records_no_second_update(caucus):
    run_import("good.csv", "--apply")
    run_import("good.csv", "--apply")

    assert updates_of(caucus).count() == 1


def test_a_rejected_import_records_no_update(caucus):
    with pytest.raises(CommandError):
        run_import("votes_above_ballots.csv", "--apply")

    assert not updates_of(caucus).exists()


def test_a_note_too_long_is_refused_before_anything_is_written(caucus):
    with pytest.raises(CommandError, match="--note"):
        run_import("good.csv", "--apply", "--note", "x" * 1001)

    assert not ImportBatch.objects.exists()
    assert not updates_of(caucus).exists()


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW, Status.UNPUBLISHED])
def test_import_into_a_contest_readers_cannot_see_records_no_update(caucus, status):
    Contest.objects.filter(pk=caucus.pk).update(status=status)

    run_import("good.csv", "--apply")

    assert ImportBatch.objects.exists()
    assert not updates_of(caucus).exists()


def test_first_figures_of_a_contest_record_no_update(results_desk, tmp_path):
    contest = factories.ContestFactory(ballots_cast=None, delegates_at_stake=None)
    candidate = factories.CandidateFactory()
    path = tmp_path / "first.csv"
    path.write_text(
        "contest,candidate,votes,share,delegates,reporting_percent,as_of,source_url\n"
        f"{contest.slug},{candidate.slug},12,,,10,2024-03-05T20:00:00-11:00,{WIRE_URL}\n"
    )

    run_import(str(path), "--apply")

    assert contest.results.get().votes == 12
    assert not updates_of(contest).exists()


def test_upload_form_note_travels_through_the_preview_to_the_update(caucus, admin_client_logged_in):
    with open(FILES / "good.csv", "rb") as file:
        preview = admin_client_logged_in.post(
            UPLOAD, {"file": file, "note": "Final figures from the party."}
        )
    assert "your note: “Final figures from the party.”" in preview.text
    confirm = preview.context["confirm"]
    admin_client_logged_in.post(
        UPLOAD, {name: confirm[name].value() for name in ("payload", "fingerprint", "note")}
    )

    update = updates_of(caucus).get()
    assert update.note == "Final figures from the party."
    assert update.created_by.username == "editor-in-chief"


def test_upload_without_a_note_gets_the_default(caucus, admin_client_logged_in):
    with open(FILES / "good.csv", "rb") as file:
        preview = admin_client_logged_in.post(UPLOAD, {"file": file})
    confirm = preview.context["confirm"]
    admin_client_logged_in.post(
        UPLOAD, {name: confirm[name].value() or "" for name in ("payload", "fingerprint", "note")}
    )

    assert "reporting" in updates_of(caucus).get().note
