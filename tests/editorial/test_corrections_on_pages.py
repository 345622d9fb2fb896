"""Every public detail page shows the corrections and updates of what it shows, with dates,
type, public note and what changed; only of items that are public now; and the editor's
note at the top."""

import datetime

import pytest
from django.utils import timezone

from newsroom.editorial.publishing import Status
from newsroom.models import Correction
from tests.support import factories

pytestmark = pytest.mark.django_db

SECTION = 'id="corrections-heading"'


def correct(item, note, **options):
    return factories.CorrectionFactory(content_object=item, note=note, **options)


def page(client, item_or_url):
    url = item_or_url if isinstance(item_or_url, str) else item_or_url.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200, url
    return response.text


def test_quote_page_shows_its_correction_with_date_type_note_and_change(client):
    quote = factories.QuoteFactory(text="We will win.")
    correct(
        quote,
        "An earlier version misquoted the candidate.",
        kind=Correction.Kind.CORRECTION,
        created_at=datetime.datetime(2024, 3, 7, 12, 0, tzinfo=datetime.UTC),
        changes={"text": {"label": "verbatim text", "from": "We win.", "to": "We will win."}},
    )

    html = page(client, quote)

    assert SECTION in html
    assert "March 7, 2024" in html
    assert ">Correction<" in html
    assert "An earlier version misquoted the candidate." in html
    assert "Verbatim text: We win. → We will win." in html


def test_changes_to_private_fields_are_never_shown(client):
    source = factories.SourceFactory()
    correct(
        source,
        "Headline fixed.",
        changes={
            "headline": {"label": "headline", "from": "Old", "to": "New"},
            "internal_note": {"label": "internal note", "from": "", "to": "tip from a rival"},
        },
    )

    html = page(client, source)

    assert "Headline: Old → New" in html
    assert "tip from a rival" not in html
    assert "Internal note" not in html


def test_a_page_without_corrections_has_no_corrections_section(client):
    assert SECTION not in page(client, factories.QuoteFactory())


def test_fact_page_shows_its_correction(client):
    fact = factories.FactFactory()
    correct(fact, "The date of the event was wrong.", kind=Correction.Kind.CLARIFICATION)

    html = page(client, fact)

    assert "The date of the event was wrong." in html
    assert ">Clarification<" in html


def test_source_page_shows_its_correction(client):
    source = factories.SourceFactory()
    correct(source, "The byline was incomplete.")

    assert "The byline was incomplete." in page(client, source)


def test_place_page_shows_its_correction(client):
    place = factories.JurisdictionFactory()
    correct(place, "The description named the wrong capital.")

    assert "The description named the wrong capital." in page(client, place)


def test_profile_shows_corrections_of_the_candidate_and_of_its_public_parts(client):
    candidate = factories.CandidateFactory(full_name="Jason Palmer")
    correct(candidate, "Hometown corrected.")
    correct(factories.QuoteFactory(candidate=candidate), "Quote wording corrected.")
    correct(factories.FactFactory(candidate=candidate), "Fact corrected.")
    correct(factories.CareerEntryFactory(candidate=candidate), "Career dates corrected.")
    correct(factories.PlatformPositionFactory(candidate=candidate), "Platform clarified.")

    html = page(client, candidate)

    for note in (
        "Hometown corrected.",
        "Quote wording corrected.",
        "Fact corrected.",
        "Career dates corrected.",
        "Platform clarified.",
    ):
        assert note in html


def test_profile_lists_corrections_newest_first(client):
    candidate = factories.CandidateFactory()
    now = timezone.now()
    correct(candidate, "Older note.", created_at=now - datetime.timedelta(days=2))
    correct(candidate, "Newer note.", created_at=now)

    html = page(client, candidate)

    assert html.index("Newer note.") < html.index("Older note.")


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW, Status.UNPUBLISHED])
def test_profile_hides_corrections_of_parts_that_are_not_public(client, status):
    candidate = factories.CandidateFactory()
    correct(factories.QuoteFactory(candidate=candidate, status=status), "Hidden quote note.")
    correct(factories.FactFactory(candidate=candidate, status=status), "Hidden fact note.")

    html = page(client, candidate)

    assert "Hidden quote note." not in html
    assert "Hidden fact note." not in html
    assert SECTION not in html


def test_profile_hides_corrections_of_a_part_scheduled_for_later(client):
    candidate = factories.CandidateFactory()
    later = timezone.now() + datetime.timedelta(days=1)
    correct(factories.QuoteFactory(candidate=candidate, publish_at=later), "Not yet.")

    assert "Not yet." not in page(client, candidate)


def test_contest_page_shows_corrections_of_the_contest_its_results_and_facts(client):
    contest = factories.ContestFactory()
    result = factories.ResultFactory(contest=contest, votes=52)
    correct(contest, "Ballots cast corrected.")
    correct(
        result,
        "Votes corrected after the party's recount.",
        kind=Correction.Kind.UPDATE,
        changes={"votes": {"label": "votes", "from": "51", "to": "52"}},
    )
    correct(factories.ContestFactFactory(contest=contest), "Fact about the caucus clarified.")

    html = page(client, contest)

    assert "Ballots cast corrected." in html
    assert "Votes corrected after the party&#x27;s recount." in html
    assert "Votes: 51 → 52" in html
    assert ">Update<" in html
    assert "Fact about the caucus clarified." in html


def test_contest_page_hides_corrections_of_a_draft_contest_fact(client):
    contest = factories.ContestFactory()
    correct(factories.ContestFactFactory(contest=contest, status=Status.DRAFT), "Draft fact note.")

    assert "Draft fact note." not in page(client, contest)


def test_corrections_of_another_item_stay_off_the_page(client):
    quote = factories.QuoteFactory()
    correct(factories.QuoteFactory(), "About the other quote.")

    assert "About the other quote." not in page(client, quote)


def test_corrections_section_links_to_all_corrections(client):
    quote = factories.QuoteFactory()
    correct(quote, "A note.")

    assert 'href="/corrections/"' in page(client, quote)


@pytest.mark.parametrize(
    "make",
    [
        factories.CandidateFactory,
        factories.QuoteFactory,
        factories.FactFactory,
        factories.ContestFactory,
        factories.SourceFactory,
        factories.JurisdictionFactory,
    ],
)
def test_editor_note_is_shown_at_the_top_of_every_detail_page(client, make):
    item = make(editor_note="This page was updated on caucus night as the count came in.")

    html = page(client, item)

    assert "Editor’s note" in html
    assert "This page was updated on caucus night as the count came in." in html
    assert html.index("Editor’s note") < html.index("<h1")


def test_no_editor_note_no_box(client):
    assert "Editor’s note" not in page(client, factories.QuoteFactory(editor_note=""))


def test_correction_notes_are_escaped(client):
    quote = factories.QuoteFactory()
    correct(quote, "<script>alert('x')</script>")

    html = page(client, quote)

    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


# Query counts: the section costs one query, whatever the number of corrections.


def _profile_with_corrections(count):
    candidate = factories.CandidateFactory()
    for _ in range(count):
        quote = factories.QuoteFactory(candidate=candidate)
        correct(quote, "Quote corrected.")
        correct(candidate, "Candidate corrected.")
    return candidate


@pytest.mark.parametrize("count", [1, 40])
def test_profile_queries_do_not_grow_with_corrections(
    client, django_assert_max_num_queries, settings, count
):
    settings.PROFILE_LATEST_ITEMS = 10
    candidate = _profile_with_corrections(count)
    client.get(candidate.get_absolute_url())  # fills the content-type cache
    with django_assert_max_num_queries(17):
        html = page(client, candidate)
    # The candidate's own, and those of the quotes the profile shows (the latest ten); the
    # others' are on the pages of all quotes, where those quotes are.
    assert html.count("Candidate corrected.") == count
    assert html.count("Quote corrected.") == min(count, 10)
    all_quotes = page(client, f"/candidates/{candidate.slug}/quotes/")
    assert all_quotes.count("Quote corrected.") == count
    assert "Candidate corrected." not in all_quotes


@pytest.mark.parametrize("count", [1, 40])
def test_contest_queries_do_not_grow_with_corrections(client, django_assert_max_num_queries, count):
    contest = factories.ContestFactory(ballots_cast=None, delegates_at_stake=None)
    for position in range(count):
        result = factories.ResultFactory(contest=contest, position=position)
        correct(result, "Result updated.")
        correct(factories.ContestFactFactory(contest=contest), "Fact corrected.")
    client.get(contest.get_absolute_url())
    with django_assert_max_num_queries(14):
        html = page(client, contest)
    assert html.count("Result updated.") == count


@pytest.mark.parametrize("count", [1, 40])
def test_quote_queries_do_not_grow_with_corrections(client, django_assert_max_num_queries, count):
    quote = factories.QuoteFactory()
    for _ in range(count):
        correct(quote, "Quote corrected.")
    client.get(quote.get_absolute_url())
    with django_assert_max_num_queries(8):
        html = page(client, quote)
    assert html.count("Quote corrected.") == count


@pytest.mark.parametrize("count", [1, 40])
@pytest.mark.parametrize(
    ("make", "limit"),
    [
        (factories.FactFactory, 8),
        (factories.SourceFactory, 9),
        (factories.JurisdictionFactory, 8),
    ],
)
def test_fact_source_and_place_queries_do_not_grow_with_corrections(
    client, django_assert_max_num_queries, make, limit, count
):
    item = make()
    for _ in range(count):
        correct(item, "Page corrected.")
    client.get(item.get_absolute_url())
    with django_assert_max_num_queries(limit):
        html = page(client, item)
    assert html.count("Page corrected.") == count


def test_api_contest_lists_its_public_corrections(client):
    contest = factories.ContestFactory(slug="as-caucus")
    correct(
        factories.ResultFactory(contest=contest),
        "Votes updated.",
        kind=Correction.Kind.UPDATE,
        changes={"votes": {"label": "votes", "from": "51", "to": "52"}},
    )
    correct(factories.ContestFactFactory(contest=contest, status=Status.DRAFT), "Draft fact note.")

    detail = client.get("/api/v1/contests/as-caucus/").json()
    listed = client.get("/api/v1/contests/").json()

    assert [c["note"] for c in detail["corrections"]] == ["Votes updated."]
    assert detail["corrections"][0]["kind"] == "update"
    assert detail["corrections"][0]["changes"] == ["Votes: 51 → 52"]
    assert "Draft fact note." not in str(listed)
    assert "Votes updated." in str(listed)
