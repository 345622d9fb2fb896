"""Version permalinks read like the page did: the item as readers saw it then, its results
table, footnotes with outlet and pinpoint and the sources as they were, under a banner that
links to the current version; never a version readers could not see."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.editorial.publishing import Status
from newsroom.models import Source
from results.models import Contest, Result
from results.services import import_results
from tests.support import factories
from tests.support.admin_forms import CHANGE_NOTE, admin_url, page_data

pytestmark = pytest.mark.django_db

CAUCUS = "2024-american-samoa-democratic-caucuses"
WIRE_URL = "https://results.example.org/as-democratic-caucus"
BIDEN_39 = (
    "contest,candidate,votes,as_of,source_url\n"
    f"{CAUCUS},joe-biden,39,2024-03-05T22:00:00-11:00,{WIRE_URL}\n"
)


def permalink(item, record) -> str:
    return reverse("versions:version_detail", args=[item._meta.label_lower, record.history_id])


def text(response) -> str:
    """The page's text, tags removed and whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def row_of(page: str, name: str) -> str:
    """The results-table row of a candidate, as text."""
    rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", page, flags=re.S)
    found = [row for row in rows if name in row]
    assert found, f"no results row for {name}"
    return " ".join(re.sub(r"<[^>]+>", " ", found[0]).split())


@pytest.fixture
def caucus(seed_newsroom):
    return Contest.objects.get(slug=CAUCUS)


@pytest.fixture
def wire(seed_newsroom):
    return factories.SourceFactory(url=WIRE_URL, headline="American Samoa caucus count")


def apply_import(content: str):
    import_results(content.encode(), filename="biden.csv", dry_run=False)


# The seed contest ---------------------------------------------------------------------------


def test_seed_contest_version_shows_its_results_table_and_footnotes(client, caucus):
    response = client.get(permalink(caucus, caucus.history.first()))

    assert response.status_code == 200
    page = response.content.decode()
    assert '<table class="results">' in page
    assert re.search(r"Jason Palmer .*\b51\b", row_of(page, "Jason Palmer"))
    assert re.search(r"Joe Biden .*\b40\b", row_of(page, "Joe Biden"))
    # Footnotes: outlet and pinpoint, and the cited passage one click away.
    words = text(response)
    assert "Fox News, para. 3" in words
    assert "Biden won 40" in words
    assert 'href="#source-1"' in page
    assert re.search(r'<li id="source-1">', page)


def test_version_banner_says_which_version_and_links_to_the_current_page(client, caucus):
    record = caucus.history.first()

    response = client.get(permalink(caucus, record))

    page = response.content.decode()
    assert "Version of" in page
    assert f'<a href="{caucus.get_absolute_url()}">See the current version</a>' in page
    assert response["X-Robots-Tag"] == "noindex"


def test_version_page_has_no_live_only_controls(client, caucus):
    page = client.get(permalink(caucus, caucus.history.first())).content.decode()
    live = client.get(caucus.get_absolute_url()).content.decode()

    assert 'class="cite"' in live
    assert 'class="cite"' not in page
    assert "Earlier versions" not in page


# After an edit ------------------------------------------------------------------------------


def test_after_an_import_the_old_permalink_keeps_the_old_figure_and_sources(client, caucus, wire):
    seed_version = caucus.history.first()

    apply_import(BIDEN_39)

    old = client.get(permalink(caucus, seed_version))
    assert old.status_code == 200
    assert re.search(r"Joe Biden .*\b40\b", row_of(old.content.decode(), "Joe Biden"))
    assert " 39 " not in row_of(old.content.decode(), "Joe Biden")
    assert wire.title not in old.content.decode()

    current = client.get(caucus.get_absolute_url()).content.decode()
    assert re.search(r"Joe Biden .*\b39\b", row_of(current, "Joe Biden"))
    assert wire.title in current

    new_version = caucus.history.first()
    assert new_version.history_id != seed_version.history_id
    new = client.get(permalink(caucus, new_version)).content.decode()
    assert re.search(r"Joe Biden .*\b39\b", row_of(new, "Joe Biden"))
    assert wire.title in new
    # The count update the import recorded is in the new version's count, not the old one's.
    assert "Imported from biden.csv." in new
    assert "Imported from biden.csv." not in old.content.decode()


def test_an_imports_rows_are_recorded_no_earlier_than_its_contest(caucus, wire):
    # The contest's record opens the import's version; a version reads the rows recorded
    # before its end, so rows of the same moment belong to it (one moment for the import).
    before = caucus.history.first().history_date
    apply_import(BIDEN_39)

    contest_saved = caucus.history.first().history_date
    assert contest_saved > before
    biden = Result.objects.get(contest=caucus, candidate__slug="joe-biden")
    assert biden.history.first().history_date >= contest_saved
    cited = biden.citations.get(source=wire).history.first().history_date
    assert cited >= contest_saved


def test_import_version_of_the_seed_contest_footnotes_the_figures_it_brought(client, caucus, wire):
    apply_import(BIDEN_39)

    page = client.get(permalink(caucus, caucus.history.first())).content.decode()

    biden = row_of(page, "Joe Biden")
    number = page.split(wire.title)[0].count('<li id="source-')
    assert f"[{number}]" in biden  # the wire's footnote marks the imported figure


def test_import_version_no_longer_footnotes_the_new_figure_with_the_old_figures_source(
    client, caucus, wire
):
    fox = Source.objects.get(outlet__name="Fox News")
    apply_import(BIDEN_39)

    page = client.get(permalink(caucus, caucus.history.first())).content.decode()

    # Fox News reported 40: its citation of Biden's votes is retired by the import.
    entries = re.findall(r'<li id="source-(\d+)">(.*?)(?=<li id="source-|</ol>)', page, re.S)
    listed = [int(n) for n, entry in entries if f'href="{fox.get_absolute_url()}"' in entry]
    markers = re.search(r"Joe Biden .*?\b39((?: \[\d+\])*)", row_of(page, "Joe Biden")).group(1)
    assert markers  # the wire's
    assert len(listed) == 1  # it still footnotes Palmer's 51
    assert f"[{listed[0]}]" not in markers


# Quotes and facts ---------------------------------------------------------------------------


def saved(item, **changes):
    for name, value in changes.items():
        setattr(item, name, value)
    item.save()
    return item.history.first()


@pytest.fixture
def palmer():
    return factories.CandidateFactory(full_name="Jason Palmer")


def test_quote_version_reads_like_the_quote_page_with_its_sources_then(client, palmer):
    quote = factories.QuoteFactory(
        candidate=palmer, text="We will win American Samoa.", speaker_role="entrepreneur"
    )
    first_source = factories.SourceFactory(headline="Palmer on the campaign trail")
    cited = factories.CitationFactory(
        content_object=quote,
        source=first_source,
        pinpoint="para. 4",
        quoted_passage="We will win American Samoa.",
    )
    first = saved(quote, context="Before the caucus.")
    later_source = factories.SourceFactory(headline="Palmer after the caucus")
    saved(quote, text="We won American Samoa.", context="After the caucus.")
    cited.delete()
    factories.CitationFactory(content_object=quote, source=later_source, pinpoint="para. 9")

    old = client.get(permalink(quote, first))
    current = client.get(quote.get_absolute_url())

    assert old.status_code == 200
    old_page, current_page = old.content.decode(), current.content.decode()
    assert '<blockquote class="quote quote-large"><p>“We will win American Samoa.”' in old_page
    assert "Before the caucus." in old_page
    assert "Palmer on the campaign trail" in old_page
    assert f"{first_source.outlet.name}, para. 4" in text(old)
    assert "Palmer after the caucus" not in old_page
    assert '<a href="#source-1"' in old_page
    assert "Reported by" in old_page
    assert "“We won American Samoa.”" in current_page
    assert "Palmer after the caucus" in current_page
    assert "Palmer on the campaign trail" not in current_page
    assert f'<a href="{quote.get_absolute_url()}">See the current version</a>' in old_page


def test_fact_version_reads_like_the_fact_page(client, palmer):
    fact = factories.FactFactory(candidate=palmer, statement="Won the caucus by 11 votes.")
    factories.CitationFactory(
        content_object=fact,
        source=factories.SourceFactory(headline="Caucus count"),
        pinpoint="para. 3",
    )
    first = saved(fact, statement="Won the caucus by 11 votes, 51 to 40.")
    saved(fact, statement="Won the caucus, 51 votes to 40.")

    old = client.get(permalink(fact, first))

    page = old.content.decode()
    assert "<h1>Fact about Jason Palmer</h1>" in page
    assert '<p class="lede">Won the caucus by 11 votes, 51 to 40.' in page
    assert "Won the caucus, 51 votes to 40." not in page
    assert "Caucus count" in page
    assert "para. 3" in text(old)


def test_a_candidate_renamed_since_is_named_as_the_version_named_them(client, palmer):
    quote = factories.QuoteFactory(candidate=palmer)
    first = quote.history.first()
    saved(quote, context="Later context.")
    saved(palmer, full_name="Jason Michael Palmer")

    page = client.get(permalink(quote, first)).content.decode()

    assert ">Jason Palmer</a>" in page
    assert "Jason Michael Palmer" not in page


def test_a_source_unpublished_since_is_not_listed_on_old_versions(client, palmer):
    quote = factories.QuoteFactory(candidate=palmer)
    source = factories.SourceFactory(headline="Withdrawn report")
    factories.CitationFactory(content_object=quote, source=source)
    first = saved(quote, context="Context then.")
    saved(quote, context="Context now.")
    saved(source, status=Status.UNPUBLISHED)

    response = client.get(permalink(quote, first))

    assert response.status_code == 200
    assert "Withdrawn report" not in response.content.decode()


def test_a_source_that_was_a_draft_then_is_not_listed_on_that_version(client, palmer):
    quote = factories.QuoteFactory(candidate=palmer)
    source = factories.SourceFactory(headline="Report still in draft", status=Status.DRAFT)
    factories.CitationFactory(content_object=quote, source=source)
    first = saved(quote, context="Context then.")
    saved(quote, context="Context now.")
    saved(source, status=Status.PUBLISHED)

    then = client.get(permalink(quote, first)).content.decode()
    now = client.get(permalink(quote, quote.history.first())).content.decode()

    assert "Report still in draft" not in then
    assert "Report still in draft" in now


# Never a version readers could not see ------------------------------------------------------


def test_draft_versions_of_a_contest_are_404_and_show_nothing(client):
    contest = factories.ContestFactory(status=Status.DRAFT, summary="Draft summary words.")
    factories.ResultFactory(contest=contest, votes=51)
    draft = contest.history.first()
    published = saved(contest, status=Status.PUBLISHED, summary="Checked summary.")

    response = client.get(permalink(contest, draft))

    assert response.status_code == 404
    assert "Draft summary words." not in response.content.decode()
    assert client.get(permalink(contest, published)).status_code == 200


def test_versions_of_a_quote_never_published_are_404(client, palmer):
    quote = factories.QuoteFactory(candidate=palmer, status=Status.DRAFT, text="Never out.")
    saved(quote, text="Still never out.")

    for record in quote.history.all():
        response = client.get(permalink(quote, record))
        assert response.status_code == 404
        assert "never out" not in response.content.decode().lower()


def test_a_contest_fact_unpublished_since_is_not_on_old_versions(client):
    contest = factories.ContestFactory(summary="First summary.")
    fact = factories.ContestFactFactory(contest=contest, statement="Turnout note kept.")
    gone = factories.ContestFactFactory(contest=contest, statement="Turnout note withdrawn.")
    first = saved(contest, summary="Summary then.")
    saved(contest, summary="Summary now.")
    saved(gone, status=Status.UNPUBLISHED)

    page = client.get(permalink(contest, first)).content.decode()

    assert fact.statement in page
    assert "Turnout note withdrawn." not in page
    assert "Summary then." in page


def test_a_draft_contest_fact_then_is_not_on_that_version(client):
    contest = factories.ContestFactory()
    fact = factories.ContestFactFactory(
        contest=contest, statement="Turnout note in draft.", status=Status.DRAFT
    )
    first = saved(contest, summary="Summary then.")
    saved(contest, summary="Summary now.")
    saved(fact, status=Status.PUBLISHED)

    assert "Turnout note in draft." not in client.get(permalink(contest, first)).content.decode()
    latest = client.get(permalink(contest, contest.history.first())).content.decode()
    assert "Turnout note in draft." in latest


# Bounded ------------------------------------------------------------------------------------


def contest_with_results(count: int) -> Contest:
    contest = factories.ContestFactory(ballots_cast=None, delegates_at_stake=None)
    factories.CitationFactory(content_object=contest, field_name="count_status")
    for n in range(count):
        result = factories.ResultFactory(contest=contest, votes=n + 1, position=n)
        source = factories.SourceFactory()
        factories.ContributorFactory(source=source)
        factories.CitationFactory(
            content_object=result, source=source, field_name="votes", pinpoint=f"para. {n + 1}"
        )
    factories.ContestFactFactory(contest=contest)
    factories.RaceCallFactory(
        contest=contest,
        winner=contest.results.first().candidate,
        confirmed_by=factories.DeskUserFactory(),
    )
    saved(contest, summary="A summary.")
    return contest


def version_queries(client, contest) -> tuple[int, str]:
    url = permalink(contest, contest.history.first())
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def test_contest_version_queries_do_not_grow_with_its_results(client):
    few, few_page = version_queries(client, contest_with_results(2))
    many, many_page = version_queries(client, contest_with_results(12))

    assert few_page.count('<th scope="row">') == 2
    assert many_page.count('<th scope="row">') == 12
    # The contest's source, one a result, the race call's.
    assert many_page.count('<li id="source-') == 12 + 2
    assert "Race call:" in many_page
    assert many == few


def test_quote_version_queries_do_not_grow_with_its_citations(client, palmer):
    def queries(citations: int) -> int:
        quote = factories.QuoteFactory(candidate=palmer)
        for n in range(citations):
            source = factories.SourceFactory()
            factories.ContributorFactory(source=source)
            factories.CitationFactory(content_object=quote, source=source, pinpoint=f"para. {n}")
        record = saved(quote, context="Checked.")
        with CaptureQueriesContext(connection) as captured:
            page = client.get(permalink(quote, record)).content.decode()
        assert page.count('<li id="source-') == citations
        return len(captured.captured_queries)

    assert queries(2) == queries(12)


def test_after_an_edit_in_the_contest_form_the_old_permalink_keeps_the_old_figure(
    admin_client_logged_in, client, caucus
):
    seed_version = caucus.history.first()
    biden = Result.objects.get(contest=caucus, candidate__slug="joe-biden")
    url = admin_url(Contest, "change", caucus.pk)
    data = page_data(admin_client_logged_in.get(url))
    row = next(key for key, value in data.items() if key.endswith("-id") and value == str(biden.pk))

    response = admin_client_logged_in.post(
        url, data | {row.replace("-id", "-votes"): "39"} | CHANGE_NOTE
    )

    assert response.status_code == 302
    assert Result.objects.get(pk=biden.pk).votes == 39
    old = client.get(permalink(caucus, seed_version)).content.decode()
    assert re.search(r"Joe Biden .*\b40\b", row_of(old, "Joe Biden"))
    new = client.get(permalink(caucus, caucus.history.first())).content.decode()
    assert re.search(r"Joe Biden .*\b39\b", row_of(new, "Joe Biden"))


def test_links_on_an_old_version_go_to_todays_addresses(client, palmer):
    quote = factories.QuoteFactory(candidate=palmer)
    first = quote.history.first()
    saved(quote, context="Later context.")
    saved(palmer, slug="jason-palmer-investor")

    page = client.get(permalink(quote, first)).content.decode()

    assert 'href="/candidates/jason-palmer-investor/"' in page
    assert client.get("/candidates/jason-palmer-investor/").status_code == 200
