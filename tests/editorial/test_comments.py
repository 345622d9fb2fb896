"""Editorial comments on any item: add, reply, resolve and reopen under the change form, by
anyone who may see the item in the admin; never on a public page."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from candidates.models import Candidate
from newsroom.editorial.publishing import Status
from newsroom.editorial.records import EditorialComment
from tests.support import factories
from tests.support.admin_forms import admin_url
from tests.support.editors import open_change_form

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 11, 3, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def candidate():
    return factories.CandidateFactory(full_name="Jason Palmer", slug="jason-palmer")


def post_comment(client, item, body, parent=None, **extra):
    data = {"body": body}
    if parent is not None:
        data["parent"] = parent.pk
    return client.post(admin_url(type(item), "comment_add", item.pk), data, **extra)


def resolve(client, item, comment, action="resolve"):
    return client.post(
        admin_url(type(item), "comment_resolve", item.pk, comment.pk), {"action": action}
    )


def threads(client, item):
    response, _ = open_change_form(client, item)
    return response.context["editorial_comments"]["threads"]


def test_comment_is_stored_on_the_item_and_shown_under_its_form(alice, bob, candidate):
    response = post_comment(alice, candidate, "Is the age from the AP or from Reuters?")

    comment = EditorialComment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/change/#comment-{comment.pk}")
    assert comment.content_object == candidate
    assert comment.author == alice.user
    page, _ = open_change_form(bob, candidate)
    assert "Is the age from the AP or from Reuters?" in page.text
    assert "Alice Archer" in page.text


def test_empty_comment_is_refused_at_the_field_and_nothing_is_saved(alice, candidate):
    response = post_comment(alice, candidate, "   ")

    assert response.status_code == 400
    assert not EditorialComment.objects.exists()
    form = response.context["editorial_comments"]["form"]
    assert form.errors["body"] == ["Write something before posting the comment."]
    section = response.text[response.text.index('id="editorial-comments"') :]
    assert "Write something before posting the comment." in section
    assert 'aria-invalid="true"' in section


def test_page_shown_after_an_empty_comment_still_saves_the_item_at_its_own_address(
    alice, candidate
):
    response = post_comment(alice, candidate, "")

    change_url = admin_url(Candidate, "change", candidate.pk)
    assert f'action="{change_url}"' in response.text


def test_empty_reply_keeps_the_error_in_its_thread(alice, candidate):
    post_comment(alice, candidate, "Check the age.")
    top = EditorialComment.objects.get()

    response = post_comment(alice, candidate, "", parent=top)

    assert response.status_code == 400
    assert EditorialComment.objects.count() == 1
    thread = response.text[response.text.index(f'id="comment-{top.pk}"') :]
    assert "Write something before posting the comment." in thread


def test_reply_joins_the_thread_and_a_reply_to_a_reply_too(alice, bob, candidate):
    post_comment(alice, candidate, "Check the age.")
    top = EditorialComment.objects.get()
    post_comment(bob, candidate, "The AP says 52.", parent=top)
    reply = EditorialComment.objects.get(parent=top)

    post_comment(alice, candidate, "Thanks, fixed.", parent=reply)

    [thread] = threads(alice, candidate)
    assert thread.comment == top
    assert [r.body for r in thread.replies] == ["The AP says 52.", "Thanks, fixed."]


def test_reply_to_a_comment_on_another_item_is_refused(alice, candidate):
    other = factories.CandidateFactory()
    post_comment(alice, other, "About the other candidate.")
    elsewhere = EditorialComment.objects.get()

    response = post_comment(alice, candidate, "Sneaky reply", parent=elsewhere)

    assert response.status_code == 400
    assert EditorialComment.objects.count() == 1


def test_resolve_and_reopen_a_thread(alice, bob, candidate):
    post_comment(alice, candidate, "Check the age.")
    comment = EditorialComment.objects.get()

    assert resolve(bob, candidate, comment).status_code == 302
    comment.refresh_from_db()
    assert comment.resolved_by == bob.user
    assert comment.resolved_at is not None
    page, _ = open_change_form(alice, candidate)
    assert "Resolved by Bob Baker" in page.text
    assert 'value="Reopen"' in page.text

    assert resolve(alice, candidate, comment, action="reopen").status_code == 302
    comment.refresh_from_db()
    assert (comment.resolved_at, comment.resolved_by) == (None, None)


def test_open_threads_are_counted_in_the_heading(alice, candidate):
    post_comment(alice, candidate, "First.")
    post_comment(alice, candidate, "Second.")
    resolve(alice, candidate, EditorialComment.objects.get(body="First."))

    page, _ = open_change_form(alice, candidate)

    assert "Editorial comments (1 open)" in page.text


def test_thread_with_the_newest_activity_comes_first(alice, bob, candidate):
    with time_machine.travel(NOON, tick=False):
        post_comment(alice, candidate, "Older thread.")
    with time_machine.travel(NOON + datetime.timedelta(minutes=5), tick=False):
        post_comment(alice, candidate, "Newer thread.")
    with time_machine.travel(NOON + datetime.timedelta(minutes=10), tick=False):
        post_comment(
            bob, candidate, "Reply.", parent=EditorialComment.objects.get(body="Older thread.")
        )

    assert [t.comment.body for t in threads(alice, candidate)] == ["Older thread.", "Newer thread."]


def test_resolving_a_reply_is_not_possible(alice, candidate):
    post_comment(alice, candidate, "Check the age.")
    post_comment(alice, candidate, "Done.", parent=EditorialComment.objects.get())
    reply = EditorialComment.objects.get(body="Done.")

    assert resolve(alice, candidate, reply).status_code == 404


def test_resolving_a_comment_through_another_item_is_404(alice, candidate):
    other = factories.CandidateFactory()
    post_comment(alice, other, "About the other candidate.")

    response = resolve(alice, candidate, EditorialComment.objects.get())

    assert response.status_code == 404
    assert EditorialComment.objects.get().resolved_at is None


def test_comments_section_is_outside_the_items_form(alice, candidate):
    post_comment(alice, candidate, "Check the age.")

    page, _ = open_change_form(alice, candidate)

    html = page.text
    form_start = html.index('id="candidate_form"')
    form_end = html.index("</form>", form_start)
    assert html.index('id="editorial-comments"') > form_end


def test_posting_a_comment_leaves_the_item_untouched(alice, candidate):
    version = candidate.version

    post_comment(alice, candidate, "Check the age.")

    assert Candidate.objects.get(pk=candidate.pk).version == version


def test_someone_who_may_only_view_the_item_may_comment(django_user_model, candidate):
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_candidate"))
    client = Client()
    client.force_login(viewer)

    response = post_comment(client, candidate, "Source for the age?")

    assert response.status_code == 302
    assert EditorialComment.objects.get().author == viewer


def test_staff_without_permission_on_the_item_may_not_comment_or_resolve(
    django_user_model, alice, candidate
):
    post_comment(alice, candidate, "Check the age.")
    stranger = django_user_model.objects.create_user("stranger", is_staff=True)
    client = Client()
    client.force_login(stranger)

    assert post_comment(client, candidate, "Let me in").status_code == 403
    assert resolve(client, candidate, EditorialComment.objects.get()).status_code == 403
    assert EditorialComment.objects.count() == 1
    assert EditorialComment.objects.get().resolved_at is None


def test_anonymous_visitor_is_sent_to_log_in(client, candidate):
    response = post_comment(client, candidate, "Hello")

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not EditorialComment.objects.exists()


def test_comment_without_csrf_token_is_refused(alice, candidate):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice.user)

    assert post_comment(client, candidate, "Hello").status_code == 403
    assert not EditorialComment.objects.exists()


def test_comment_forms_carry_the_csrf_token(alice, candidate):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice.user)
    page, _ = open_change_form(client, candidate)
    section = page.text[page.text.index('id="editorial-comments"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', section)[1]

    response = client.post(
        admin_url(Candidate, "comment_add", candidate.pk),
        {"body": "Hello", "csrfmiddlewaretoken": token},
    )

    assert response.status_code == 302


def test_comment_urls_are_post_only(alice, candidate):
    assert alice.get(admin_url(Candidate, "comment_add", candidate.pk)).status_code == 405


def test_comment_body_is_escaped(alice, candidate):
    post_comment(alice, candidate, "<script>alert(1)</script>")

    page, _ = open_change_form(alice, candidate)

    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_comments_never_appear_on_the_public_page(alice, client, candidate):
    post_comment(alice, candidate, "Internal: do not trust the age yet.")

    response = client.get(candidate.get_absolute_url())

    assert response.status_code == 200
    assert "do not trust the age" not in response.text


def test_comments_work_on_every_kind_of_item(alice):
    contest = factories.ContestFactory(status=Status.DRAFT)

    post_comment(alice, contest, "Wait for the final count.")

    comment = EditorialComment.objects.get()
    assert comment.content_type == ContentType.objects.get_for_model(contest)
    assert [t.comment for t in threads(alice, contest)] == [comment]


def test_open_threads_come_before_resolved_ones(alice, candidate):
    with time_machine.travel(NOON, tick=False):
        post_comment(alice, candidate, "Open and older.")
    with time_machine.travel(NOON + datetime.timedelta(minutes=5), tick=False):
        post_comment(alice, candidate, "Resolved and newer.")
        resolve(alice, candidate, EditorialComment.objects.get(body="Resolved and newer."))

    assert [t.comment.body for t in threads(alice, candidate)] == [
        "Open and older.",
        "Resolved and newer.",
    ]


def test_comment_box_says_in_text_that_posting_does_not_save_the_form(alice, candidate):
    page, _ = open_change_form(alice, candidate)

    comments = page.text[page.text.index('id="editorial-comments"') :]
    assert "posting, replying to or resolving a comment does not save the form above" in comments


def test_comment_section_asks_before_unsaved_edits_are_lost_with_a_static_script(alice, candidate):
    page, _ = open_change_form(alice, candidate)

    assert 'id="candidate_form"' in page.text
    assert 'data-change-form="candidate_form"' in page.text
    assert re.search(r'<script src="[^"]*admin/editorial/unsaved\.js" defer></script>', page.text)
