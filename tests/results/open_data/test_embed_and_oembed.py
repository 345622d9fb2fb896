"""The embeddable results box and its oEmbed endpoint: framed only by allowed origins,
tiny, public only; every other page keeps refusing frames."""

import urllib.request

import pytest

from newsroom.editorial.publishing import Status
from tests.support.factories import CandidateFactory, ContestFactory, ResultFactory

CAUCUS = "2024-american-samoa-democratic-caucuses"
ALLOWED = "https://news.example.org"


def csp(response) -> str:
    return response["Content-Security-Policy"]


def test_embed_may_be_framed_only_by_the_allowed_origins(seed_newsroom, client, settings):
    settings.EMBED_ALLOWED_ORIGINS = [ALLOWED, "https://bad.example; script-src *"]

    embed = client.get(f"/embed/contests/{CAUCUS}/")
    page = client.get(f"/contests/{CAUCUS}/")

    assert embed.status_code == 200
    assert f"frame-ancestors {ALLOWED}" in csp(embed)
    assert "bad.example" not in csp(embed)
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors 'none'" in csp(page)
    assert page["X-Frame-Options"] == "DENY"


@pytest.mark.django_db(transaction=True)
def test_embed_is_served_by_a_real_wsgi_server_with_its_policy(
    seed_newsroom, live_server, settings
):
    """Through runserver's WSGI server, which refuses a header name that is not a plain
    str (the test client does not check)."""
    settings.EMBED_ALLOWED_ORIGINS = [ALLOWED]

    with urllib.request.urlopen(f"{live_server.url}/embed/contests/{CAUCUS}/") as response:
        assert response.status == 200
        assert f"frame-ancestors {ALLOWED}" in response.headers["Content-Security-Policy"]


def test_embed_refuses_every_frame_when_no_origin_is_allowed(seed_newsroom, client):
    assert "frame-ancestors 'none'" in csp(client.get(f"/embed/contests/{CAUCUS}/"))


def test_embed_shows_the_figures_and_a_draft_contest_is_404(seed_newsroom, client):
    draft = ContestFactory(status=Status.DRAFT)

    embed = client.get(f"/embed/contests/{CAUCUS}/")

    assert "Jason Palmer" in embed.text and ">51<" in embed.text
    assert client.get(f"/embed/contests/{draft.slug}/").status_code == 404


def test_embed_page_and_its_script_stay_small(db, client):
    """2 then 20 candidates: the box and its script are small, and each candidate's row
    adds a few hundred bytes (its name, figures and a cell or two), nothing more."""
    contest = ContestFactory(count_status="counting", ballots_cast=None)

    def embed_with(candidates):
        while contest.results.count() < candidates:
            ResultFactory(contest=contest, candidate=CandidateFactory(), votes=1)
        response = client.get(f"/embed/contests/{contest.slug}/")
        assert response.status_code == 200
        assert "live-results.js" in response.text
        return len(response.content)

    small, large = embed_with(2), embed_with(20)

    assert small <= 2500
    assert small < large <= small + 18 * 400, (small, large)
    script = client.get("/static/js/live-results.js")
    assert len(b"".join(script.streaming_content)) <= 4000


def test_oembed_answers_rich_html_with_an_iframe_of_the_embed(seed_newsroom, client):
    response = client.get(
        "/oembed", {"url": f"http://testserver/contests/{CAUCUS}/", "format": "json"}
    )

    data = response.json()
    assert (data["version"], data["type"]) == ("1.0", "rich")
    assert data["html"].startswith(f'<iframe src="http://testserver/embed/contests/{CAUCUS}/"')
    assert data["width"] == 400 and data["height"] > 0


@pytest.mark.parametrize(
    "url",
    ["", "not a url", "https://elsewhere.example/contests/x/", "http://testserver/sources/"],
)
def test_oembed_says_what_is_wrong_with_a_bad_url(seed_newsroom, client, url):
    response = client.get("/oembed", {"url": url})

    assert response.status_code == 400
    assert response.json()["error"]


def test_oembed_unknown_contest_is_404_and_xml_is_501(seed_newsroom, client):
    unknown = client.get("/oembed", {"url": "http://testserver/contests/no-such-contest/"})
    xml = client.get("/oembed", {"url": f"http://testserver/contests/{CAUCUS}/", "format": "xml"})

    assert unknown.status_code == 404
    assert xml.status_code == 501


def test_contest_page_names_its_oembed_endpoint(seed_newsroom, client):
    page = client.get(f"/contests/{CAUCUS}/")

    assert 'type="application/json+oembed"' in page.text
    assert "/oembed?url=http%3A%2F%2Ftestserver%2Fcontests%2F" in page.text
