"""The seed newsroom carries every figure, name and quote of the three seed articles."""

import re
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from candidates.models import Candidate, CareerEntry, Fact, PlatformPosition, Quote
from newsroom.editorial.publishing import Status
from newsroom.models import Citation, Outlet, Source
from results.models import Contest, ContestFact, Jurisdiction, RaceCall, Result, Snapshot

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
ARTICLE_FILES = {
    "fox-news-palmer-american-samoa": ("000_", 1),
    "abc-news-who-is-jason-palmer": ("001_", 2),
    "cnn-who-is-jason-palmer": ("002_", 1),
}

pytestmark = pytest.mark.django_db


def body_paragraphs(source_slug: str) -> list[str]:
    """The article's paragraphs after its headline block, numbered from 1 as our pinpoints."""
    prefix, skip = ARTICLE_FILES[source_slug]
    matches = list(SEEDS.glob(f"{prefix}*.txt"))
    assert matches, f"seed article {prefix}* not found in {SEEDS} (../shared must sit beside us)"
    text = matches[0].read_text()
    return [p.strip() for p in text.split("\n\n") if p.strip()][skip:]


def words(text: str) -> list[str]:
    return re.findall(r"[\w’']+", text)


def test_seed_loads_the_expected_number_of_rows(seed_newsroom):
    assert Outlet.objects.count() == 9
    assert Source.objects.count() == 3
    assert Candidate.objects.count() == 6
    assert Quote.objects.count() == 23
    assert Fact.objects.count() == 9
    assert CareerEntry.objects.count() == 4
    assert PlatformPosition.objects.count() == 7
    assert Jurisdiction.objects.count() == 1
    assert Contest.objects.count() == 4
    assert Result.objects.count() == 7
    assert ContestFact.objects.count() == 7
    assert Snapshot.objects.count() == 2


def test_second_run_creates_and_changes_nothing(seed_newsroom):
    history_before = Quote.history.count() + Result.history.count() + Citation.history.count()
    out = StringIO()
    call_command("seed_newsroom", stdout=out)
    assert "0 created, 0 updated" in out.getvalue()
    assert Quote.history.count() + Result.history.count() + Citation.history.count() == (
        history_before
    )


def test_command_reports_progress_per_section(db):
    out = StringIO()
    call_command("seed_newsroom", stdout=out)
    for section in ["Outlets", "Sources", "Candidates", "Quotes", "Contests"]:
        assert re.search(rf"^{section}\n  [a-z ]+\s+\d+ created", out.getvalue(), re.MULTILINE)


def test_2024_democratic_caucus_figures(seed_newsroom):
    contest = Contest.objects.get(slug="2024-american-samoa-democratic-caucuses")
    assert (contest.ballots_cast, contest.delegates_at_stake) == (91, 6)
    assert contest.reporting_percent == Decimal("99.00")
    assert contest.held_on.isoformat() == "2024-03-05"
    palmer = contest.results.get(candidate__slug="jason-palmer")
    biden = contest.results.get(candidate__slug="joe-biden")
    assert (palmer.votes, palmer.reported_share, palmer.outcome) == (51, Decimal("56"), "won")
    assert (biden.votes, biden.reported_share, biden.outcome) == (40, Decimal("44"), "lost")


def test_unknown_delegate_split_is_stored_as_unknown_not_zero(seed_newsroom):
    contest = Contest.objects.get(slug="2024-american-samoa-democratic-caucuses")
    assert list(contest.results.values_list("delegates_won", flat=True)) == [None, None]


def test_counts_and_shares_each_keep_their_own_source(seed_newsroom):
    palmer = Result.objects.get(
        contest__slug="2024-american-samoa-democratic-caucuses", candidate__slug="jason-palmer"
    )
    by_field = {c.field_name: c.source.outlet.name for c in palmer.citations.all()}
    assert by_field["votes"] == "Fox News"
    assert by_field["reported_share"] == "ABC News"


def test_2020_contest_results(seed_newsroom):
    contest = Contest.objects.get(slug="2020-american-samoa-democratic-contest")
    votes = dict(contest.results.values_list("candidate__full_name", "votes"))
    assert votes == {
        "Michael Bloomberg": 175,
        "Tulsi Gabbard": 103,
        "Bernie Sanders": 37,
        "Joe Biden": 31,
    }
    assert contest.ballots_cast is None


def test_2016_republican_caucus_has_a_winner_but_no_counts(seed_newsroom):
    result = Result.objects.get(contest__slug="2016-american-samoa-republican-caucuses")
    assert (result.candidate.full_name, result.outcome, result.votes) == (
        "Donald Trump",
        "won",
        None,
    )


def test_2024_republican_caucus_keeps_friday_beside_the_derived_date(seed_newsroom):
    contest = Contest.objects.get(slug="2024-american-samoa-republican-caucuses")
    assert contest.held_on_as_reported == "Friday"
    assert contest.held_on.isoformat() == "2024-03-08"
    assert contest.count_status == Contest.CountStatus.SCHEDULED
    citation = contest.citations.get(field_name="held_on")
    assert "will be held on Friday" in citation.quoted_passage
    assert "March 6, 2024" in citation.note


def test_palmer_profile_facts(seed_newsroom):
    palmer = Candidate.objects.get(slug="jason-palmer")
    assert (palmer.age, palmer.age_as_of_display, palmer.hometown) == (
        52,
        "March 2024",
        "Baltimore",
    )
    assert palmer.self_funding_amount == Decimal("500000")
    assert palmer.campaign_launched_on_display == "November 2023"
    assert palmer.campaign_staff_on_ground == 3
    assert palmer.has_held_office is False
    cited_fields = set(palmer.citations.values_list("field_name", flat=True))
    assert {"age", "hometown", "occupation", "self_funding_amount"} <= cited_fields


def test_source_metadata_keeps_known_precision(seed_newsroom):
    fox = Source.objects.get(slug="fox-news-palmer-american-samoa")
    abc = Source.objects.get(slug="abc-news-who-is-jason-palmer")
    cnn = Source.objects.get(slug="cnn-who-is-jason-palmer")
    assert fox.published_on_display == "March 2024"
    assert abc.published_on_display == "March 6, 2024"
    assert cnn.published_on is None
    assert fox.contributors.get().outlet.name == "The Associated Press"
    assert list(abc.contributors.values_list("name", flat=True)) == [
        "Libby Cathey",
        "Oren Oppenheim",
        "Brittany Shepherd",
    ]


def test_quote_venues_record_where_it_was_said(seed_newsroom):
    zoom = Quote.objects.get(text__contains="Zoom town halls")
    assert zoom.speaker_name == "Jason Palmer"
    coates = Quote.objects.get(text__startswith="I’m just proud")
    assert (coates.venue, coates.venue_outlet.name, coates.interviewer) == (
        "interview",
        "CNN",
        "Laura Coates",
    )
    x_post = Quote.objects.get(text__startswith="Honored to announce")
    assert x_post.venue_outlet.name == "X"
    assert set(x_post.citations.values_list("source__outlet__name", flat=True)) == {
        "Fox News",
        "CNN",
    }


@pytest.mark.parametrize(
    "model", [Quote, Fact, CareerEntry, PlatformPosition, ContestFact, Result, RaceCall]
)
def test_every_seeded_statement_has_a_source(seed_newsroom, model):
    uncited = [obj for obj in model.objects.all() if not obj.citations.exists()]
    assert uncited == []


def test_everything_seeded_is_published(seed_newsroom):
    for model in [Outlet, Source, Candidate, Quote, Fact, Contest, Jurisdiction, ContestFact]:
        assert not model.objects.exclude(status=Status.PUBLISHED).exists(), model


def test_every_cited_passage_is_verbatim_at_its_pinpoint(seed_newsroom):
    checked = 0
    for citation in Citation.objects.select_related("source"):
        paragraphs = body_paragraphs(citation.source.slug)
        number = int(citation.pinpoint.removeprefix("para. "))
        assert citation.quoted_passage in paragraphs[number - 1], citation
        checked += 1
    assert checked == Citation.objects.count() > 100


def test_every_quote_is_word_for_word_in_a_reporting_article(seed_newsroom):
    for quote in Quote.objects.prefetch_related("citations"):
        quoted = words(quote.text)
        found = False
        for citation in quote.citations.all():
            remaining = iter(words(citation.quoted_passage))
            found = found or all(word in remaining for word in quoted)
        assert found, quote
