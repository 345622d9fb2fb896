"""The measuring commands of make bench, on a tiny generated newsroom (nothing is timed)."""

import csv
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from bench.election_night import shows
from newsroom.models import Citation, Source
from results.models import ImportBatch, Result


@pytest.fixture
def tiny_newsroom(db):
    call_command("generate_bench_data", scale=0.001, verbosity=0)


def run_json(*args) -> dict:
    out = StringIO()
    call_command(*args, "--json", stdout=out)
    return json.loads(out.getvalue().strip().splitlines()[-1])


def test_export_of_existing_sources_streams_each_format(tiny_newsroom):
    measured = run_json("bench_export", "--existing", "--items", "20")["export"]

    assert [row["format"] for row in measured] == ["json", "bib", "ris", "csv"]
    assert all(row["items"] == 20 and row["bytes"] > 0 for row in measured)


def test_export_of_more_sources_than_exist_is_refused(tiny_newsroom):
    with pytest.raises(CommandError, match="Only 50 published sources"):
        call_command("bench_export", "--existing", "--items", "51")


def test_import_benchmark_writes_a_valid_file_and_leaves_the_results_as_they_were(
    tiny_newsroom, tmp_path
):
    before = sorted(Result.objects.values_list("pk", "votes"))
    path = tmp_path / "results.csv"

    measured = run_json("bench_import", "--rows", "20", "--file", str(path))["import"]

    assert measured["changed"] == 20
    with path.open(newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 20
    assert sorted(Result.objects.values_list("pk", "votes")) == before
    assert not ImportBatch.objects.exists()


def test_admin_benchmark_counts_the_queries_of_the_quote_changelist(tiny_newsroom):
    measured = run_json("bench_admin", "--repeat", "1")["admin"]

    assert measured["url"] == "/admin/candidates/quote/"
    assert measured["rows"] == 200
    assert 0 < measured["queries"] < 12


def test_export_without_existing_creates_its_sources_and_rolls_them_back(db):
    measured = run_json("bench_export", "--items", "20", "--formats", "csv")["export"]

    assert measured[0]["items"] == 20 and measured[0]["bytes"] > 0
    assert not Source.objects.exists()


def test_provenance_benchmark_checks_every_public_citation_in_few_queries(tiny_newsroom):
    measured = run_json("bench_provenance")["provenance"]

    public_citations = Citation.objects.filter(source__status="published").count()
    assert 0 < measured["citations"] <= public_citations
    # One check per citation, and the quote check of each of the 200 quotes.
    assert measured["checks"] == measured["citations"] + 200
    # Two per cited model, the sources' text on file, and the content types if not cached.
    assert measured["queries"] <= 35


def test_live_import_commits_an_update_the_contest_page_then_shows(tiny_newsroom, client):
    contest = Result.objects.order_by("contest__slug").first().contest
    before = dict(contest.results.values_list("candidate__slug", "votes"))

    out = StringIO()
    call_command("bench_live_import", "--contest", contest.slug, "--step", "3", stdout=out)
    done = json.loads(out.getvalue())["import"]

    assert done["votes"] == {slug: (votes or 0) + 3 for slug, votes in before.items()}
    assert dict(contest.results.values_list("candidate__slug", "votes")) == done["votes"]
    page = client.get(contest.get_absolute_url()).content.decode()
    assert shows(page, done["votes"])
    assert not shows(page, {slug: votes + 1 for slug, votes in done["votes"].items()})


def test_live_import_changes_bench_contests_only(tiny_newsroom):
    with pytest.raises(CommandError, match="Only bench contests"):
        call_command("bench_live_import", "--contest", "2024-american-samoa-democratic-caucuses")


def test_election_night_goal_needs_no_errors_a_bounded_p99_and_every_import_shown():
    from bench.election_night import Night
    from bench.run import Load, night_report

    def load(p99, errors=0):
        return Load(requests_per_second=100, p50_ms=5, p99_ms=p99, requests=1000, errors=errors)

    url = "http://127.0.0.1:8300/contests/bench-contest-00000/"
    night = Night(
        quiet={url: load(20)}, busy={url: load(90)}, visible_after=[0.5, 1.2], import_seconds=[1]
    )
    assert "| met |" in night_report(night)
    for worse in (
        Night(quiet={url: load(20)}, busy={url: load(120)}, visible_after=[0.5]),
        Night(quiet={url: load(20)}, busy={url: load(30, errors=1)}, visible_after=[0.5]),
        Night(quiet={url: load(20)}, busy={url: load(30)}, visible_after=[0.5, None]),
        Night(quiet={url: load(20)}, busy={url: load(30)}, visible_after=[11.0]),
        Night(quiet={url: load(20)}, busy={url: load(30)}, visible_after=[]),
    ):
        assert "NOT met" in night_report(worse)


def test_basket_benchmark_downloads_every_format_in_queries_that_do_not_grow(tiny_newsroom):
    measured = run_json("bench_basket", "--items", "40")["basket"]

    assert [row["format"] for row in measured] == ["json", "bib", "ris", "csv", "txt", "html"]
    for row in measured:
        assert row["items"] == 40 and row["bytes"] > 0
        assert row["queries"] == row["queries_at_tenth"], row


def test_basket_benchmark_refuses_more_items_than_are_published(tiny_newsroom):
    with pytest.raises(CommandError, match="published quotes"):
        call_command("bench_basket", "--items", "500")


def test_page_sweep_lists_an_answering_address_of_every_public_page_kind(tiny_newsroom, client):
    pages = run_json("bench_pages")["pages"]

    labels = {page["label"] for page in pages}
    assert {"/healthz", "/sources/ last page", "/sitemap.xml", "a quote page"} <= labels
    assert {"a candidate page", "a contest page", "a place page", "a source page"} <= labels
    for page in pages:
        response = client.get(page["path"])
        # A list of one page (the tiny newsroom's candidates) has no page 2.
        one_page = page["label"].endswith(" page 2") and response.status_code == 404
        assert response.status_code == 200 or one_page, page


def test_sweep_goal_fails_on_a_slow_page_an_error_or_a_large_page():
    from bench.run import Page, sweep_report

    health = Page("/healthz", "/healthz", 200, 2.0, 100, "application/json")
    fine = Page("/sources/", "/sources/", 200, 40.0, 200_000, "text/html")
    one_page = Page("/candidates/ page 2", "/candidates/?page=2", 404, 1.0, 10, "text/html")

    def goals(*pages):
        return [
            line
            for line in sweep_report([health, *pages]).splitlines()
            if "| met" in line or "NOT met" in line
        ]

    assert all(line.endswith("| met |") for line in goals(fine, one_page))
    slow = Page("a profile", "/candidates/x/", 200, 60.0, 1_000, "text/html")
    assert "NOT met" in goals(fine, slow)[0]
    broken = Page("/contests/ page 2", "/contests/?page=2", 500, 1.0, 10, "text/html")
    assert "1 did not answer 200" in goals(fine, broken)[0]
    large = Page("/", "/", 200, 10.0, 600 * 1024, "text/html")
    assert "NOT met" in goals(fine, large)[1]
