"""The contest's results CSV is in the import's columns: an export imports back unchanged."""

import csv
import io

from results.importing.reading import COLUMNS
from results.services import import_results

from .conftest import CAUCUS, FILES, WIRE_URL


def test_exported_csv_reimports_with_no_changes_and_no_problems(caucus, client):
    import_results((FILES / "good.csv").read_bytes(), filename="good.csv", dry_run=False)

    response = client.get(f"/contests/{CAUCUS}/results.csv")
    plan = import_results(response.content, filename="export.csv", dry_run=True)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert plan.problems == []
    assert plan.is_valid and not plan.has_changes


def test_exported_csv_has_the_import_columns_and_the_figures_held(caucus, client):
    import_results((FILES / "good.csv").read_bytes(), filename="good.csv", dry_run=False)

    rows = list(csv.DictReader(io.StringIO(client.get(f"/contests/{CAUCUS}/results.csv").text)))

    assert tuple(rows[0]) == COLUMNS
    palmer = next(row for row in rows if row["candidate"] == "jason-palmer")
    assert (palmer["votes"], palmer["share"], palmer["delegates"]) == ("51", "56.04", "4")
    assert palmer["source_url"] == WIRE_URL
    assert palmer["as_of"] == "2024-03-06T09:00:00+00:00"


def test_a_contest_without_a_count_time_exports_it_empty_and_the_import_asks_for_it(
    seed_newsroom, client
):
    # The seed caucus's count has a time only "as reported" ("Tuesday night").
    content = client.get(f"/contests/{CAUCUS}/results.csv").content

    plan = import_results(content, filename="export.csv", dry_run=True)

    assert not plan.is_valid
    assert any(problem.column == "as_of" for problem in plan.problems)
