"""A correction recorded with an edit in the admin reaches readers: on the item's page, on
its parent's page and on /corrections/, with what changed in public fields only."""

import pytest

from candidates.models import Quote
from newsroom.models import Correction, Source
from results.models import Result
from tests.support import factories
from tests.support.admin_forms import CHANGE_NOTE, admin_url, page_data

pytestmark = pytest.mark.django_db


def edit(client, item, **changes):
    page = client.get(admin_url(type(item), "change", item.pk))
    assert page.status_code == 200
    data = page_data(page) | CHANGE_NOTE | changes
    response = client.post(admin_url(type(item), "change", item.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_quote_corrected_in_the_admin_shows_the_correction_to_readers(
    admin_client_logged_in, client
):
    quote = factories.QuoteFactory(text="We will win every caucus.")

    edit(
        admin_client_logged_in,
        quote,
        text="We will win the caucus.",
        correction_note="An earlier version misquoted Mr Palmer.",
    )

    assert Quote.objects.get(pk=quote.pk).text == "We will win the caucus."
    quote_page = client.get(quote.get_absolute_url()).text
    profile = client.get(quote.candidate.get_absolute_url()).text
    everything = client.get("/corrections/").text
    for html in (quote_page, profile, everything):
        assert "An earlier version misquoted Mr Palmer." in html
    assert "Verbatim text: We will win every caucus. → We will win the caucus." in quote_page


def test_changed_votes_show_as_a_change_on_the_contest_page(admin_client_logged_in, client):
    contest = factories.ContestFactory(ballots_cast=None)
    result = factories.ResultFactory(contest=contest, votes=51)

    edit(admin_client_logged_in, result, votes="52", correction_kind="update")

    assert Result.objects.get(pk=result.pk).votes == 52
    html = client.get(contest.get_absolute_url()).text
    assert "Votes: 51 → 52" in html
    assert Correction.objects.get().kind == "update"


def test_internal_note_changes_are_not_recorded_or_shown(admin_client_logged_in, client):
    source = factories.SourceFactory(headline="Old headline", internal_note="")

    edit(
        admin_client_logged_in,
        source,
        headline="New headline",
        internal_note="Tip from a rival campaign",
    )

    assert Source.objects.get(pk=source.pk).internal_note == "Tip from a rival campaign"
    correction = Correction.objects.get()
    assert "internal_note" not in correction.changes
    html = client.get(source.get_absolute_url()).text
    assert "Headline: Old headline → New headline" in html
    assert "Tip from a rival campaign" not in html
