"""The contest's results grid in Debian's Chromium, with its script: votes typed update the
total against the ballots cast and each row's computed share at once, Enter moves to the
same cell of the next row, a total above the ballots cast is shown at the cell in the words
a save gives there, and the page logs no error."""

import pytest
from playwright.sync_api import expect

from results.models import Contest
from tests.support import factories
from tests.support.admin_forms import admin_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OVER = "Votes for all candidates would total 101, more than the 91 ballots cast."


@pytest.fixture
def grid(signed_in_page, live_server):
    """The change form of a contest of 91 ballots cast with two synthetic results, open at
    its Results tab in a signed-in editor's page."""
    contest = factories.ContestFactory(ballots_cast=91, delegates_at_stake=6)
    for position, votes in enumerate([10, 20]):
        factories.ResultFactory(contest=contest, votes=votes, position=position)
    signed_in_page.goto(live_server.url + admin_url(Contest, "change", contest.pk))
    # The form opens in tabs (form-tabs.js): the editor goes to the results.
    signed_in_page.get_by_role("tab", name="Results", exact=True).click()
    return signed_in_page


def test_typed_votes_update_the_total_and_the_computed_share(grid):
    totals = grid.locator(".results-grid-totals")
    expect(totals).to_contain_text("Votes: 30 of 91 ballots cast")

    grid.locator("#id_results-0-votes").fill("50")

    expect(totals).to_contain_text("Votes: 70 of 91 ballots cast")
    # 50 of 91 is 54.945…%, to one decimal as the contest page gives it.
    expect(grid.locator("#results-0 .results-grid-share")).to_have_text("54.9% of ballots cast")
    assert grid.errors == []


def test_enter_moves_to_the_same_cell_of_the_next_row_without_submitting(grid):
    grid.locator("#id_results-0-votes").focus()

    grid.keyboard.press("Enter")

    expect(grid.locator("#id_results-1-votes")).to_be_focused()
    assert "/change/" in grid.url
    grid.keyboard.press("Tab")
    expect(grid.locator("#id_results-1-reported_share")).to_be_focused()
    assert grid.errors == []


def test_a_total_over_the_ballots_cast_shows_at_the_cell_as_the_save_does(grid):
    grid.locator("#id_results-0-votes").fill("41")
    grid.locator("#id_results-1-votes").fill("60")

    expect(grid.locator("#results-1 td.field-votes .errorlist")).to_have_text(OVER)
    expect(grid.locator("#results-0 td.field-votes .errorlist")).to_have_count(0)

    grid.locator("#id_change_comment").fill("Synthetic count sheet")
    grid.locator("input[name=_save]").click()

    expect(grid.locator("#results-1 td.field-votes .errorlist")).to_have_text(OVER)
    assert grid.errors == []
