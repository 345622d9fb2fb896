"""The copy button beside every styled citation, in Debian's Chromium: it copies the
entry's text, a screen reader hears "Copied", and nothing breaks the Content Security
Policy. Without JavaScript the button is not shown and the text stays selectable."""

import re

import pytest
from playwright.sync_api import expect

from candidates.models import Quote
from newsroom.citations.render import STYLES
from newsroom.models import Source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    yield context
    context.close()


def watch_csp(page) -> list[str]:
    complaints = []
    page.on(
        "console",
        lambda message: (
            complaints.append(message.text) if "Content Security" in message.text else None
        ),
    )
    return complaints


def test_copy_button_copies_the_apa_entry_and_says_copied(context, live_server, seed_newsroom):
    source = Source.objects.get(slug="abc-news-who-is-jason-palmer")
    page = context.new_page()
    complaints = watch_csp(page)
    page.goto(f"{live_server.url}/cite/source/{source.pk}/")
    block = page.locator("section[aria-labelledby=style-apa] .citation")
    entry_text = block.first.locator(".csl-entry").inner_text()

    block.first.get_by_role("button", name=re.compile("^Copy")).click()

    expect(block.first.get_by_role("status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == entry_text.strip()
    assert "Who is Jason Palmer?" in entry_text
    assert complaints == []


def test_every_styled_entry_in_the_basket_has_a_copy_button(context, live_server, seed_newsroom):
    source = Source.objects.get(slug="cnn-who-is-jason-palmer")
    page = context.new_page()
    page.goto(f"{live_server.url}/cite/source/{source.pk}/basket/")
    page.get_by_role("button", name="Add to citation basket").click()
    page.goto(f"{live_server.url}/cite/basket/")

    entries = page.locator(".citation")
    expect(entries).to_have_count(len(STYLES))  # one source, once in each style
    for index in range(len(STYLES)):
        expect(entries.nth(index).get_by_role("button", name=re.compile("^Copy"))).to_be_visible()
    entries.nth(2).get_by_role("button", name=re.compile("^Copy")).click()
    expect(entries.nth(2).get_by_role("status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == (
        entries.nth(2).locator(".csl-entry").inner_text().strip()
    )


def test_the_cite_box_of_a_quote_page_copies_too(context, live_server, seed_newsroom):
    quote = Quote.objects.get(text__contains="Zoom town halls")
    page = context.new_page()
    complaints = watch_csp(page)
    page.goto(live_server.url + quote.get_absolute_url())
    box = page.locator("aside.cite-box .citation").first

    box.get_by_role("button", name=re.compile("^Copy")).click()

    expect(box.get_by_role("status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == (
        box.locator(".csl-entry").inner_text().strip()
    )
    assert complaints == []


def test_without_javascript_no_button_shows_and_the_text_is_selectable(
    browser, live_server, seed_newsroom
):
    source = Source.objects.get(slug="abc-news-who-is-jason-palmer")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/cite/source/{source.pk}/")

    first = page.locator(".citation").first
    expect(first.get_by_role("button", name=re.compile("^Copy"))).to_be_hidden()
    expect(first.locator(".csl-entry")).to_contain_text("Who is Jason Palmer?")
    assert first.locator(".csl-entry").evaluate("e => getComputedStyle(e).userSelect") != "none"
    context.close()
