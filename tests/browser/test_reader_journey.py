"""A reader's journeys through the public site in Debian's Chromium, driven by Playwright.

Each page type is checked at phone and desktop width: no horizontal scroll, no serious or
critical axe-core violation, no Content Security Policy complaint; a screenshot of each is
saved under test-artifacts/ for people to look at.
"""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import expect

from candidates.models import Fact, Quote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


def test_reader_reaches_palmers_contest_from_the_home_page(page, live_server, seed_newsroom):
    page.goto(live_server.url + "/")
    page.get_by_role("region", name="Featured candidates").get_by_role(
        "link", name="Jason Palmer"
    ).click()
    expect(page).to_have_url(re.compile(r"/candidates/jason-palmer/$"))
    page.get_by_role("link", name="2024 American Samoa Democratic presidential caucuses").click()
    expect(page).to_have_url(re.compile(r"/contests/2024-american-samoa-democratic-caucuses/$"))
    table = page.get_by_role("table", name=re.compile(r"^Results"))
    expect(table.get_by_role("row", name=re.compile("Jason Palmer"))).to_contain_text("51")
    expect(table.get_by_role("row", name=re.compile("Joe Biden"))).to_contain_text("40")
    ballots = page.locator(".facts div", has=page.get_by_text("Ballots cast", exact=True))
    expect(ballots.locator("dd")).to_have_text(re.compile(r"^91\["))


def test_search_for_zoom_lands_on_palmers_quote(page, live_server, seed_newsroom):
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Search").fill("Zoom")
    page.get_by_role("searchbox", name="Search").press("Enter")
    expect(page.locator("mark", has_text="Zoom").first).to_be_visible()
    facets = page.get_by_role("navigation", name="Kinds of results")
    facets.get_by_role("link", name=re.compile(r"^Quotes \(\d+\)$")).click()
    page.locator("ol.hits").get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/quotes/\d+/$"))
    expect(page.get_by_role("blockquote")).to_contain_text("doing Zoom town halls")
    expect(page.get_by_role("heading", level=1)).to_have_text("Quote from Jason Palmer")


def _page_types() -> dict[str, str]:
    quote = Quote.objects.get(text__contains="Zoom town halls")
    fact = Fact.objects.published().first()
    return {
        "home": "/",
        "candidates": "/candidates/",
        "profile": "/candidates/jason-palmer/",
        "quote": quote.get_absolute_url(),
        "fact": fact.get_absolute_url(),
        "contests": "/contests/",
        "contest": "/contests/2024-american-samoa-democratic-caucuses/",
        "scheduled-contest": "/contests/2024-american-samoa-republican-caucuses/",
        "place": "/places/american-samoa/",
        "sources": "/sources/",
        "source": "/sources/fox-news-palmer-american-samoa/",
        "search": "/search/?q=Zoom",
        "search-empty": "/search/",
        "not-found": "/no-such-page/",
    }


def test_every_page_type_fits_a_phone_and_passes_axe(browser, live_server, seed_newsroom):
    ARTIFACTS.mkdir(exist_ok=True)
    axe = Axe()
    problems = []
    for width_name, viewport in [("phone", PHONE), ("desktop", DESKTOP)]:
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        console = []
        page.on("console", lambda message, log=console: log.append(message.text))
        for name, path in _page_types().items():
            page.goto(live_server.url + path)
            page.screenshot(path=ARTIFACTS / f"{name}-{width_name}.png", full_page=True)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                problems.append(f"{path} at {width_name}: scrolls sideways by {overflow}px")
            violations = axe.run(page).response["violations"]
            for violation in violations:
                if violation["impact"] in ("serious", "critical"):
                    problems.append(f"{path} at {width_name}: axe {violation['id']}")
        problems += [f"console: {text}" for text in console if "Content Security" in text]
        context.close()
    assert problems == []
