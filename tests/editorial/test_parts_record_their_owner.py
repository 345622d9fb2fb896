"""A row shown on its owner's page (a contest's result, race call or fact; a candidate's
quote, fact, career entry, platform position or result) changed from any door gives the
owner a version: the owner's version list links it, its permalink shows the change and the
version before still shows the row as it was; the owner's own form, a list action and an
import record it once."""

import re

import pytest
from django.urls import reverse

from candidates.models import Candidate, Quote
from newsroom.editorial import removals
from newsroom.editorial.publishing import Status
from results.models import Contest, Result
from results.services import import_results
from tests.support import factories
from tests.support.admin_forms import CHANGE_NOTE, admin_url, page_data

pytestmark = pytest.mark.django_db

CAUCUS = "2024-american-samoa-democratic-caucuses"
WIRE_URL = "https://results.example.org/as-democratic-caucus"


def permalink(item, record) -> str:
    return reverse("versions:version_detail", args=[item._meta.label_lower, record.history_id])


def page(client, item, record) -> str:
    response = client.get(permalink(item, record))
    assert response.status_code == 200
    return response.content.decode()


def row_of(page: str, name: str) -> str:
    """The results-table row of a candidate, as text."""
    rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", page, flags=re.S)
    found = [row for row in rows if name in row]
    assert found, f"no results row for {name}"
    return " ".join(re.sub(r"<[^>]+>", " ", found[0]).split())


def votes_of(page: str, name: str) -> str:
    return re.search(rf"{name} (\d+)", row_of(page, name)).group(1)


@pytest.fixture
def caucus(seed_newsroom):
    return Contest.objects.get(slug=CAUCUS)


@pytest.fixture
def biden_result(caucus):
    return Result.objects.get(contest=caucus, candidate__slug="joe-biden")


# Contests -----------------------------------------------------------------------------------


def test_a_result_saved_in_the_shell_opens_a_contest_version(client, caucus, biden_result):
    before = caucus.history.first()

    biden_result.votes = 39
    biden_result.save()

    after = caucus.history.first()
    assert after.history_id != before.history_id
    assert votes_of(page(client, caucus, after), "Joe Biden") == "39"
    assert votes_of(page(client, caucus, before), "Joe Biden") == "40"
    # The contest page's version list links the new version.
    assert permalink(caucus, after) in client.get(caucus.get_absolute_url()).content.decode()


def test_a_result_saved_in_the_shell_opens_a_version_of_its_candidates_profile(
    client, biden_result
):
    biden = biden_result.candidate
    before = biden.history.first()

    biden_result.votes = 39
    biden_result.save()

    after = biden.history.first()
    assert after.history_id != before.history_id
    history = re.compile(r"presidential caucuses</a></th>\s*<td class=\"num\">(\d+)")
    assert history.search(page(client, biden, after)).group(1) == "39"
    assert history.search(page(client, biden, before)).group(1) == "40"


def test_an_import_opens_one_contest_version_and_one_profile_version(client, caucus, biden_result):
    factories.SourceFactory(url=WIRE_URL, headline="American Samoa caucus count")
    contest_records, biden_records = caucus.history.count(), biden_result.candidate.history.count()
    before = caucus.history.first()

    import_results(
        (
            "contest,candidate,votes,as_of,source_url\n"
            f"{CAUCUS},joe-biden,39,2024-03-05T22:00:00-11:00,{WIRE_URL}\n"
        ).encode(),
        filename="biden.csv",
        dry_run=False,
    )

    assert caucus.history.count() == contest_records + 1
    assert biden_result.candidate.history.count() == biden_records + 1
    assert votes_of(page(client, caucus, caucus.history.first()), "Joe Biden") == "39"
    assert votes_of(page(client, caucus, before), "Joe Biden") == "40"


def test_the_contest_form_saving_its_results_records_the_contest_once(
    admin_client_logged_in, caucus, biden_result
):
    records = caucus.history.count()
    url = admin_url(Contest, "change", caucus.pk)
    data = page_data(admin_client_logged_in.get(url))
    row = next(
        key for key, value in data.items() if key.endswith("-id") and value == str(biden_result.pk)
    )

    response = admin_client_logged_in.post(
        url, data | {row.replace("-id", "-votes"): "39"} | CHANGE_NOTE
    )

    assert response.status_code == 302
    assert caucus.history.count() == records + 1


def test_a_race_call_and_a_contest_fact_saved_in_the_shell_record_the_contest(client):
    contest = factories.ContestFactory()
    result = factories.ResultFactory(contest=contest, votes=51)
    first = contest.history.first()

    fact = factories.ContestFactFactory(contest=contest, statement="Synthetic contest note.")
    with_fact = contest.history.first()
    factories.RaceCallFactory(
        contest=contest, winner=result.candidate, confirmed_by=factories.DeskUserFactory()
    )
    with_call = contest.history.first()

    assert len({first.history_id, with_fact.history_id, with_call.history_id}) == 3
    assert fact.statement not in page(client, contest, first)
    assert fact.statement in page(client, contest, with_fact)
    assert "Race call:" not in page(client, contest, with_fact)
    assert "Race call:" in page(client, contest, with_call)


def test_deleting_a_contest_with_its_results_records_no_version_of_it():
    contest = factories.ContestFactory()
    factories.ResultFactory(contest=contest)
    pk, records = contest.pk, contest.history.count()

    removals.delete_published(contest, note="Synthetic contest removed.")

    history = Contest.history.filter(id=pk)
    assert history.count() == records + 1
    assert history.first().history_type == "-"


# Candidates ---------------------------------------------------------------------------------


@pytest.fixture
def palmer():
    return factories.CandidateFactory(full_name="Jason Palmer")


def test_a_quote_saved_in_the_shell_opens_a_profile_version(client, palmer):
    quote = factories.QuoteFactory(candidate=palmer, text="Synthetic words, first wording.")
    before = palmer.history.first()

    quote.text = "Synthetic words, second wording."
    quote.save()

    after = palmer.history.first()
    assert after.history_id != before.history_id
    assert "second wording" in page(client, palmer, after)
    assert "first wording" not in page(client, palmer, after)
    assert "first wording" in page(client, palmer, before)
    assert permalink(palmer, after) in client.get(palmer.get_absolute_url()).content.decode()


def test_a_quote_saved_through_its_own_admin_opens_a_profile_version(
    admin_client_logged_in, palmer
):
    quote = factories.QuoteFactory(candidate=palmer, text="Synthetic words, first wording.")
    before = palmer.history.first()
    url = admin_url(Quote, "change", quote.pk)
    data = page_data(admin_client_logged_in.get(url))

    response = admin_client_logged_in.post(
        url, data | {"text": "Synthetic words, second wording."} | CHANGE_NOTE
    )

    assert response.status_code == 302
    after = palmer.history.first()
    assert after.history_id != before.history_id
    assert "second wording" in page(admin_client_logged_in, palmer, after)
    assert "first wording" in page(admin_client_logged_in, palmer, before)


def test_the_candidate_form_saving_its_quotes_records_the_candidate_once(
    admin_client_logged_in, palmer
):
    quote = factories.QuoteFactory(candidate=palmer, text="Synthetic words, first wording.")
    records = palmer.history.count()
    url = admin_url(Candidate, "change", palmer.pk)
    data = page_data(admin_client_logged_in.get(url))
    field = next(key for key, value in data.items() if value == quote.text)

    response = admin_client_logged_in.post(
        url, data | {field: "Synthetic words, second wording."} | CHANGE_NOTE
    )

    assert response.status_code == 302
    assert Quote.objects.get(pk=quote.pk).text == "Synthetic words, second wording."
    assert palmer.history.count() == records + 1


def test_a_list_action_on_two_quotes_records_the_candidate_once(admin_client_logged_in, palmer):
    quotes = factories.QuoteFactory.create_batch(2, candidate=palmer)
    records = palmer.history.count()

    response = admin_client_logged_in.post(
        admin_url(Quote, "changelist"),
        {"action": "unpublish", "_selected_action": [quote.pk for quote in quotes]},
        follow=True,
    )

    assert response.status_code == 200
    assert Quote.objects.filter(candidate=palmer, status=Status.UNPUBLISHED).count() == 2
    assert palmer.history.count() == records + 1


def test_editing_a_draft_quote_records_no_profile_version(palmer):
    quote = factories.QuoteFactory(candidate=palmer, status=Status.DRAFT)
    records = palmer.history.count()

    quote.text = "Synthetic words, still a draft."
    quote.save()

    assert palmer.history.count() == records


def test_deleting_a_quote_in_the_shell_opens_a_profile_version_without_it(client, palmer):
    quote = factories.QuoteFactory(candidate=palmer, text="Synthetic words to delete.")
    records = palmer.history.count()

    removals.delete_published(quote, note="Synthetic quote removed.")

    assert palmer.history.count() == records + 1
    assert "Synthetic words to delete." not in page(client, palmer, palmer.history.first())
