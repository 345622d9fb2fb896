"""The contest's results grid without JavaScript: a compact form of one row per candidate
that saves, with the model's messages at the cell that caused them, and cells that carry
those same words for the script that mirrors the check while typing."""

import html
import re

import pytest

from results.models import Contest, Result
from tests.support import factories
from tests.support.admin_forms import CHANGE_NOTE, admin_url, page_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def contest():
    """91 ballots cast and 6 delegates at stake, with two synthetic results."""
    contest = factories.ContestFactory(ballots_cast=91, delegates_at_stake=6)
    for position, votes in enumerate([10, 20]):
        factories.ResultFactory(contest=contest, votes=votes, position=position)
    return contest


def grid_row(page: str, index: int) -> str:
    """The HTML of the grid's row `index`."""
    match = re.search(rf'<tr[^>]*id="results-{index}"[^>]*>(.*?)</tr>', page, re.S)
    assert match, f"no row {index} in the results grid"
    return match.group(1)


def cell(row: str, field: str) -> str:
    match = re.search(rf'<td class="field-{field}">(.*?)</td>', row, re.S)
    assert match, f"no {field} cell in the row"
    return match.group(1)


def test_the_grid_is_one_compact_row_per_candidate_without_related_object_buttons(
    admin_client_logged_in, contest
):
    page = admin_client_logged_in.get(admin_url(Contest, "change", contest.pk)).text

    assert 'class="module results-grid"' in page
    for index in range(2):
        candidate = cell(grid_row(page, index), "candidate")
        assert "<select" in candidate
        assert "related-widget-wrapper-link" not in candidate
    assert "admin/results/results_grid.js" in page


def test_each_limited_cell_carries_the_words_a_save_gives_past_its_limit(
    admin_client_logged_in, contest
):
    page = admin_client_logged_in.get(admin_url(Contest, "change", contest.pk)).text
    row = grid_row(page, 0)

    votes, delegates = cell(row, "votes"), cell(row, "delegates_won")
    assert 'data-total-of="id_ballots_cast"' in votes
    assert (
        'data-over-message="Votes for all candidates would total {total}, more than the '
        '{limit} ballots cast."'
    ) in html.unescape(votes)
    assert 'data-total-of="id_delegates_at_stake"' in delegates


def test_the_grid_saves_without_javascript(admin_client_logged_in, contest):
    url = admin_url(Contest, "change", contest.pk)
    data = page_data(admin_client_logged_in.get(url)) | CHANGE_NOTE
    data |= {"results-0-votes": "41", "results-1-votes": "50", "results-1-delegates_won": "6"}

    response = admin_client_logged_in.post(url, data)

    assert response.status_code == 302
    assert list(Result.objects.order_by("position").values_list("votes", "delegates_won")) == [
        (41, None),
        (50, 6),
    ]


def test_a_total_over_the_ballots_cast_is_shown_at_the_cell_that_tips_it(
    admin_client_logged_in, contest
):
    url = admin_url(Contest, "change", contest.pk)
    data = page_data(admin_client_logged_in.get(url)) | CHANGE_NOTE
    data |= {"results-0-votes": "41", "results-1-votes": "60"}

    page = admin_client_logged_in.post(url, data).text

    message = "Votes for all candidates would total 101, more than the 91 ballots cast."
    assert "errorlist" not in cell(grid_row(page, 0), "votes")
    assert message in html.unescape(cell(grid_row(page, 1), "votes"))
    # The typed values stay in the grid to be corrected.
    assert 'value="60"' in cell(grid_row(page, 1), "votes")
    assert sorted(Result.objects.values_list("votes", flat=True)) == [10, 20]


def test_a_share_above_100_is_the_constraints_message_at_its_cell(admin_client_logged_in, contest):
    url = admin_url(Contest, "change", contest.pk)
    data = page_data(admin_client_logged_in.get(url)) | CHANGE_NOTE
    data |= {"results-0-reported_share": "150"}

    page = admin_client_logged_in.post(url, data).text

    assert "A vote share must be between 0 and 100." in html.unescape(
        cell(grid_row(page, 0), "reported_share")
    )
