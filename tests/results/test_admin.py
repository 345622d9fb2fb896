"""Entering results through the admin: bad numbers come back as field errors, never a 500."""

import pytest

from newsroom.models import Correction
from results.models import Contest, RaceCall, Result, Snapshot
from tests.support import factories
from tests.support.admin_forms import (
    CHANGE_NOTE,
    add_inline_row,
    admin_url,
    inline_formset,
    page_data,
)
from tests.support.editors import cited

pytestmark = pytest.mark.django_db


@pytest.fixture
def contest():
    """91 ballots cast and 6 delegates at stake, as in American Samoa."""
    return factories.ContestFactory(ballots_cast=91, delegates_at_stake=6)


def add_result(client, **values):
    data = page_data(client.get(admin_url(Result, "add")))
    data.update({name: str(value) for name, value in values.items()})
    return client.post(admin_url(Result, "add"), data)


def contest_page(client, contest):
    return client.get(admin_url(Contest, "change", contest.pk))


def post_contest(client, contest, data):
    return client.post(admin_url(Contest, "change", contest.pk), data | CHANGE_NOTE)


def result_row_errors(response, field):
    formset = inline_formset(response, Result)
    return [errors.get(field, []) for errors in formset.errors]


def test_negative_votes_on_the_result_page_is_an_error_on_votes(admin_client_logged_in, contest):
    response = add_result(
        admin_client_logged_in,
        contest=contest.pk,
        candidate=factories.CandidateFactory().pk,
        votes=-1,
    )

    assert response.status_code == 200
    assert "greater than or equal to 0" in str(response.context["adminform"].form.errors["votes"])
    assert Result.objects.count() == 0


def test_votes_over_ballots_cast_on_the_result_page_is_an_error_on_votes(
    admin_client_logged_in, contest
):
    factories.ResultFactory(contest=contest, votes=51)

    response = add_result(
        admin_client_logged_in,
        contest=contest.pk,
        candidate=factories.CandidateFactory().pk,
        votes=41,
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["votes"] == [
        "Votes for all candidates would total 92, more than the 91 ballots cast."
    ]
    assert Result.objects.count() == 1


def test_delegates_over_stake_on_the_result_page_is_an_error_on_delegates(
    admin_client_logged_in, contest
):
    factories.ResultFactory(contest=contest, delegates_won=4)

    response = add_result(
        admin_client_logged_in,
        contest=contest.pk,
        candidate=factories.CandidateFactory().pk,
        delegates_won=3,
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["delegates_won"] == [
        "Delegates won would total 7, more than the 6 at stake."
    ]
    assert Result.objects.count() == 1


def test_editing_a_result_alone_does_not_count_its_own_saved_votes(admin_client_logged_in, contest):
    factories.ResultFactory(contest=contest, votes=51)
    biden = factories.ResultFactory(contest=contest, votes=40)
    url = admin_url(Result, "change", biden.pk)
    data = page_data(admin_client_logged_in.get(url))

    response = admin_client_logged_in.post(url, data | {"votes": "40"})

    assert response.status_code == 302


def test_negative_votes_via_the_contest_inline_is_an_error_on_the_row(
    admin_client_logged_in, contest
):
    factories.ResultFactory(contest=contest, votes=51)
    data = page_data(contest_page(admin_client_logged_in, contest))

    response = post_contest(admin_client_logged_in, contest, data | {"results-0-votes": "-5"})

    assert response.status_code == 200
    assert "greater than or equal to 0" in str(result_row_errors(response, "votes")[0])
    assert Result.objects.get().votes == 51


def test_votes_over_ballots_cast_via_the_contest_inline_is_an_error_on_the_row_that_tips_it(
    admin_client_logged_in, contest
):
    for position in range(3):
        factories.ResultFactory(contest=contest, votes=30, position=position)
    data = page_data(contest_page(admin_client_logged_in, contest))

    response = post_contest(admin_client_logged_in, contest, data | {"results-2-votes": "40"})

    assert response.status_code == 200
    assert result_row_errors(response, "votes") == [
        [],
        [],
        ["Votes for all candidates would total 100, more than the 91 ballots cast."],
    ]
    assert sorted(Result.objects.values_list("votes", flat=True)) == [30, 30, 30]


def test_new_rows_in_the_contest_inline_count_towards_the_ballots_cast(
    admin_client_logged_in, contest
):
    factories.ResultFactory(contest=contest, votes=51)
    data = page_data(contest_page(admin_client_logged_in, contest))
    add_inline_row(data, "results", candidate=factories.CandidateFactory().pk, votes=41, position=1)

    response = post_contest(admin_client_logged_in, contest, data)

    assert response.status_code == 200
    assert result_row_errors(response, "votes")[1] == [
        "Votes for all candidates would total 92, more than the 91 ballots cast."
    ]
    assert Result.objects.count() == 1


def test_lowering_ballots_cast_below_the_votes_in_the_inline_is_an_error(
    admin_client_logged_in, contest
):
    factories.ResultFactory(contest=contest, votes=51)
    factories.ResultFactory(contest=contest, votes=40)
    data = page_data(contest_page(admin_client_logged_in, contest))

    response = post_contest(admin_client_logged_in, contest, data | {"ballots_cast": "90"})

    assert response.status_code == 200
    assert ["Votes for all candidates would total 91, more than the 90 ballots cast."] in (
        result_row_errors(response, "votes")
    )
    contest.refresh_from_db()
    assert contest.ballots_cast == 91


def test_correcting_ballots_cast_and_votes_together_saves(admin_client_logged_in, contest):
    factories.ResultFactory(contest=contest, votes=51, position=0)
    factories.ResultFactory(contest=contest, votes=40, position=1)
    data = page_data(contest_page(admin_client_logged_in, contest))

    response = post_contest(
        admin_client_logged_in, contest, data | {"ballots_cast": "90", "results-1-votes": "39"}
    )

    assert response.status_code == 302
    assert sorted(Result.objects.values_list("votes", flat=True)) == [39, 51]


def test_deleting_a_row_frees_its_votes_for_a_new_row(admin_client_logged_in, contest):
    factories.ResultFactory(contest=contest, votes=51)
    data = page_data(contest_page(admin_client_logged_in, contest))
    data["results-0-DELETE"] = "on"
    add_inline_row(data, "results", candidate=factories.CandidateFactory().pk, votes=91, position=1)

    response = post_contest(admin_client_logged_in, contest, data)

    assert response.status_code == 302
    assert list(Result.objects.values_list("votes", flat=True)) == [91]


def test_delegates_over_stake_via_the_contest_inline_is_an_error_on_the_row(
    admin_client_logged_in, contest
):
    factories.ResultFactory(contest=contest, delegates_won=3, position=0)
    factories.ResultFactory(contest=contest, delegates_won=3, position=1)
    data = page_data(contest_page(admin_client_logged_in, contest))

    response = post_contest(
        admin_client_logged_in, contest, data | {"results-1-delegates_won": "4"}
    )

    assert response.status_code == 200
    assert result_row_errors(response, "delegates_won")[1] == [
        "Delegates won would total 7, more than the 6 at stake."
    ]
    assert sorted(Result.objects.values_list("delegates_won", flat=True)) == [3, 3]


def test_lowering_the_stake_below_the_delegates_won_is_an_error_not_a_crash(
    admin_client_logged_in, contest
):
    factories.ResultFactory(contest=contest, delegates_won=3)
    factories.ResultFactory(contest=contest, delegates_won=3)
    data = page_data(contest_page(admin_client_logged_in, contest))

    response = post_contest(admin_client_logged_in, contest, data | {"delegates_at_stake": "5"})

    assert response.status_code == 200
    assert ["Delegates won would total 6, more than the 5 at stake."] in result_row_errors(
        response, "delegates_won"
    )
    contest.refresh_from_db()
    assert contest.delegates_at_stake == 6


def test_moving_delegates_from_one_candidate_to_another_saves(admin_client_logged_in, contest):
    factories.ResultFactory(contest=contest, delegates_won=1, position=0)
    factories.ResultFactory(contest=contest, delegates_won=5, position=1)
    data = page_data(contest_page(admin_client_logged_in, contest))

    response = post_contest(
        admin_client_logged_in,
        contest,
        data | {"results-0-delegates_won": "5", "results-1-delegates_won": "1"},
    )

    assert response.status_code == 302
    assert list(Result.objects.order_by("position").values_list("delegates_won", flat=True)) == [
        5,
        1,
    ]


def test_lowering_the_stake_and_the_delegates_together_saves(admin_client_logged_in, contest):
    factories.ResultFactory(contest=contest, delegates_won=3, position=0)
    factories.ResultFactory(contest=contest, delegates_won=3, position=1)
    records = contest.history.count()  # its creation and one for each result added
    data = page_data(contest_page(admin_client_logged_in, contest))

    response = post_contest(
        admin_client_logged_in,
        contest,
        data
        | {
            "delegates_at_stake": "4",
            "results-0-delegates_won": "2",
            "results-1-delegates_won": "2",
        },
    )

    assert response.status_code == 302
    contest.refresh_from_db()
    assert contest.delegates_at_stake == 4
    # Saved once, its results with it (their own saves record no version of it).
    assert contest.history.count() == records + 1


def test_the_same_candidate_twice_in_the_contest_inline_is_an_error_not_a_crash(
    admin_client_logged_in, contest
):
    result = factories.ResultFactory(contest=contest, votes=51)
    data = page_data(contest_page(admin_client_logged_in, contest))
    add_inline_row(data, "results", candidate=result.candidate.pk, votes=40, position=1)

    response = post_contest(admin_client_logged_in, contest, data)

    assert response.status_code == 200
    assert inline_formset(response, Result).errors[1]["candidate"] == [
        "This candidate already has a result in this contest."
    ]
    assert Result.objects.count() == 1


def test_a_new_contest_with_results_over_its_ballots_cast_is_an_error_on_the_row(
    admin_client_logged_in,
):
    jurisdiction, party = factories.JurisdictionFactory(), factories.PartyFactory()
    data = page_data(admin_client_logged_in.get(admin_url(Contest, "add")))
    data |= {
        "jurisdiction": jurisdiction.pk,
        "party": party.pk,
        "kind": "caucus",
        "name": "American Samoa Democratic caucus",
        "slug": "american-samoa-democratic-caucus-2024",
        "year": "2024",
        "ballots_cast": "91",
    }
    add_inline_row(data, "results", candidate=factories.CandidateFactory().pk, votes=51, position=0)
    add_inline_row(data, "results", candidate=factories.CandidateFactory().pk, votes=41, position=1)

    response = admin_client_logged_in.post(admin_url(Contest, "add"), data)

    assert response.status_code == 200
    assert result_row_errors(response, "votes")[1] == [
        "Votes for all candidates would total 92, more than the 91 ballots cast."
    ]
    assert Contest.objects.count() == 0


def test_race_call_review_fields_cannot_be_typed_into_the_contest_inline(
    admin_client_logged_in, contest, django_user_model
):
    call = factories.RaceCallFactory(contest=contest)
    other = django_user_model.objects.create_user("second-editor")
    page = contest_page(admin_client_logged_in, contest)
    prefix = inline_formset(page, type(call)).prefix
    data = page_data(page) | {
        f"{prefix}-0-confirmed_by": str(other.pk),
        f"{prefix}-0-confirmed_at_0": "2024-03-07",
        f"{prefix}-0-confirmed_at_1": "09:00",
        f"{prefix}-0-retracted_at_0": "2024-03-07",
        f"{prefix}-0-retracted_at_1": "09:00",
    }

    response = post_contest(admin_client_logged_in, contest, data)

    assert response.status_code == 302
    call.refresh_from_db()
    assert (call.confirmed_by, call.confirmed_at, call.retracted_at) == (None, None, None)


def test_a_race_call_added_in_the_admin_records_who_entered_it(admin_client_logged_in, contest):
    winner = factories.ResultFactory(contest=contest).candidate
    data = page_data(admin_client_logged_in.get(admin_url(RaceCall, "add"))) | {
        "contest": contest.pk,
        "winner": winner.pk,
        "called_by": "Party chair",
        "basis": "party_confirmation",
    }

    response = admin_client_logged_in.post(admin_url(RaceCall, "add"), data)

    assert response.status_code == 302
    assert RaceCall.objects.get().entered_by.username == "editor-in-chief"


def test_contest_changelist_shows_votes_counted_against_ballots_cast(
    admin_client_logged_in, contest
):
    factories.ResultFactory(contest=contest, votes=51)
    factories.ResultFactory(contest=contest, votes=40)

    response = admin_client_logged_in.get(admin_url(Contest, "changelist"))

    assert "91 of 91 ballots cast" in response.text


def test_contest_page_shows_delegates_awarded_against_stake(admin_client_logged_in, contest):
    factories.ResultFactory(contest=contest, delegates_won=3)

    response = contest_page(admin_client_logged_in, contest)

    assert "3 of 6 at stake" in response.text


def test_contest_changelist_filters_by_year(admin_client_logged_in, contest):
    factories.ContestFactory(name="Caucus of 2020", year=2020, held_on=None, held_on_precision="")

    response = admin_client_logged_in.get(admin_url(Contest, "changelist"), {"year": "2020"})

    assert [row.name for row in response.context["cl"].result_list] == ["Caucus of 2020"]


def test_publish_action_publishes_the_selected_contests(admin_client_logged_in, contest):
    reviewed = cited(factories.ContestFactory(status="in_review"))

    admin_client_logged_in.post(
        admin_url(Contest, "changelist"),
        {"action": "publish", "_selected_action": [reviewed.pk]},
    )

    reviewed.refresh_from_db()
    assert reviewed.status == "published"


#: Session, user, the contest with its totals, its party and jurisdiction, the results with
#: their candidates, the candidate choices once, each other inline, and a content type (13);
#: the workflow steps (1); who else is editing, recorded and read, and the editorial
#: comments (4).
CONTEST_PAGE_QUERIES = 18


@pytest.mark.parametrize("results", [2, 32])
def test_contest_page_queries_do_not_grow_with_the_results(
    admin_client_logged_in, django_assert_max_num_queries, results
):
    contest = factories.ContestFactory(ballots_cast=None, delegates_at_stake=None)
    for position in range(results):
        factories.ResultFactory(contest=contest, position=position)

    with django_assert_max_num_queries(CONTEST_PAGE_QUERIES):
        response = contest_page(admin_client_logged_in, contest)

    assert len(inline_formset(response, Result).forms) == results


def test_changing_published_votes_without_a_public_record_is_refused(
    admin_client_logged_in, contest
):
    factories.ResultFactory(contest=contest, votes=51, position=0)
    data = page_data(contest_page(admin_client_logged_in, contest))
    data["results-0-votes"] = "52"

    response = admin_client_logged_in.post(admin_url(Contest, "change", contest.pk), data)

    assert response.status_code == 200
    assert "silent changes are not allowed" in response.text
    assert "give the source of this change" in response.text
    assert list(Result.objects.values_list("votes", flat=True)) == [51]
    assert not Correction.objects.exists()


def test_a_correction_to_published_votes_is_recorded_with_what_changed(
    admin_client_logged_in, contest
):
    result = factories.ResultFactory(contest=contest, votes=51, position=0)
    data = page_data(contest_page(admin_client_logged_in, contest))
    data["results-0-votes"] = "52"

    response = post_contest(admin_client_logged_in, contest, data)

    assert response.status_code == 302
    correction = Correction.objects.get()
    assert (correction.kind, correction.content_object) == ("correction", contest)
    assert correction.note == CHANGE_NOTE["correction_note"]
    [change] = correction.changes.values()
    assert (change["from"], change["to"]) == ("51", "52")
    record = result.history.latest()
    assert record.history_change_source == CHANGE_NOTE["change_source"]
    assert record.history_change_reason == CHANGE_NOTE["change_comment"]


@pytest.mark.parametrize("percent", ["120", "100.5", "-1"])
def test_reporting_percent_out_of_range_is_an_error_on_the_field(
    admin_client_logged_in, contest, percent
):
    data = page_data(contest_page(admin_client_logged_in, contest))

    response = post_contest(
        admin_client_logged_in,
        contest,
        data | {"reporting_percent": percent, "office": "Delegate to the convention"},
    )

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["reporting_percent"] == ["Reporting % must be between 0 and 100."]
    assert 'value="Delegate to the convention"' in response.text
    assert Contest.objects.get().reporting_percent is None


def test_snapshot_reporting_150_percent_is_a_human_message(admin_client_logged_in, contest):
    page = admin_client_logged_in.get(admin_url(Snapshot, "add"))
    data = page_data(page) | {"contest": str(contest.pk), "reporting_percent": "150"}

    response = admin_client_logged_in.post(admin_url(Snapshot, "add"), data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["reporting_percent"] == ["Reporting % must be between 0 and 100."]
    assert "is violated" not in response.text
    assert Snapshot.objects.count() == 0
