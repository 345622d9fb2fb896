"""docs/examples/results.csv and .json import cleanly into a fresh `make run` site, into a
fictional draft contest: no figure lands beside the seed's real contests, none goes public."""

import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from results.models import ImportBatch, Result

EXAMPLES = Path(settings.BASE_DIR) / "docs" / "examples"


@pytest.fixture
def fresh_site(seed_newsroom):
    """What `make run` loads: the seed newsroom and the import example."""
    out = StringIO()
    call_command("load_import_example", stdout=out)
    return out.getvalue()


def import_example(name: str, *args: str) -> str:
    out = StringIO()
    call_command("import_results", str(EXAMPLES / name), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.parametrize("name", ["results.csv", "results.json"])
def test_example_previews_cleanly_on_a_fresh_site(fresh_site, name):
    assert "Dry run: 2 added, 0 changed" in import_example(name, "--dry-run")


@pytest.mark.parametrize("name", ["results.csv", "results.json"])
def test_example_applies_cleanly_on_a_fresh_site(fresh_site, name):
    assert "2 added, 0 changed" in import_example(name, "--apply")
    assert ImportBatch.objects.get().filename == name


def test_loading_the_example_again_after_an_import_changes_nothing(fresh_site):
    import_example("results.csv", "--apply")
    out = StringIO()

    call_command("load_import_example", stdout=out)

    assert "Import example loaded: 0 created, 0 updated." in out.getvalue()


def test_example_leaves_the_seed_contests_as_the_articles_report_them(fresh_site):
    before = sorted(Result.objects.values_list("pk", "votes", "reported_share", "delegates_won"))

    import_example("results.csv", "--apply")

    after = Result.objects.exclude(contest__slug="fictional-example-caucus")
    assert sorted(after.values_list("pk", "votes", "reported_share", "delegates_won")) == before


def test_example_contest_stays_off_the_public_site(fresh_site, client):
    import_example("results.csv", "--apply")

    assert client.get("/contests/fictional-example-caucus/").status_code == 404
    assert "fictional" not in client.get("/contests/").text.lower()


def test_example_loader_reports_its_rows_as_drafts(fresh_site):
    assert "public now: 0 of 2 (2 in draft)" in " ".join(fresh_site.split())


def test_make_run_loads_the_import_example():
    planned = subprocess.run(
        ["make", "--dry-run", "run"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout

    assert "manage.py load_import_example" in planned
