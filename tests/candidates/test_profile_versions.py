"""A candidate profile's version permalink reads like the profile did then: key facts with
their footnotes, the latest quotes and facts, career, platform and contest history, built
from the rows as they were, with the sources as they were, under a banner linking to the
current profile; never a draft, then or now."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.models import Candidate
from newsroom.editorial.publishing import Status
from newsroom.models import Source
from results.services import import_results
from tests.support import factories

pytestmark = pytest.mark.django_db

CAUCUS = "2024-american-samoa-democratic-caucuses"
WIRE_URL = "https://results.example.org/as-democratic-caucus"


def permalink(item, record) -> str:
    return reverse("versions:version_detail", args=[item._meta.label_lower, record.history_id])


def text(response) -> str:
    """The page's text, tags removed and whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def saved(item, **changes):
    for name, value in changes.items():
        setattr(item, name, value)
    item.save()
    return item.history.first()


def key_fact(page: str, label: str) -> str:
    """The key fact's value, with its note markers, as text."""
    found = re.search(rf"<dt>{label}</dt>\s*<dd>(.*?)</dd>", page, flags=re.S)
    assert found, f"no key fact {label}"
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())


def source_number(page: str, headline: str) -> int:
    """The number of the listed source whose entry names this headline."""
    entries = re.findall(r'<li id="source-(\d+)">(.*?)(?=<li id="source-|</ol>)', page, re.S)
    found = [int(n) for n, entry in entries if headline in html.unescape(entry)]
    assert found, f"{headline} is not listed"
    return found[0]


@pytest.fixture
def palmer():
    return factories.CandidateFactory(full_name="Jason Palmer", occupation="Investor")


def test_profile_version_shows_the_quote_as_it_was_with_its_source_then(client, palmer):
    quote = factories.QuoteFactory(candidate=palmer, text="Synthetic words, first wording.")
    source = factories.SourceFactory(headline="Synthetic report, first headline")
    factories.CitationFactory(content_object=quote, source=source, pinpoint="para. 4")
    then = saved(palmer, summary="Summary then.")

    saved(quote, text="Synthetic words, second wording.")
    saved(source, headline="Synthetic report, second headline")

    old = client.get(permalink(palmer, then))
    assert old.status_code == 200
    page = old.content.decode()
    assert "Synthetic words, first wording." in page
    assert "second wording" not in page
    assert "Synthetic report, first headline" in page
    assert "second headline" not in page
    assert f"{source.outlet.name}, para. 4" in text(old)
    assert "Summary then." in page
    current = client.get(palmer.get_absolute_url()).content.decode()
    assert "Synthetic words, second wording." in current
    assert "Synthetic report, second headline" in current


def test_a_key_fact_keeps_the_footnote_that_supported_its_value_then(client, palmer):
    first = factories.SourceFactory(headline="Profile report naming the investor")
    factories.CitationFactory(content_object=palmer, source=first, field_name="occupation")
    then = saved(palmer, summary="Summary then.")
    later = factories.SourceFactory(headline="Profile report naming the entrepreneur")

    saved(palmer, occupation="Entrepreneur")
    factories.CitationFactory(content_object=palmer, source=later, field_name="occupation")

    old = client.get(permalink(palmer, then)).content.decode()
    assert key_fact(old, "Occupation") == f"Investor [{source_number(old, first.headline)}]"
    assert later.headline not in old
    new = client.get(permalink(palmer, palmer.history.first())).content.decode()
    assert key_fact(new, "Occupation") == f"Entrepreneur [{source_number(new, later.headline)}]"
    # Retired: it supported "Investor", not the value shown now.
    assert first.headline not in new


def test_a_quote_that_was_a_draft_then_is_not_on_that_version(client, palmer):
    quote = factories.QuoteFactory(
        candidate=palmer, text="Synthetic words still in draft.", status=Status.DRAFT
    )
    then = saved(palmer, summary="Summary then.")

    saved(quote, status=Status.PUBLISHED)

    assert (
        "Synthetic words still in draft."
        not in client.get(permalink(palmer, then)).content.decode()
    )
    latest = client.get(permalink(palmer, palmer.history.first())).content.decode()
    assert "Synthetic words still in draft." in latest


def test_a_later_draft_quote_is_not_on_any_version(client, palmer):
    factories.QuoteFactory(candidate=palmer, text="Synthetic words, published.")
    saved(palmer, summary="Summary then.")

    factories.QuoteFactory(candidate=palmer, text="Synthetic words, a draft.", status=Status.DRAFT)

    for record in palmer.history.all():
        response = client.get(permalink(palmer, record))
        assert "Synthetic words, a draft." not in response.content.decode()
    latest = client.get(permalink(palmer, palmer.history.first())).content.decode()
    assert "Synthetic words, published." in latest


def test_a_quote_unpublished_since_and_its_unpublished_source_leave_old_versions(client, palmer):
    kept = factories.QuoteFactory(candidate=palmer, text="Synthetic words kept.")
    gone = factories.QuoteFactory(candidate=palmer, text="Synthetic words withdrawn.")
    withdrawn = factories.SourceFactory(headline="Synthetic report withdrawn")
    factories.CitationFactory(content_object=kept, source=withdrawn)
    then = saved(palmer, summary="Summary then.")

    saved(gone, status=Status.UNPUBLISHED)
    saved(withdrawn, status=Status.UNPUBLISHED)

    page = client.get(permalink(palmer, then)).content.decode()
    assert "Synthetic words kept." in page
    assert "Synthetic words withdrawn." not in page
    assert "Synthetic report withdrawn" not in page


def test_profile_version_has_the_banner_and_no_live_only_controls(client, palmer):
    factories.QuoteFactory(candidate=palmer)
    then = saved(palmer, summary="Summary then.")
    saved(palmer, summary="Summary now.")

    page = client.get(permalink(palmer, then)).content.decode()
    live = client.get(palmer.get_absolute_url()).content.decode()

    assert "Version of" in page
    assert f'<a href="{palmer.get_absolute_url()}">See the current version</a>' in page
    assert 'class="cite"' in live
    assert 'class="cite"' not in page
    assert "Earlier versions" not in page
    assert '<h2 id="facts-heading">Key facts</h2>' in page
    assert "Summary now." not in page


def test_profile_version_shows_the_contest_history_as_it_was(client, seed_newsroom):
    biden = Candidate.objects.get(slug="joe-biden")
    then = saved(biden, summary="Summary then.")
    factories.SourceFactory(url=WIRE_URL, headline="American Samoa caucus count")
    import_results(
        (
            "contest,candidate,votes,as_of,source_url\n"
            f"{CAUCUS},joe-biden,39,2024-03-05T22:00:00-11:00,{WIRE_URL}\n"
        ).encode(),
        filename="biden.csv",
        dry_run=False,
    )
    saved(biden, summary="Summary now.")

    old = client.get(permalink(biden, then))
    new = client.get(permalink(biden, biden.history.first()))

    history = re.compile(r"2024 American Samoa Democratic presidential caucuses (\d+) \[(\d+)\]")
    votes, note = history.search(text(old)).groups()
    assert votes == "40"
    fox = Source.objects.get(outlet__name="Fox News").title
    assert int(note) == source_number(old.content.decode(), fox)
    assert "American Samoa caucus count" not in old.content.decode()
    votes, note = history.search(text(new)).groups()
    assert votes == "39"
    assert int(note) == source_number(new.content.decode(), "American Samoa caucus count")


def profile_version_queries(client, quotes: int) -> tuple[int, str]:
    candidate = factories.CandidateFactory()
    factories.CitationFactory(content_object=candidate, field_name="occupation")
    for n in range(quotes):
        quote = factories.QuoteFactory(candidate=candidate)
        source = factories.SourceFactory()
        factories.ContributorFactory(source=source)
        factories.CitationFactory(content_object=quote, source=source, pinpoint=f"para. {n}")
    factories.FactFactory(candidate=candidate)
    factories.CareerEntryFactory(candidate=candidate)
    factories.PlatformPositionFactory(candidate=candidate)
    contest = factories.ContestFactory()
    result = factories.ResultFactory(contest=contest, candidate=candidate, votes=51)
    factories.CitationFactory(content_object=result, field_name="votes")
    record = saved(candidate, summary="Checked.")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(permalink(candidate, record))
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def test_profile_version_queries_do_not_grow_with_its_quotes(client, settings):
    few, few_page = profile_version_queries(client, 3)
    many, many_page = profile_version_queries(client, 30)

    shown = settings.PROFILE_LATEST_ITEMS
    assert few_page.count('<blockquote class="quote') == 3
    assert many_page.count('<blockquote class="quote') == shown
    assert "All 30 quotes by" in many_page
    # The candidate's source, one a quote shown, the result's.
    assert many_page.count('<li id="source-') == shown + 2
    assert many == few
