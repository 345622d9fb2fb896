"""The results box in Debian's Chromium, framed by another site's page: a page of an origin
in EMBED_ALLOWED_ORIGINS shows the box's figures, any other origin's frame is refused by
the browser (CSP frame-ancestors), and the iframe the oEmbed response gives loads the box.

The framing page needs an origin of its own, and a local one: Chromium refuses a public
page's frames of a local server before reading any policy (Local Network Access checks), so
a page Playwright made up at a public address would be refused for the wrong reason. A tiny
HTTP server on another port of 127.0.0.1 serves it; its iframe loads the embed from the
live server (`localhost`), so the browser checks the embed's frame-ancestors against the
framing page's origin, `http://127.0.0.1:<port>`.
"""

import json
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CAUCUS = "2024-american-samoa-democratic-caucuses"
ANOTHER_SITE = "https://news.example.org"


class NewsSite:
    """Another site: every address is its story page, holding `iframe`."""

    def __init__(self):
        self.iframe = ""
        site = self

        class StoryPage(BaseHTTPRequestHandler):
            def do_GET(self):
                body = f"<!doctype html><title>A story</title><h1>Our story</h1>{site.iframe}"
                content = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), StoryPage)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def news_site():
    site = NewsSite()
    yield site
    site.close()


def story_page(browser, site: NewsSite, iframe: str):
    """The site's story page holding `iframe`, opened; `page.policy_reports` collects the
    browser's console messages about frame-ancestors, `page.failed` its failed requests."""
    site.iframe = iframe
    page = browser.new_page()
    page.policy_reports, page.failed = [], []
    page.on(
        "console",
        lambda m: page.policy_reports.append(m.text) if "frame-ancestors" in m.text else None,
    )
    page.on("requestfailed", lambda request: page.failed.append(request.failure))
    page.goto(f"{site.origin}/news/story/")
    return page


def embed_iframe(live_server) -> str:
    return f'<iframe src="{live_server.url}/embed/contests/{CAUCUS}/" width="400"></iframe>'


def child_frame(page):
    (frame,) = page.main_frame.child_frames
    return frame


@pytest.mark.parametrize(
    "allowed", [[], [ANOTHER_SITE]], ids=["no-origin-allowed", "another-origin-allowed"]
)
def test_a_page_of_an_origin_not_allowed_cannot_frame_the_box(
    browser, live_server, settings, seed_newsroom, news_site, allowed
):
    settings.EMBED_ALLOWED_ORIGINS = allowed

    page = story_page(browser, news_site, embed_iframe(live_server))

    # Chromium puts its own error page in the refused frame: nothing of ours is in it.
    page.wait_for_function("document.readyState === 'complete'")
    assert child_frame(page).url.startswith("chrome-error://")
    assert page.frame_locator("iframe").locator("table").count() == 0
    # Refused for the embed's own policy (blocked by the response), not by the network.
    assert any("frame-ancestors" in report for report in page.policy_reports)
    assert page.failed == ["net::ERR_BLOCKED_BY_RESPONSE"]
    page.close()


def test_a_page_of_an_allowed_origin_shows_the_boxs_figures(
    browser, live_server, settings, seed_newsroom, news_site
):
    settings.EMBED_ALLOWED_ORIGINS = [ANOTHER_SITE, news_site.origin]

    page = story_page(browser, news_site, embed_iframe(live_server))

    box = page.frame_locator("iframe")
    expect(box.locator("table")).to_contain_text("Jason Palmer")
    expect(box.locator("h1")).to_contain_text("American Samoa")
    assert child_frame(page).url == f"{live_server.url}/embed/contests/{CAUCUS}/"
    assert (page.policy_reports, page.failed) == ([], [])
    page.close()


def test_the_oembed_iframe_loads_the_box_in_an_allowed_page(
    browser, live_server, settings, seed_newsroom, news_site
):
    settings.EMBED_ALLOWED_ORIGINS = [news_site.origin]
    contest_page = f"{live_server.url}/contests/{CAUCUS}/"
    query = urllib.parse.urlencode({"url": contest_page, "format": "json"})
    with urllib.request.urlopen(f"{live_server.url}/oembed?{query}") as response:
        html = json.load(response)["html"]

    page = story_page(browser, news_site, html)

    assert page.locator("iframe").get_attribute("src") == (
        f"{live_server.url}/embed/contests/{CAUCUS}/"
    )
    expect(page.frame_locator("iframe").locator("table")).to_contain_text("Jason Palmer")
    assert child_frame(page).url == f"{live_server.url}/embed/contests/{CAUCUS}/"
    page.close()
