"""Resources carry stable ids and slugs and link to each other and to their public pages."""

JSON = {"HTTP_ACCEPT": "application/json"}
CAUCUS = "2024-american-samoa-democratic-caucuses"


def test_contest_links_to_its_candidates_snapshots_sources_and_page(seed_newsroom, client):
    contest = client.get(f"/api/v1/contests/{CAUCUS}/", **JSON).json()

    assert contest["url"] == f"http://testserver/api/v1/contests/{CAUCUS}/"
    assert contest["html_url"] == f"http://testserver/contests/{CAUCUS}/"
    assert contest["snapshots"] == f"http://testserver/api/v1/snapshots/?contest={CAUCUS}"
    palmer = contest["results"][0]
    assert palmer["candidate"]["url"] == "http://testserver/api/v1/candidates/jason-palmer/"
    assert {
        "source": "http://testserver/api/v1/sources/fox-news-palmer-american-samoa/",
        "field": "votes",
        "pinpoint": "para. 3",
        "quoted_passage": "Palmer won 51",
    } in palmer["sources"]
    assert contest["race_calls"][0]["winner"]["slug"] == "jason-palmer"


def test_every_link_in_a_contest_resolves(seed_newsroom, client):
    contest = client.get(f"/api/v1/contests/{CAUCUS}/", **JSON).json()
    links = {contest["snapshots"], contest["results"][0]["candidate"]["url"]}
    links |= {source["source"] for source in contest["sources"]}

    for link in links:
        assert client.get(link, **JSON).status_code == 200, link
