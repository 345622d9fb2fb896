"""Disagreement is said out loud: where sources give different figures or states for one field
of a contest or result, the contest page says "sources differ" beside it and shows each value
with its source; an update imported from one source shows only that source's figures."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from newsroom.models import Outlet
from results.models import Contest
from tests.support import factories
from tests.support.reader import visible_text

pytestmark = pytest.mark.django_db

PALMER_CAUCUS = "/contests/2024-american-samoa-democratic-caucuses/"


def status_text(response) -> str:
    return re.search(r"Status Status (.*?) Date ", visible_text(response), re.S)[1]


def test_seed_caucus_status_says_the_sources_differ_and_shows_each_reading(client, seed_newsroom):
    response = client.get(PALMER_CAUCUS)

    status = status_text(response)
    assert "sources differ" in status
    assert re.search(
        r"Shown: “Final”: Fox News, para\. 3; ABC News, para\. 2 \[\d\] \[\d\]", status
    )
    assert re.search(
        r"“99% of the expected vote reporting, Palmer leads”: ABC News, para\. 3 \[\d\]", status
    )
    # The other fields of the seed caucus agree across sources.
    assert visible_text(response).count("sources differ") == 1


def test_a_differing_source_is_not_a_marker_of_the_value_shown(client):
    contest = factories.ContestFactory(count_status=Contest.CountStatus.FINAL)
    final = factories.CitationFactory(
        content_object=contest, field_name="count_status", source__outlet__name="Island Herald"
    )
    factories.CitationFactory(
        content_object=contest,
        field_name="count_status",
        source__outlet__name="Coral Times",
        pinpoint="para. 7",
        value_as_reported="Still counting",
    )

    response = client.get(contest.get_absolute_url())

    scoreboard = response.context["scoreboard"]
    assert [note.source for note in scoreboard.contest_notes["count_status"]] == [final.source]
    status = status_text(response)
    assert "Shown: “Final”: Island Herald [1]" in status
    assert "“Still counting”: Coral Times, para. 7 [2]" in status


def test_a_result_figure_given_differently_by_two_sources_shows_both(client):
    result = factories.ResultFactory(votes=51, reported_share="56.00")
    factories.CitationFactory(
        content_object=result, field_name="reported_share", source__outlet__name="Island Herald"
    )
    factories.CitationFactory(
        content_object=result,
        field_name="reported_share",
        source__outlet__name="Coral Times",
        pinpoint="para. 2",
        value_as_reported="57%",
    )

    text = visible_text(client.get(result.contest.get_absolute_url()))

    assert re.search(
        r"56% \[1\] sources differ Shown: “56%”: Island Herald \[1\] "
        r"“57%”: Coral Times, para\. 2 \[2\]",
        text,
    )


def test_a_page_where_sources_agree_says_nothing_of_differences(client):
    contest = factories.ContestFactory()
    factories.CitationFactory(content_object=contest, field_name="count_status")

    assert "sources differ" not in visible_text(client.get(contest.get_absolute_url()))


@pytest.mark.parametrize("differing", [1, 30])
def test_differences_cost_no_queries_per_citation(client, django_assert_max_num_queries, differing):
    result = factories.ResultFactory()
    for number in range(differing):
        factories.CitationFactory(
            content_object=result,
            field_name="votes",
            pinpoint=f"para. {number}",
            quoted_passage=f"Passage {number}.",
            value_as_reported=str(number),
        )
    factories.CitationFactory(content_object=result.contest, field_name="count_status")
    with django_assert_max_num_queries(30):
        assert client.get(result.contest.get_absolute_url()).status_code == 200


def test_an_update_from_the_associated_press_shows_only_its_own_figures(
    client, seed_newsroom, tmp_path
):
    ap = factories.SourceFactory(
        outlet=Outlet.objects.get(slug="the-associated-press"),
        url="https://apnews.example.org/american-samoa-count",
    )
    file = tmp_path / "ap.csv"
    file.write_text(
        "contest,candidate,votes,share,delegates,reporting_percent,as_of,source_url\n"
        "2024-american-samoa-democratic-caucuses,jason-palmer,51,,,,"
        f"2024-03-06T09:00:00-11:00,{ap.url}\n"
        "2024-american-samoa-democratic-caucuses,joe-biden,40,,,,"
        f"2024-03-06T09:00:00-11:00,{ap.url}\n",
        encoding="utf-8",
    )
    call_command("import_results", str(file), "--apply", stdout=StringIO(), stderr=StringIO())

    response = client.get(PALMER_CAUCUS)

    [step] = [s for s in response.context["count_steps"] if s.snapshot.source == ap]
    # Vote counts only, as the file gave them: not ABC's 56%/44% held on the results.
    assert [(e.candidate.slug, e.votes, e.share) for e in step.entries] == [
        ("joe-biden", 40, None),
        ("jason-palmer", 51, None),
    ]
    assert step.snapshot.reporting_percent is None
    html = response.content.decode()
    ap_step = re.search(r"<li>(?:(?!</li>).)*?The Associated Press.*?</table>", html, re.S)[0]
    assert "56%" not in ap_step and "44%" not in ap_step
