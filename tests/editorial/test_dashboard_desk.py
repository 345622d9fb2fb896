"""The dashboard per person: my drafts, waiting for my review, the kind filter, the bounded
sections with their links to the full changelists, and the counts on the admin home; what
each role sees is only what it may see."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from candidates.models import Quote
from newsroom.editorial import roles, workflow
from newsroom.editorial.dashboard import LIMIT
from newsroom.editorial.publishing import Status
from tests.support import factories
from tests.support.editors import run_action

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("editorial_dashboard")


def section(response, section_id: str) -> str:
    return response.text.split(f'id="{section_id}"')[1].split('<div class="module"')[0]


def drafted_by(client, item):
    """`item`, with the step that made it recorded as the client's person's (as the admin
    records it when they create it)."""
    workflow.record(item, workflow.NEW, item.status, by=client.user)
    return item


def second_reporter(django_user_model) -> Client:
    user = django_user_model.objects.create_user("second-reporter", "", "x", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.REPORTER))
    client = Client()
    client.user = user
    client.force_login(user)
    return client


def test_my_drafts_lists_the_persons_own_drafts_only(django_user_model, reporter):
    other = second_reporter(django_user_model)
    drafted_by(reporter, factories.QuoteFactory(status=Status.DRAFT, text="Mine to finish."))
    drafted_by(other, factories.QuoteFactory(status=Status.DRAFT, text="Somebody else's."))
    drafted_by(reporter, factories.QuoteFactory(status=Status.IN_REVIEW, text="Submitted."))

    mine = section(reporter.get(DASHBOARD), "my-drafts")

    assert "Mine to finish." in mine
    assert "Somebody else's." not in mine
    assert "Submitted." not in mine
    assert "My drafts (1)" in mine


def test_a_reporters_drafts_never_reach_a_clerks_dashboard(reporter, clerk):
    drafted_by(reporter, factories.QuoteFactory(status=Status.DRAFT, text="Unreleased remark."))
    drafted_by(reporter, factories.QuoteFactory(status=Status.IN_REVIEW, text="Under review."))

    page = clerk.get(DASHBOARD).text
    home = clerk.get(reverse("admin:index")).text

    assert "Unreleased remark." not in page
    assert "Under review." not in page
    assert "Waiting for my review: 0" in home
    assert "My drafts: 0" in home


def test_waiting_for_my_review_holds_only_kinds_the_person_may_change(reporter, clerk, editor):
    factories.QuoteFactory(status=Status.IN_REVIEW, text="A quote to check.")
    factories.ContestFactory(status=Status.IN_REVIEW, name="Recount Caucus")

    for_reporter = section(reporter.get(DASHBOARD), "awaiting-review")
    for_clerk = section(clerk.get(DASHBOARD), "awaiting-review")
    for_editor = section(editor.get(DASHBOARD), "awaiting-review")

    # Contests are the results desk's: a reporter only sees them.
    assert "A quote to check." in for_reporter and "Recount Caucus" not in for_reporter
    assert "Recount Caucus" in for_clerk and "A quote to check." not in for_clerk
    assert "A quote to check." in for_editor and "Recount Caucus" in for_editor


def test_the_kind_filter_narrows_every_section_and_the_comments(editor):
    factories.QuoteFactory(status=Status.IN_REVIEW, text="A quote to check.")
    factories.ContestFactory(status=Status.IN_REVIEW, name="Recount Caucus")

    every = editor.get(DASHBOARD)
    contests = editor.get(DASHBOARD, {"kind": "results.contest"})

    assert '<select name="kind"' in every.text
    assert '<option value="results.contest" selected>' in contests.text
    waiting = section(contests, "awaiting-review")
    assert "Recount Caucus" in waiting
    assert "A quote to check." not in waiting
    assert "Waiting for my review (1)" in waiting


def test_an_unknown_kind_says_so_and_shows_every_kind(editor):
    factories.QuoteFactory(status=Status.IN_REVIEW, text="A quote to check.")

    response = editor.get(DASHBOARD, {"kind": "auth.user"})

    assert response.status_code == 200
    assert "There is no kind “auth.user” on your desk" in response.text
    assert "A quote to check." in section(response, "awaiting-review")


def test_a_kind_the_person_may_not_view_is_not_offered_to_them(clerk):
    response = clerk.get(DASHBOARD)

    assert 'value="candidates.quote"' not in response.text
    assert 'value="results.contest"' in response.text


@pytest.mark.parametrize("extra", [1, 12])
def test_sections_are_bounded_and_link_to_the_filtered_changelist(
    editor, django_assert_max_num_queries, extra
):
    factories.QuoteFactory.create_batch(LIMIT + extra, status=Status.IN_REVIEW)
    total = LIMIT + extra
    ContentType.objects.clear_cache()
    # Cold, whatever ran before on this worker: the provenance totals are kept in the cache.
    cache.clear()

    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        waiting = section(editor.get(DASHBOARD, {"kind": "candidates.quote"}), "awaiting-review")

    assert waiting.count("<tr>") == LIMIT + 1  # the heading row and LIMIT items
    assert f"The latest {LIMIT} of {total}." in waiting
    changelist = reverse("admin:candidates_quote_changelist") + "?status__exact=in_review"
    assert f'<a href="{changelist}">{total} quotes →</a>' in waiting
    assert editor.get(changelist).context["cl"].result_count == total


#: One kind shown: session, user, permissions, each kind's content type (cold), the kind's
#: counts, the rows of its one non-empty section, the last steps, the comments and their
#: count, and the provenance totals (24): 43 measured at 26 and at 37 quotes.
DASHBOARD_QUERIES = 43


def test_the_admin_home_counts_each_section(editor):
    drafted_by(editor, factories.QuoteFactory(status=Status.DRAFT))
    factories.QuoteFactory.create_batch(3, status=Status.IN_REVIEW)
    factories.ContestFactory(status=Status.IN_REVIEW)

    home = editor.get(reverse("admin:index")).text

    assert "My drafts: 1" in home
    assert "Waiting for my review: 4" in home
    assert f'href="{DASHBOARD}#awaiting-review"' in home


def test_submitting_from_the_admin_moves_a_draft_out_of_my_drafts(reporter):
    quote = drafted_by(reporter, factories.QuoteFactory(status=Status.DRAFT, text="Ready now."))
    run_action(reporter, Quote, "submit_for_review", [quote])

    page = reporter.get(DASHBOARD)

    assert "Ready now." not in section(page, "my-drafts")
    assert "Ready now." in section(page, "awaiting-review")
