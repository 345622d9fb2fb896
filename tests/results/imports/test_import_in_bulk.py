"""An applied import writes in bulk and keeps what a row-by-row save guarantees.

Its cost does not grow with the file: the same number of queries for one contest of two
rows as for twelve contests of four. Every result and contest it changes has its edit
version moved on and a history record naming the importer; the citations it adds have
theirs; delegates moving between candidates never pass the stake mid-way; the page cache
hears of the writes.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.models import Citation
from results.models import Result
from results.services import import_results
from tests.support.editors import form_errors, open_change_form, save
from tests.support.factories import (
    ContestFactory,
    DeskUserFactory,
    ResultFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

AS_OF = "2024-03-06T10:00:00+00:00"
URL = "https://results.example.org/fictional-wire"
HEADER = "contest,candidate,votes,delegates,reporting_percent,as_of,source_url\n"


def fictional_contests(contests: int, rows: int, *, delegates=None):
    """Published fictional caucuses, each with `rows` results of 10 votes."""
    made = []
    for _ in range(contests):
        contest = ContestFactory(count_status="counting", reporting_percent=None)
        for position in range(1, rows + 1):
            ResultFactory(
                contest=contest,
                position=position,
                delegates_won=None if delegates is None else delegates[position - 1],
            )
        made.append(contest)
    return made


def results_file(contests, *, votes=11, delegates=None) -> bytes:
    lines = [HEADER]
    for contest in contests:
        for index, result in enumerate(contest.results.order_by("position")):
            given = "" if delegates is None else delegates[index]
            lines.append(
                f"{contest.slug},{result.candidate.slug},{votes},{given},50,{AS_OF},{URL}\n"
            )
    return "".join(lines).encode()


def applied(content: bytes, by):
    with CaptureQueriesContext(connection) as queries:
        plan = import_results(content, filename="wire.csv", dry_run=False, by=by)
    assert plan.is_valid, plan.problems
    return plan, len(queries)


@pytest.fixture
def wire():
    return SourceFactory(url=URL, headline="Fictional wire count")


def test_applying_costs_the_same_queries_for_two_rows_or_forty_eight(wire):
    editor = DeskUserFactory()
    small = fictional_contests(1, 2)
    large = fictional_contests(12, 4)

    _, small_queries = applied(results_file(small), editor)
    plan, large_queries = applied(results_file(large), editor)

    assert plan.changed == 48
    assert large_queries == small_queries
    assert set(Result.objects.filter(contest__in=large).values_list("votes", flat=True)) == {11}


def test_bulk_writes_move_versions_on_and_keep_history_naming_the_importer(wire):
    editor = DeskUserFactory()
    (contest,) = fictional_contests(1, 3)
    versions = dict(contest.results.values_list("pk", "version"))

    applied(results_file([contest], votes=12), editor)

    results = list(contest.results.all())
    assert {result.pk: result.version for result in results} == {
        pk: version + 1 for pk, version in versions.items()
    }
    for result in results:
        latest = result.history.order_by("-history_id").first()
        assert (latest.votes, latest.history_type, latest.history_user) == (12, "~", editor)
    contest.refresh_from_db()
    assert contest.reporting_percent == 50
    latest = contest.history.order_by("-history_id").first()
    assert (latest.reporting_percent, latest.history_user, latest.version) == (
        50,
        editor,
        contest.version,
    )
    cited = Citation.objects.filter(
        content_type=ContentType.objects.get_for_model(Result),
        object_id__in=[result.pk for result in results],
        source=wire,
    )
    assert sorted(cited.values_list("field_name", flat=True)) == ["votes"] * 3
    for citation in cited:
        record = citation.history.get()
        assert (record.history_type, record.history_user) == ("+", editor)


def test_a_second_import_from_the_same_source_adds_no_second_citation(wire):
    (contest,) = fictional_contests(1, 2)
    applied(results_file([contest], votes=12), None)
    applied(results_file([contest], votes=13), None)

    assert Citation.objects.filter(source=wire, field_name="votes").count() == 2


def test_delegates_moving_between_candidates_never_pass_the_stake_mid_way(wire):
    # The stake is 6: 4 + 2 becomes 2 + 4 in one file, whichever row the database writes
    # first (the falling row is written before the rising one).
    (contest,) = fictional_contests(1, 2, delegates=[4, 2])

    applied(results_file([contest], delegates=[2, 4]), None)

    assert list(contest.results.order_by("position").values_list("delegates_won", flat=True)) == [
        2,
        4,
    ]


def test_the_next_request_sees_the_imported_figures(wire, client):
    (contest,) = fictional_contests(1, 2)
    assert client.get(contest.get_absolute_url()).status_code == 200

    applied(results_file([contest], votes=17), None)

    assert "17" in client.get(contest.get_absolute_url()).content.decode()


def test_an_edit_opened_before_the_import_is_refused_not_saved_over_it(wire, alice):
    # The import moves each row's edit version on, as a save would: the editor's form,
    # opened before it, cannot write the old figures back over the imported ones.
    (contest,) = fictional_contests(1, 2)
    contest.status = "draft"
    contest.save()
    first = contest.results.order_by("position").first()
    _, data = open_change_form(alice, contest)

    applied(results_file([contest], votes=33), None)
    index = next(
        index
        for index in range(int(data["results-TOTAL_FORMS"]))
        if data.get(f"results-{index}-id") == str(first.pk)
    )
    data[f"results-{index}-votes"] = "34"
    response = save(alice, contest, data)

    assert response.status_code == 200
    assert form_errors(response)
    assert Result.objects.get(pk=first.pk).votes == 33
