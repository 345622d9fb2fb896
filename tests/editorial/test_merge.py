"""Merging duplicate candidates or sources in the admin: references move to the survivor,
the old address redirects, both histories record the merge, clashes refuse it whole."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.test import Client

from candidates.models import Candidate, Quote
from newsroom.editorial.records import Redirect
from newsroom.models import Citation, Contributor, ExternalIdentifier, Source
from results.models import RaceCall, Result, Snapshot, SnapshotEntry
from tests.support import factories
from tests.support.admin_forms import admin_url

pytestmark = pytest.mark.django_db


def select(client, model, items, **extra):
    return client.post(
        admin_url(model, "changelist"),
        {"action": "merge_duplicates", "_selected_action": [item.pk for item in items], **extra},
    )


def merge(client, keep, drop, note="Same person, two spellings"):
    return select(
        client,
        type(keep),
        [keep, drop],
        survivor=keep.pk,
        merge_note=note,
        confirm_merge="Merge",
    )


@pytest.fixture
def pair():
    """Jason Palmer twice: the survivor and a duplicate with things of its own."""
    keep = factories.CandidateFactory(full_name="Jason Palmer", slug="jason-palmer")
    drop = factories.CandidateFactory(full_name="Jason M. Palmer", slug="jason-m-palmer")
    return keep, drop


def test_choosing_two_shows_what_would_move(alice, pair):
    keep, drop = pair
    factories.QuoteFactory.create_batch(3, candidate=drop)

    response = select(alice, Candidate, [keep, drop])

    assert response.status_code == 200
    page = response.content.decode()
    assert "3 quotes" in page
    assert "/candidates/jason-m-palmer/ &rarr; /candidates/jason-palmer/" in page
    assert Candidate.objects.count() == 2


def test_merge_needs_exactly_two(alice, pair):
    keep, _ = pair

    response = select(alice, Candidate, [keep], survivor=keep.pk, confirm_merge="Merge")

    assert response.status_code == 302
    assert "Select exactly two" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert Candidate.objects.count() == 2


def test_every_reference_moves_to_the_survivor(alice, pair):
    keep, drop = pair
    quote = factories.QuoteFactory(candidate=drop)
    fact = factories.FactFactory(candidate=drop)
    career = factories.CareerEntryFactory(candidate=drop)
    platform = factories.PlatformPositionFactory(candidate=drop)
    result = factories.ResultFactory(candidate=drop)
    call = factories.RaceCallFactory(winner=drop, contest=result.contest)
    entry = factories.SnapshotEntryFactory(candidate=drop)
    citation = factories.CitationFactory(content_object=drop)
    identifier = factories.ExternalIdentifierFactory(
        content_object=drop, scheme="wikidata", value="Q123"
    )

    assert merge(alice, keep, drop).status_code == 302

    assert not Candidate.objects.filter(pk=drop.pk).exists()
    assert Quote.objects.get(pk=quote.pk).candidate == keep
    assert type(fact).objects.get(pk=fact.pk).candidate == keep
    assert type(career).objects.get(pk=career.pk).candidate == keep
    assert type(platform).objects.get(pk=platform.pk).candidate == keep
    assert Result.objects.get(pk=result.pk).candidate == keep
    assert RaceCall.objects.get(pk=call.pk).winner == keep
    assert SnapshotEntry.objects.get(pk=entry.pk).candidate == keep
    assert Citation.objects.get(pk=citation.pk).object_id == keep.pk
    assert ExternalIdentifier.objects.get(pk=identifier.pk).object_id == keep.pk


def test_citations_the_survivor_already_has_are_not_doubled(alice, pair):
    keep, drop = pair
    source = factories.SourceFactory()
    factories.CitationFactory(content_object=keep, source=source, pinpoint="para. 3")
    factories.CitationFactory(content_object=drop, source=source, pinpoint="para. 3")
    other = factories.CitationFactory(content_object=drop, source=source, pinpoint="para. 9")

    merge(alice, keep, drop)

    assert sorted(Citation.objects.for_object(keep).values_list("pinpoint", flat=True)) == [
        "para. 3",
        "para. 9",
    ]
    assert Citation.objects.get(pk=other.pk).object_id == keep.pk


def test_old_address_redirects_permanently_to_the_survivor(alice, client, pair):
    keep, drop = pair
    old = drop.get_absolute_url()

    merge(alice, keep, drop)

    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == keep.get_absolute_url()
    assert client.get(keep.get_absolute_url()).status_code == 200


def test_earlier_redirects_to_the_duplicate_follow_it(alice, client, pair):
    keep, drop = pair
    Redirect.objects.create(old_path="/candidates/palmer-jason/", new_path=drop.get_absolute_url())

    merge(alice, keep, drop)

    response = client.get("/candidates/palmer-jason/")
    assert response.status_code == 301
    assert response["Location"] == keep.get_absolute_url()


def test_history_keeps_both_and_records_the_merge_on_each(alice, pair):
    keep, drop = pair
    quote = factories.QuoteFactory(candidate=drop)

    merge(alice, keep, drop, note="Same FEC filing")

    gone = Candidate.history.filter(id=drop.pk)
    assert gone.filter(full_name="Jason M. Palmer", history_type="+").exists()
    deletion = gone.get(history_type="-")
    assert deletion.history_change_reason == f"Merged into “Jason Palmer” (#{keep.pk})"
    assert deletion.history_user == alice.user
    assert deletion.history_change_source == "Same FEC filing"
    survivor = keep.history.first()
    assert survivor.history_change_reason == (
        f"Merged duplicate “Jason M. Palmer” (#{drop.pk}) into this"
    )
    assert survivor.history_user == alice.user
    moved = quote.history.first()
    assert moved.candidate_id == keep.pk
    assert moved.history_change_reason.startswith(f"Moved from merged duplicate #{drop.pk}")
    assert quote.history.last().candidate_id == drop.pk


def test_both_having_a_result_in_one_contest_refuses_the_whole_merge(alice, pair):
    keep, drop = pair
    contest = factories.ContestFactory(name="American Samoa caucus")
    factories.ResultFactory(contest=contest, candidate=keep)
    factories.ResultFactory(contest=contest, candidate=drop)
    quote = factories.QuoteFactory(candidate=drop)

    response = merge(alice, keep, drop)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was merged" in page
    assert "both have a result for contest “American Samoa caucus”" in page
    assert Candidate.objects.filter(pk=drop.pk).exists()
    assert Quote.objects.get(pk=quote.pk).candidate == drop
    assert not Redirect.objects.exists()


def test_different_ids_in_one_registry_refuse_the_merge(alice, pair):
    keep, drop = pair
    factories.ExternalIdentifierFactory(content_object=keep, scheme="wikidata", value="Q1")
    factories.ExternalIdentifierFactory(content_object=drop, scheme="wikidata", value="Q2")

    response = merge(alice, keep, drop)

    assert "Nothing was merged" in response.content.decode()
    assert Candidate.objects.filter(pk=drop.pk).exists()


def test_merge_is_all_or_nothing(alice, pair, monkeypatch):
    keep, drop = pair
    quote = factories.QuoteFactory(candidate=drop)

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Redirect.objects, "update_or_create", fail)
    with pytest.raises(RuntimeError):
        merge(alice, keep, drop)

    assert Candidate.objects.filter(pk=drop.pk).exists()
    assert Quote.objects.get(pk=quote.pk).candidate == drop
    assert not Candidate.history.filter(id=drop.pk, history_type="-").exists()


@pytest.fixture
def staff_without_merge(django_user_model):
    user = django_user_model.objects.create_user("rita", password="correct horse 42")
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="candidates", codename__endswith="_candidate"
        )
    )
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def test_merge_needs_the_merge_permission(staff_without_merge, pair):
    keep, drop = pair

    page = staff_without_merge.get(admin_url(Candidate, "changelist")).content.decode()
    response = merge(staff_without_merge, keep, drop)

    assert "merge_duplicates" not in page
    assert response.status_code == 302
    assert Candidate.objects.filter(pk=drop.pk).exists()


def test_merge_permission_offers_the_action(staff_without_merge):
    keep = factories.CandidateFactory(full_name="Jason Palmer", status="draft")
    drop = factories.CandidateFactory(full_name="Jason M. Palmer", status="draft")
    staff_without_merge.user.user_permissions.add(Permission.objects.get(codename="merge_content"))

    page = staff_without_merge.get(admin_url(Candidate, "changelist")).content.decode()
    response = merge(staff_without_merge, keep, drop)

    assert "merge_duplicates" in page
    assert response.status_code == 302
    assert not Candidate.objects.filter(pk=drop.pk).exists()


def test_merging_sources_moves_citations_snapshots_and_bylines(alice, client):
    keep = factories.SourceFactory(headline="Palmer wins American Samoa")
    drop = factories.SourceFactory(headline="Palmer wins Am. Samoa", outlet=keep.outlet, url="")
    quote = factories.QuoteFactory()
    citation = factories.CitationFactory(content_object=quote, source=drop)
    snapshot = factories.SnapshotFactory(source=drop)
    factories.ContributorFactory(source=keep, name="Ana Reyes")
    factories.ContributorFactory(source=drop, name="Ana Reyes")
    second = factories.ContributorFactory(source=drop, name="Ben Ortiz")
    old = drop.get_absolute_url()

    assert merge(alice, keep, drop, note="Same AP story").status_code == 302

    assert not Source.objects.filter(pk=drop.pk).exists()
    assert Citation.objects.get(pk=citation.pk).source == keep
    assert Snapshot.objects.get(pk=snapshot.pk).source == keep
    assert sorted(Contributor.objects.filter(source=keep).values_list("name", flat=True)) == [
        "Ana Reyes",
        "Ben Ortiz",
    ]
    assert Contributor.objects.get(pk=second.pk).source == keep
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, keep.get_absolute_url())


def test_both_counted_in_one_snapshot_refuses_the_merge(alice, pair):
    keep, drop = pair
    snapshot = factories.SnapshotFactory()
    factories.SnapshotEntryFactory(snapshot=snapshot, candidate=keep)
    factories.SnapshotEntryFactory(snapshot=snapshot, candidate=drop)

    response = merge(alice, keep, drop)

    assert "both have a snapshot entry" in response.content.decode()
    assert Candidate.objects.filter(pk=drop.pk).exists()


def test_a_refused_direction_cannot_be_chosen_on_the_confirmation_page(alice, pair):
    keep, drop = pair
    contest = factories.ContestFactory()
    factories.ResultFactory(contest=contest, candidate=keep)
    factories.ResultFactory(contest=contest, candidate=drop)

    response = select(alice, Candidate, [keep, drop])

    page = response.content.decode()
    assert page.count('name="survivor"') == 2
    assert page.count(" disabled>") == 2


def test_a_redirect_never_shadows_a_live_page(client, pair):
    keep, drop = pair
    Redirect.objects.create(old_path=drop.get_absolute_url(), new_path=keep.get_absolute_url())

    assert client.get(drop.get_absolute_url()).status_code == 200


def test_a_missing_page_stays_404_when_the_redirect_lookup_fails(client, db, monkeypatch):
    from django.db import DatabaseError

    from newsroom.editorial.records import Redirect

    def unavailable(*args, **kwargs):
        raise DatabaseError("server closed the connection unexpectedly")

    monkeypatch.setattr(Redirect.objects, "filter", unavailable)

    assert client.get("/no-such-page/").status_code == 404


@pytest.fixture
def same_story():
    """One AP story recorded twice by one outlet: only the duplicate has the link."""
    keep = factories.SourceFactory(headline="Palmer wins American Samoa", url="")
    drop = factories.SourceFactory(
        headline="Palmer wins Am. Samoa",
        outlet=keep.outlet,
        url="https://news.example.org/palmer-wins",
        archive_url="https://archive.example.org/palmer-wins",
    )
    return keep, drop


def test_merging_sources_keeps_the_duplicates_link_when_the_survivor_has_none(
    alice, client, same_story
):
    keep, drop = same_story

    assert merge(alice, keep, drop, note="Same AP story").status_code == 302

    keep.refresh_from_db()
    assert keep.url == "https://news.example.org/palmer-wins"
    assert keep.archive_url == "https://archive.example.org/palmer-wins"
    assert "https://news.example.org/palmer-wins" in client.get(keep.get_absolute_url()).text


def test_the_confirmation_page_says_which_link_is_kept(alice, same_story):
    keep, drop = same_story

    page = select(alice, Source, [keep, drop]).content.decode()

    assert "canonical URL: https://news.example.org/palmer-wins" in page


def test_sources_with_two_different_links_refuse_the_merge(alice, same_story):
    keep, drop = same_story
    keep.url = "https://news.example.org/palmer-wins-amp"
    keep.save()

    response = merge(alice, keep, drop)

    assert "a merge would lose one" in response.content.decode()
    assert Source.objects.filter(pk=drop.pk, url="https://news.example.org/palmer-wins").exists()


def test_fox_and_abc_articles_are_flagged_as_different_articles(alice, seed_newsroom):
    fox = Source.objects.get(slug="fox-news-palmer-american-samoa")
    abc = Source.objects.get(slug="abc-news-who-is-jason-palmer")

    page = select(alice, Source, [fox, abc]).content.decode()

    assert "These look like different sources, not duplicates" in page
    assert "Outlet: “Fox News” and “ABC News”" in page or (
        "Outlet: “ABC News” and “Fox News”" in page
    )
    assert 'name="despite_differences"' in page


def test_sources_of_two_outlets_are_not_merged_without_the_extra_confirmation(alice, same_story):
    keep, drop = same_story
    drop.outlet = factories.OutletFactory(name="Other Ledger")
    drop.save()

    response = merge(alice, keep, drop)

    assert "These look like different sources" in response.content.decode()
    assert Source.objects.filter(pk=drop.pk).exists()


def test_sources_of_two_outlets_merge_once_the_editor_confirms(alice, same_story):
    keep, drop = same_story
    drop.outlet = factories.OutletFactory(name="Other Ledger")
    drop.save()

    response = select(
        alice,
        Source,
        [keep, drop],
        survivor=keep.pk,
        confirm_merge="Merge",
        despite_differences="on",
    )

    assert response.status_code == 302
    assert not Source.objects.filter(pk=drop.pk).exists()


def test_sources_published_on_different_days_are_flagged(alice, same_story):
    keep, drop = same_story
    drop.published_on = keep.published_on.replace(day=7)
    drop.save()

    page = select(alice, Source, [keep, drop]).content.decode()

    assert "Publication date: “March 7, 2024” and “March 6, 2024”" in page


def test_sources_with_the_same_outlet_and_date_need_no_extra_confirmation(alice, same_story):
    keep, drop = same_story

    page = select(alice, Source, [keep, drop]).content.decode()

    assert 'name="despite_differences"' not in page


def test_candidates_of_two_parties_are_flagged_as_different_people(alice, pair):
    keep, drop = pair
    drop.party = factories.PartyFactory(name="Green Party", adjective="Green", slug="green")
    drop.save()

    page = select(alice, Candidate, [keep, drop]).content.decode()

    assert "These look like different candidates" in page
    assert "Green Party" in page
