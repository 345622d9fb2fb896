"""Staff preview: an item that is not public opens on its own public URL for logged-in staff
who may view it, with a banner and `Cache-Control: private, no-store`; everyone else gets
404, and lists, feeds, sitemap, search and the API stay published-only even for staff."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsroom.editorial import roles
from newsroom.editorial.publishing import Status
from tests.support import factories
from tests.support.world import patterns_without_arguments

pytestmark = pytest.mark.django_db

MARKER = "Zebulon Quackenbush"

MAKERS = {
    "candidate": lambda **kw: factories.CandidateFactory(full_name=MARKER, **kw),
    "quote": lambda **kw: factories.QuoteFactory(text=f"{MARKER} said so.", **kw),
    "fact": lambda **kw: factories.FactFactory(statement=f"{MARKER} did it.", **kw),
    "contest": lambda **kw: factories.ContestFactory(name=f"{MARKER} caucus", **kw),
    "source": lambda **kw: factories.SourceFactory(headline=f"{MARKER} wins", **kw),
    "place": lambda **kw: factories.JurisdictionFactory(name=f"{MARKER} Island", **kw),
}

HIDDEN = {
    "draft": ({"status": Status.DRAFT}, "Draft"),
    "in review": ({"status": Status.IN_REVIEW}, "In review"),
    "unpublished": ({"status": Status.UNPUBLISHED}, "Unpublished"),
    "scheduled": ({"publish_at": "tomorrow"}, "Scheduled"),
}


def hidden_state(name):
    options, label = HIDDEN[name]
    if options.get("publish_at") == "tomorrow":
        options = {"publish_at": timezone.now() + datetime.timedelta(days=1)}
    return options, label


def staff_client(django_user_model, username, role):
    user = django_user_model.objects.create_user(username, password="correct horse 42")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor(django_user_model):
    return staff_client(django_user_model, "eddie", roles.EDITOR)


@pytest.fixture
def reporter(django_user_model):
    return staff_client(django_user_model, "rita", roles.REPORTER)


def assert_preview(response, label):
    assert response.status_code == 200
    html = response.text
    assert 'class="preview-banner"' in html
    assert f">{label}</strong>" in html
    assert "Staff preview" in html
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("kind", MAKERS)
@pytest.mark.parametrize("state", HIDDEN)
def test_hidden_item_is_404_for_anonymous_readers_and_a_preview_for_editors(
    client, editor, kind, state
):
    options, label = hidden_state(state)
    item = MAKERS[kind](**options)

    assert client.get(item.get_absolute_url()).status_code == 404
    response = editor.get(item.get_absolute_url())
    assert_preview(response, label)
    assert MARKER in response.text


@pytest.mark.parametrize("kind", MAKERS)
def test_reporters_preview_drafts_too(reporter, kind):
    item = MAKERS[kind](status=Status.DRAFT)

    assert_preview(reporter.get(item.get_absolute_url()), "Draft")


def test_results_clerk_previews_a_draft_contest(django_user_model):
    clerk = staff_client(django_user_model, "carl", roles.RESULTS_CLERK)
    contest = MAKERS["contest"](status=Status.DRAFT)

    assert_preview(clerk.get(contest.get_absolute_url()), "Draft")


def test_staff_without_permission_to_view_the_item_get_404(django_user_model):
    user = django_user_model.objects.create_user("stan", password="x", is_staff=True)
    client = Client()
    client.force_login(user)
    quote = MAKERS["quote"](status=Status.DRAFT)

    assert client.get(quote.get_absolute_url()).status_code == 404


def test_logged_in_readers_who_are_not_staff_get_404(django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    user.groups.add(Group.objects.get(name=roles.EDITOR))
    client = Client()
    client.force_login(user)
    quote = MAKERS["quote"](status=Status.DRAFT)

    assert client.get(quote.get_absolute_url()).status_code == 404


def test_published_quote_of_a_draft_candidate_previews_with_the_reason(client, editor):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    quote = MAKERS["quote"](candidate=candidate)

    assert client.get(quote.get_absolute_url()).status_code == 404
    response = editor.get(quote.get_absolute_url())
    assert_preview(response, "Not public")
    assert "its candidate is not public" in response.text


def test_contest_in_a_draft_place_previews_for_staff(client, editor):
    contest = MAKERS["contest"](jurisdiction=factories.JurisdictionFactory(status=Status.DRAFT))

    assert client.get(contest.get_absolute_url()).status_code == 404
    assert_preview(editor.get(contest.get_absolute_url()), "Not public")


def test_public_page_has_no_banner_for_staff(editor):
    quote = MAKERS["quote"]()

    response = editor.get(quote.get_absolute_url())

    assert response.status_code == 200
    assert "preview-banner" not in response.text


def test_scheduled_preview_says_when_it_goes_public(editor):
    quote = MAKERS["quote"](publish_at=timezone.now() + datetime.timedelta(days=1))

    assert "becomes public on" in editor.get(quote.get_absolute_url()).text


def test_draft_profile_preview_shows_the_parts_that_go_public_with_it(editor):
    candidate = factories.CandidateFactory(status=Status.DRAFT)
    factories.QuoteFactory(candidate=candidate, text="Published words.")
    factories.QuoteFactory(candidate=candidate, text="Draft words.", status=Status.DRAFT)

    html = editor.get(candidate.get_absolute_url()).text

    assert "Published words." in html
    assert "Draft words." not in html


def test_draft_contest_preview_shows_its_results(editor):
    contest = MAKERS["contest"](status=Status.DRAFT)
    factories.ResultFactory(contest=contest, votes=4321)

    assert "4321" in editor.get(contest.get_absolute_url()).text


def listings() -> list[str]:
    """Every public page without arguments, from the URL resolver (tests/support/world.py),
    the searches (the site's and the API's) asked for the marker; not the desk's own pages,
    which list drafts for staff by design; nor oEmbed, which answers about the one page its
    `url` names (below)."""
    staff_routes = (settings.ADMIN_URL, "desk/")
    return [
        f"{reverse(name)}?q=Quackenbush" if name in ("search", "api:search") else reverse(name)
        for name, route in patterns_without_arguments()
        if not route.startswith((*staff_routes, "oembed"))
    ]


@pytest.mark.parametrize("path", listings())
def test_lists_feeds_search_sitemap_and_api_stay_published_only_for_staff(editor, path):
    for make in MAKERS.values():
        item = make(status=Status.DRAFT)
        factories.CorrectionFactory(content_object=item, note=f"{MARKER} corrected")

    response = editor.get(path)

    assert response.status_code == 200, path
    assert MARKER not in response.content.decode(), path


def test_oembed_of_a_draft_contest_is_404_even_for_staff(editor):
    contest = MAKERS["contest"](status=Status.DRAFT)

    response = editor.get("/oembed", {"url": f"http://testserver{contest.get_absolute_url()}"})

    assert response.status_code == 404
    assert MARKER not in response.content.decode()


def test_citation_export_of_a_draft_is_404_even_for_staff(editor):
    quote = MAKERS["quote"](status=Status.DRAFT)

    assert editor.get(f"/cite/quote/{quote.pk}/").status_code == 404
    assert editor.get(f"/cite/quote/{quote.pk}.ris").status_code == 404


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_CACHE_MAX_AGE = 30
    cache.clear()
    yield
    cache.clear()


def test_staff_preview_never_enters_the_page_cache(client, editor, page_cache):
    quote = MAKERS["quote"](status=Status.DRAFT)

    preview = editor.get(quote.get_absolute_url())
    again = editor.get(quote.get_absolute_url())
    anonymous = client.get(quote.get_absolute_url())

    assert (preview.page_cache, again.page_cache) == ("private", "private")
    assert anonymous.status_code == 404
    assert MARKER not in anonymous.text


def test_staff_never_get_the_anonymous_cached_page(client, editor, page_cache):
    quote = MAKERS["quote"](editor_note="")
    client.get(quote.get_absolute_url())
    assert client.get(quote.get_absolute_url()).page_cache == "hit"

    response = editor.get(quote.get_absolute_url())

    assert response.page_cache == "private"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("kind", ["candidate", "contest"])
def test_preview_queries_stay_bounded(editor, django_assert_max_num_queries, kind):
    item = MAKERS[kind](status=Status.DRAFT)
    editor.get(item.get_absolute_url())
    with django_assert_max_num_queries(30):
        assert editor.get(item.get_absolute_url()).status_code == 200
