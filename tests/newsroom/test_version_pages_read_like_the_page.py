"""Version permalinks read like the page did: the item as readers saw it then, its results
table, footnotes with outlet and pinpoint and the sources as they were, under a banner that
links to the current version; never a version readers could not see."""

import datetime
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


def test_after_an_import_the_old_permalink_keeps_the_old_figure_and_sources(
    client, caucus, wire
):
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


def test_an_import_saves_the_contest_before_its_rows(caucus, wire):
    apply_import(BIDEN_39)

    contest_saved = caucus.history.first().history_date
    biden = Result.objects.get(contest=caucus, candidate__slug="joe-biden")
    assert biden.history.first().history_date > contest_saved
    cited = biden.citations.get(source=wire).history.first().history_date
    assert cited > contest_saved
