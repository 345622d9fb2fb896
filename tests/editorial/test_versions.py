"""Public permalinks of published versions: a reporter cites exactly the version they read.

Only versions readers once saw are shown, and only while the item is public; drafts never.
"""

import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from newsroom.editorial.publishing import Status
from newsroom.editorial.removals import delete_published
from tests.support import factories

pytestmark = pytest.mark.django_db


def saved(item, **changes):
    for name, value in changes.items():
        setattr(item, name, value)
    item.save()
    return item.history.first()


def permalink(item, record) -> str:
    return reverse("versions:version_detail", args=[item._meta.label_lower, record.history_id])


@pytest.fixture
def quote():
    candidate = factories.CandidateFactory(full_name="Jason Palmer")
    return factories.QuoteFactory(
        candidate=candidate,
        text="We will win American Samoa.",
        speaker_name="Jason Palmer",
        said_on=datetime.date(2024, 3, 6),
        said_on_precision="day",
    )


def test_published_version_shows_its_text_speaker_and_date_with_a_banner(client, quote):
    first = quote.history.first()
    saved(quote, text="We won American Samoa.")

    response = client.get(permalink(quote, first))

    assert response.status_code == 200
    page = response.content.decode()
    assert "We will win American Samoa." in page
    assert "We won American Samoa." not in page
    assert "Jason Palmer" in page
    assert "March 6, 2024" in page
    assert "Version of" in page
    assert f'href="{quote.get_absolute_url()}">See the current version' in page


def test_version_page_is_kept_out_of_search_engines_and_cached_briefly(client, quote):
    response = client.get(permalink(quote, quote.history.first()))

    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert "public" in response["Cache-Control"]
    assert "max-age=" in response["Cache-Control"]


def test_draft_version_is_404_and_never_shows_its_text(client):
    quote = factories.QuoteFactory(text="Secret draft wording.", status=Status.DRAFT)
    draft = quote.history.first()
    published = saved(quote, text="Checked wording.", status=Status.PUBLISHED)

    assert client.get(permalink(quote, published)).status_code == 200
    response = client.get(permalink(quote, draft))
    assert response.status_code == 404
    assert "Secret draft wording." not in response.content.decode()


def test_draft_version_is_404_for_staff_too(admin_client_logged_in):
    quote = factories.QuoteFactory(status=Status.DRAFT)
    draft = quote.history.first()
    saved(quote, status=Status.PUBLISHED)

    assert admin_client_logged_in.get(permalink(quote, draft)).status_code == 404


def test_every_version_of_an_unpublished_item_is_404(client, quote):
    published = quote.history.first()
    saved(quote, status=Status.UNPUBLISHED)

    response = client.get(permalink(quote, published))

    assert response.status_code == 404
    assert "We will win American Samoa." not in response.content.decode()


def test_version_of_a_quote_whose_candidate_is_unpublished_now_is_404(client, quote):
    published = quote.history.first()
    saved(quote.candidate, status=Status.UNPUBLISHED)

    assert client.get(permalink(quote, published)).status_code == 404


def test_version_of_a_deleted_item_is_gone_without_content(client, quote):
    published = quote.history.first()
    delete_published(quote, note="Misattributed quote removed.")

    response = client.get(permalink(quote, published))

    assert response.status_code == 410
    assert response.content == b""


def test_version_saved_while_its_candidate_was_a_draft_and_replaced_before_is_404(client):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    quote = factories.QuoteFactory(candidate=candidate, text="Said before the launch.")
    unseen = quote.history.first()
    seen = saved(quote, text="Said at the launch.")
    saved(candidate, status=Status.PUBLISHED)

    assert client.get(permalink(quote, unseen)).status_code == 404
    assert client.get(permalink(quote, seen)).status_code == 200


def test_scheduled_version_replaced_before_its_time_is_404(client, quote):
    scheduled = saved(
        quote, text="Embargoed wording.", publish_at=timezone.now() + datetime.timedelta(hours=1)
    )
    saved(quote, text="Final wording.", publish_at=None)

    assert client.get(permalink(quote, scheduled)).status_code == 404


def test_unknown_kinds_and_versions_are_404(client, quote):
    citation = factories.CitationFactory(content_object=quote)
    record = citation.history.first()

    assert client.get(permalink(citation, record)).status_code == 404
    assert client.get("/versions/candidates.quote/999999/").status_code == 404
    assert client.get("/versions/auth.user/1/").status_code == 404


def test_candidate_version_shows_name_and_background(client):
    candidate = factories.CandidateFactory(
        full_name="Jason Palmer", occupation="Investor", hometown="Baltimore"
    )
    first = candidate.history.first()
    saved(candidate, occupation="Entrepreneur")

    page = client.get(permalink(candidate, first)).content.decode()

    assert "Jason Palmer" in page
    assert "Investor" in page
    assert "Baltimore" in page


def test_result_version_shows_the_numbers_then(client):
    result = factories.ResultFactory(votes=40, delegates_won=2)
    first = result.history.first()
    saved(result, votes=51)

    response = client.get(permalink(result, first))

    assert response.status_code == 200
    page = response.content.decode()
    assert "<dd>40</dd>" in page
    assert f'href="{result.contest.get_absolute_url()}">See the current version' in page


def test_result_version_of_a_draft_contest_is_404(client):
    result = factories.ResultFactory(contest=factories.ContestFactory(status=Status.DRAFT))

    assert client.get(permalink(result, result.history.first())).status_code == 404


def test_source_version_never_shows_the_internal_note(client):
    source = factories.SourceFactory(internal_note="Editors only: tip from a friend.")

    page = client.get(permalink(source, source.history.first())).content.decode()

    assert "tip from a friend" not in page


def render_versions(item) -> str:
    template = Template('{% include "newsroom/editorial/_versions.html" with item=item %}')
    return template.render(Context({"item": item}))


def test_versions_list_links_published_versions_and_not_drafts(quote):
    draft_quote = factories.QuoteFactory(candidate=quote.candidate, status=Status.DRAFT)
    saved(quote, text="Second wording.")

    listed = render_versions(quote)

    for record in quote.history.all():
        assert permalink(quote, record) in listed
    assert render_versions(draft_quote).strip() == ""


def test_versions_list_shows_on_the_public_quote_page(client, quote):
    saved(quote, text="Second wording.")

    page = client.get(quote.get_absolute_url()).content.decode()

    assert permalink(quote, quote.history.first()) in page


def test_versions_list_queries_do_not_grow_with_versions(quote):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            render_versions(quote)
        return len(captured.captured_queries)

    few = queries()
    for n in range(30):
        saved(quote, context=f"Context {n}")

    assert queries() == few
    assert few <= 2


def test_version_page_queries_do_not_grow_with_versions(client, quote):
    first = quote.history.first()

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(permalink(quote, first)).status_code == 200
        return len(captured.captured_queries)

    few = queries()
    for n in range(30):
        saved(quote, context=f"Context {n}")

    assert queries() == few


def test_versions_list_is_empty_for_an_item_unpublished_now(quote):
    saved(quote, text="Second wording.")
    saved(quote.candidate, status=Status.UNPUBLISHED)

    assert render_versions(quote).strip() == ""


def test_versions_list_leaves_out_versions_replaced_while_the_parent_was_a_draft():
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    quote = factories.QuoteFactory(candidate=candidate, text="Said before the launch.")
    unseen = quote.history.first()
    seen = saved(quote, text="Said at the launch.")
    saved(candidate, status=Status.PUBLISHED)

    listed = render_versions(quote)

    assert permalink(quote, seen) in listed
    assert permalink(quote, unseen) not in listed


def test_versions_list_follows_the_grandparent_too():
    jurisdiction = factories.JurisdictionFactory(status=Status.DRAFT)
    contest = factories.ContestFactory(jurisdiction=jurisdiction, ballots_cast=80)
    fact = factories.ContestFactFactory(contest=contest, statement="Turnout was low.")
    unseen = fact.history.first()
    seen = saved(fact, statement="Turnout was 80.")
    saved(jurisdiction, status=Status.PUBLISHED)

    listed = render_versions(fact)

    assert permalink(fact, seen) in listed
    assert permalink(fact, unseen) not in listed
