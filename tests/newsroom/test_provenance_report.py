"""The provenance report (/admin/provenance/, newsroom.provenance_report): public fields
with no citation, failing checks and overrides with their reason, filtered by candidate and
contest, counted, for editors only, in bounded queries; the seed newsroom reports nothing;
publishing refuses an uncited field; the seed pages footnote what the report checks."""

import re
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse

from candidates.models import Candidate
from newsroom import provenance_report
from newsroom.editorial.publishing import Status
from newsroom.models import Citation
from results.models import Contest
from tests.support import factories, seed_articles
from tests.support.admin_forms import admin_url
from tests.support.editors import messages_of, open_change_form, run_action, save

pytestmark = pytest.mark.django_db

REPORT = reverse("provenance_report")

ARTICLE = """Caucus night report

The count ended after midnight.

Out of 91 ballots cast, Palmer won 51 and Biden won 40."""

OVERRIDE = "Said on air after the article; transcript on the desk drive."


def source_on_file():
    return factories.SourceFactory(
        headline="Caucus night report",
        article_text=ARTICLE,
        outlet=factories.OutletFactory(name="Daily Ledger"),
    )


def failing_quote(candidate, source, *, reason=""):
    """A published quote whose cited passage is not in the paragraph its pinpoint names."""
    quote = factories.QuoteFactory(candidate=candidate, text="The count ended after midnight.")
    factories.CitationFactory(
        content_object=quote,
        source=source,
        pinpoint="para. 2",
        quoted_passage="The count ended after midnight.",
        check_override_reason=reason,
    )
    return quote


def desk(count: int = 1):
    """`count` candidates with an uncited party (cited as a whole), each with a quote failing
    its check and one kept by an editor's reason, and a contest whose result's votes are
    cited."""
    candidates, source = [], source_on_file()
    for _ in range(count):
        candidate = factories.CandidateFactory()
        # Cited as a whole, not for its party.
        factories.CitationFactory(content_object=candidate)
        failing_quote(candidate, source)
        failing_quote(candidate, source, reason=OVERRIDE)
        candidates.append(candidate)
    contest = factories.ContestFactory(
        held_on=None, held_on_precision="", delegates_at_stake=None, ballots_cast=None
    )
    factories.CitationFactory(content_object=contest, field_name="count_status")
    result = factories.ResultFactory(contest=contest, candidate=candidates[0], votes=51)
    factories.CitationFactory(content_object=result, field_name="votes", quoted_passage="51")
    return candidates, contest


def count(response, kind: str) -> int:
    return int(re.search(rf'id="count-{kind}">(\d+)<', response.text).group(1))


def test_the_report_lists_a_public_field_with_no_citation(editor):
    [candidate], _ = desk()

    response = editor.get(REPORT)

    assert response.status_code == 200
    row = response.text.split('class="problem-missing"')[1].split("</tr>")[0]
    assert candidate.full_name in row
    assert "no citation supports its party" in row


def test_the_report_lists_a_failing_check_and_an_override_with_its_reason(editor):
    desk()

    response = editor.get(REPORT)

    failing = response.text.split('class="problem-failing"')[1].split("</tr>")[0]
    assert "Daily Ledger para. 2 does not contain these words" in failing
    overridden = response.text.split('class="problem-override"')[1].split("</tr>")[0]
    assert "Daily Ledger para. 2 does not contain these words" in overridden
    assert OVERRIDE in overridden


def test_the_report_counts_each_kind(editor):
    desk(2)

    response = editor.get(REPORT)

    assert (count(response, "missing"), count(response, "failing")) == (2, 2)
    assert count(response, "override") == 2


def test_the_report_filters_by_candidate_and_by_contest(editor):
    (first, second), contest = desk(2)
    factories.ResultFactory(contest=contest, candidate=second, votes=40)

    of_second = editor.get(REPORT, {"candidate": second.pk})
    of_contest = editor.get(REPORT, {"contest": contest.pk})

    assert (count(of_second, "missing"), count(of_second, "failing")) == (2, 1)
    problems = of_second.text.split('id="provenance-problems"')[1]
    assert f'href="{admin_url(Candidate, "change", first.pk)}"' not in problems
    assert f'href="{admin_url(Candidate, "change", second.pk)}"' in problems
    # The contest's only problem: the votes of the second candidate's result.
    assert (count(of_contest, "missing"), count(of_contest, "failing")) == (1, 0)
    assert "no citation supports its votes" in of_contest.text


def test_an_unknown_filter_value_is_a_bad_request(editor):
    assert editor.get(REPORT, {"candidate": "999999"}).status_code == 400


@pytest.mark.parametrize("role", ["reporter", "clerk"])
def test_only_editors_see_the_report(request, role):
    assert request.getfixturevalue(role).get(REPORT).status_code == 403


def test_the_report_needs_a_staff_login(client):
    response = client.get(REPORT)

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


#: 30 measured, at 1 and at 12 candidates of problems: the session and user, the count of
#: citations (is the newsroom small enough to check now?), the sources' text on file, two
#: per cited model (its items, its citations), the page's items by model, and each filter's
#: choices.
REPORT_QUERIES = 30


@pytest.mark.parametrize("candidates", [1, 12])
def test_report_queries_do_not_grow_with_the_newsroom(
    editor, django_assert_max_num_queries, candidates
):
    desk(candidates)

    with django_assert_max_num_queries(REPORT_QUERIES):
        response = editor.get(REPORT)

    assert count(response, "failing") == candidates


def test_the_dashboard_shows_the_totals_with_a_link(editor):
    cache.delete(provenance_report.TOTALS_KEY)
    desk()

    response = editor.get(reverse("editorial_dashboard"))

    totals = response.text.split('id="provenance-totals"')[1].split("</div>")[0]
    assert "1 public field or item with no citation, 1 failing check, 1 override" in totals
    assert f'href="{REPORT}"' in totals


def test_the_seed_newsroom_reports_no_problem(editor, seed_newsroom):
    seed_articles.put_on_file()

    response = editor.get(REPORT)

    assert [count(response, kind) for kind in ("missing", "failing", "override")] == [0, 0, 0]
    assert "No problems" in response.text


def test_the_seed_pages_footnote_the_winner_the_lost_outcomes_and_the_parties(
    client, seed_newsroom
):
    contest = client.get(
        Contest.objects.get(slug="2024-american-samoa-democratic-caucuses").get_absolute_url()
    ).text
    earlier = client.get(
        Contest.objects.get(slug="2020-american-samoa-democratic-contest").get_absolute_url()
    ).text
    biden = client.get(Candidate.objects.get(slug="joe-biden").get_absolute_url()).text

    winner = contest.split("<dt>Winner</dt>")[1].split("</dd>")[0]
    assert 'class="notes"' in winner
    lost = [cell for cell in earlier.split("<td>")[1:] if cell.startswith("Lost")]
    assert len(lost) == 3 and all('class="notes"' in cell for cell in lost)
    party = biden.split("<dt>Party</dt>")[1].split("</dd>")[0]
    assert "Democratic" in party and 'class="notes"' in party


def test_a_candidate_with_no_citation_is_refused_at_publish(editor):
    candidate = factories.CandidateFactory(status=Status.IN_REVIEW)
    _, data = open_change_form(editor, candidate)
    data["status"] = Status.PUBLISHED

    response = save(editor, candidate, data)

    assert "has no source" in response.context["adminform"].form.errors["status"][0]
    assert Candidate.objects.get(pk=candidate.pk).status == Status.IN_REVIEW


def test_an_uncited_field_is_refused_at_publish_with_the_reason_at_the_field(editor):
    candidate = factories.CandidateFactory(status=Status.IN_REVIEW)
    factories.CitationFactory(content_object=candidate)
    _, data = open_change_form(editor, candidate)
    data["status"] = Status.PUBLISHED

    response = save(editor, candidate, data)

    errors = response.context["adminform"].form.errors
    assert "has no source for party" in errors["status"][0]
    assert errors["party"] == ["No citation supports this value: cite a source for it."]
    assert Candidate.objects.get(pk=candidate.pk).status == Status.IN_REVIEW


def test_a_contest_whose_result_is_uncited_is_refused_at_publish(editor):
    contest = factories.ContestFactory(
        status=Status.IN_REVIEW,
        held_on=None,
        held_on_precision="",
        delegates_at_stake=None,
        ballots_cast=None,
        count_status=Contest.CountStatus.SCHEDULED,
    )
    factories.CitationFactory(content_object=contest)
    result = factories.ResultFactory(contest=contest, outcome="won", votes=None)
    _, data = open_change_form(editor, contest)
    data["status"] = Status.PUBLISHED

    response = save(editor, contest, data)

    status_error = response.context["adminform"].form.errors["status"][0]
    assert f"has no source for outcome of the result “{result}”" in status_error
    assert Contest.objects.get(pk=contest.pk).status == Status.IN_REVIEW
    assert Citation.objects.filter(object_id=result.pk, field_name="outcome").count() == 0


def test_the_publish_action_refuses_an_uncited_field_too(editor):
    candidate = factories.CandidateFactory(status=Status.IN_REVIEW)
    factories.CitationFactory(content_object=candidate)

    response = run_action(editor, Candidate, "publish", [candidate])

    assert "has no source for party" in messages_of(response)[0]
    assert Candidate.objects.get(pk=candidate.pk).status == Status.IN_REVIEW


def test_a_newsroom_too_large_to_check_on_request_is_reported_by_the_command(editor, monkeypatch):
    monkeypatch.setattr(provenance_report, "ON_REQUEST_CITATIONS", 0)
    cache.delete(provenance_report.TOTALS_KEY)
    desk()

    waiting = editor.get(REPORT)
    dashboard = editor.get(reverse("editorial_dashboard"))
    assert waiting.status_code == 200
    assert "manage.py provenance_report" in waiting.text
    assert 'id="provenance-counts"' not in waiting.text
    assert "too large to check while a page waits" in dashboard.text

    out = StringIO()
    call_command("provenance_report", "--show", "1", stdout=out)

    assert "1 missing, 1 failing, 1 kept by an editor's reason" in out.getvalue()
    assert "… and 2 more" in out.getvalue()
    report = editor.get(REPORT)
    assert [count(report, kind) for kind in ("missing", "failing", "override")] == [1, 1, 1]
    totals = editor.get(reverse("editorial_dashboard")).text.split('id="provenance-totals"')[1]
    assert "1 public field or item with no citation, 1 failing check, 1 override" in totals


def test_the_command_fails_on_problems_when_asked():
    desk()

    with pytest.raises(CommandError, match="2 problems to fix"):
        call_command("provenance_report", "--fail-on-problems", stdout=StringIO())
