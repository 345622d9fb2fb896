"""An applied update shows on the very next request of the contest page and of the API."""

from results.services import import_results

from .conftest import CAUCUS, FILES


def test_contest_page_and_api_show_the_update_on_the_next_request(caucus, client):
    page_before = client.get(f"/contests/{CAUCUS}/")
    api_before = client.get(f"/api/v1/contests/{CAUCUS}/", HTTP_ACCEPT="application/json")
    assert "56.04%" not in page_before.text

    import_results((FILES / "good.csv").read_bytes(), filename="good.csv", dry_run=False)

    page = client.get(f"/contests/{CAUCUS}/")
    api = client.get(
        f"/api/v1/contests/{CAUCUS}/",
        HTTP_ACCEPT="application/json",
        HTTP_IF_NONE_MATCH=api_before["ETag"],
    )
    assert "56.04%" in page.text
    assert api.status_code == 200
    assert api.json()["results"][0]["reported_share"] == "56.04"
    assert api.json()["reporting_as_of"] == "2024-03-06T09:00:00Z"
