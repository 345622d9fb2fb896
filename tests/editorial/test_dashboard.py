"""The editors' dashboard in the admin: awaiting review, scheduled, recently published, open
editorial comments; linked from the admin index; bounded queries whatever the data."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from candidates.models import Quote
from newsroom.editorial import roles, workflow
from newsroom.editorial.publishing import Status
from newsroom.editorial.records import EditorialComment
from tests.support import factories
from tests.support.editors import cited, client_for, run_action

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("editorial_dashboard")


def section(response, section_id: str) -> str:
    return response.text.split(f'id="{section_id}"')[1].split('<div class="module"')[0]


def comment_on(item, body: str, **extra) -> EditorialComment:
    return EditorialComment.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        body=body,
        **extra,
    )


def test_admin_index_links_to_the_dashboard(editor):
    response = editor.get(reverse("admin:index"))

    assert f'href="{DASHBOARD}"' in response.text


def test_dashboard_needs_a_staff_login(client):
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_items_awaiting_review_are_listed_with_who_submitted_them(django_user_model, editor):
    reporter = client_for(django_user_model, roles.REPORTER)
    quote = factories.QuoteFactory(status=Status.DRAFT, text="Awaiting a second look.")
    contest_fact = factories.ContestFactFactory(status=Status.IN_REVIEW, statement="Turnout up.")
    factories.QuoteFactory(status=Status.DRAFT, text="Still a draft.")
    run_action(reporter, Quote, "submit_for_review", [quote])

    waiting = section(editor.get(DASHBOARD), "awaiting-review")

    assert "Awaiting a second look." in waiting
    assert "Turnout up." in waiting
    assert "Still a draft." not in waiting
    assert "Draft → In review by reporter" in waiting
    assert reverse("admin:candidates_quote_change", args=[quote.pk]) in waiting
    assert reverse("admin:results_contestfact_change", args=[contest_fact.pk]) in waiting


def test_scheduled_items_are_listed_soonest_first(editor):
    now = timezone.now()
    later = factories.CandidateFactory(
        full_name="Later Person", publish_at=now + datetime.timedelta(days=2)
    )
    sooner = factories.ContestFactory(
        name="Sooner Caucus", publish_at=now + datetime.timedelta(hours=3)
    )
    factories.CandidateFactory(
        full_name="Already Public", publish_at=now - datetime.timedelta(hours=1)
    )

    scheduled = section(editor.get(DASHBOARD), "scheduled")

    assert scheduled.index(str(sooner)) < scheduled.index(str(later))
    assert "Already Public" not in scheduled


def test_recently_published_lists_public_items_newest_first(editor):
    quote = cited(factories.QuoteFactory(status=Status.IN_REVIEW, text="Fresh off the desk."))
    factories.QuoteFactory(status=Status.UNPUBLISHED, text="Taken down.")
    factories.QuoteFactory(text="Not yet.", publish_at=timezone.now() + datetime.timedelta(hours=1))
    factories.SourceFactory(headline="An older report")
    run_action(editor, Quote, "publish", [quote])

    published = section(editor.get(DASHBOARD), "recently-published")

    assert published.index("Fresh off the desk.") < published.index("An older report")
    assert "In review → Published by editor" in published
    assert "Taken down." not in published
    assert "Not yet." not in published


def test_open_editorial_comments_are_listed_and_resolved_ones_are_not(editor):
    quote = factories.QuoteFactory(status=Status.IN_REVIEW)
    comment_on(quote, "Check the date against the CNN piece.")
    comment_on(quote, "Fixed already.", resolved_at=timezone.now())

    comments = section(editor.get(DASHBOARD), "open-comments")

    assert "Check the date against the CNN piece." in comments
    assert "Fixed already." not in comments
    assert "Open editorial comments (1)" in comments
    assert reverse("admin:candidates_quote_change", args=[quote.pk]) in comments


def test_comments_on_items_a_user_may_not_view_are_not_shown_to_them(django_user_model, editor):
    clerk = client_for(django_user_model, roles.RESULTS_CLERK)
    comment_on(factories.QuoteFactory(), "The speaker asked us to hold this quote.")
    comment_on(factories.ContestFactory(), "Recount under way in one district.")

    for_clerk = section(clerk.get(DASHBOARD), "open-comments")
    for_editor = section(editor.get(DASHBOARD), "open-comments")

    assert "The speaker asked us to hold this quote." not in for_clerk
    assert "Recount under way in one district." in for_clerk
    assert "Open editorial comments (1)" in for_clerk
    assert "The speaker asked us to hold this quote." in for_editor
    assert "Open editorial comments (2)" in for_editor


def test_results_clerk_sees_only_what_the_clerk_may_view(django_user_model):
    clerk = client_for(django_user_model, roles.RESULTS_CLERK)
    factories.QuoteFactory(status=Status.IN_REVIEW, text="Not for the results desk.")
    factories.ContestFactory(status=Status.IN_REVIEW, name="Recount Caucus")

    waiting = section(clerk.get(DASHBOARD), "awaiting-review")

    assert "Recount Caucus" in waiting
    assert "Not for the results desk." not in waiting


def _fill_desk(per_kind: int, actor):
    now = timezone.now()
    for index in range(per_kind):
        quote = factories.QuoteFactory(status=Status.IN_REVIEW)
        factories.ContestFactFactory(status=Status.IN_REVIEW)
        factories.CandidateFactory(publish_at=now + datetime.timedelta(hours=index + 1))
        factories.SourceFactory()
        comment_on(quote, f"Comment {index}", author=actor)
        workflow.record(quote, Status.DRAFT, Status.IN_REVIEW, by=actor)


#: Session and user, the user's permissions, three reads per publishable model in the admin
#: (eleven), each model's content type once, the last steps, the comments and their count:
#: 71 measured with a cold cache, at 2 and at 30 items of each kind (24 of them the
#: provenance totals: two per cited model, the count of current citations and the sources'
#: text on file).
DASHBOARD_QUERIES = 71


@pytest.mark.parametrize("per_kind", [2, 30])
def test_dashboard_queries_do_not_grow_with_the_desk(
    editor, django_assert_max_num_queries, per_kind
):
    _fill_desk(per_kind, editor.user)
    ContentType.objects.clear_cache()
    # Cold, whatever ran before on this worker: the provenance totals are kept in the cache.
    cache.clear()

    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = editor.get(DASHBOARD)

    assert response.status_code == 200
    assert response.text.count("Comment ") >= min(per_kind, 25)
