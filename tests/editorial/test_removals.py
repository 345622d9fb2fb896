"""Deleting a public item needs a public note and leaves a tombstone: its old address
answers 410 Gone with the note, and /corrections/ and its feeds list the removal. Every door
obeys: the admin's delete page, "delete selected", an inline's Delete box, code; a merge
leaves a redirect instead."""

import xml.etree.ElementTree as ET

import pytest
from django.db import transaction
from django.test import Client

from candidates.models import Candidate, Quote
from newsroom.editorial import roles
from newsroom.editorial.publishing import Status
from newsroom.editorial.removals import NoteRequired, delete_all_published, delete_published
from newsroom.models import Redirect, Tombstone
from tests.support import factories
from tests.support.admin_forms import (
    CHANGE_NOTE,
    admin_url,
    inline_formset,
    page_data,
    unrendered_page,
)
from tests.support.editors import person

pytestmark = pytest.mark.django_db

NOTE = "We removed this quote: it was attributed to the wrong person."


@pytest.fixture
def editor(django_user_model):
    client = Client()
    client.force_login(person(django_user_model, roles.EDITOR))
    return client


def exists(item) -> bool:
    return type(item)._base_manager.filter(pk=item.pk).exists()


# In code ------------------------------------------------------------------------------------


def test_deleting_a_published_quote_without_a_note_is_refused():
    quote = factories.QuoteFactory()

    with pytest.raises(NoteRequired, match="needs a public note"), transaction.atomic():
        quote.delete()

    assert exists(quote)
    assert not Tombstone.objects.exists()


def test_a_queryset_delete_of_published_quotes_is_refused_too():
    quote = factories.QuoteFactory()

    with pytest.raises(NoteRequired), transaction.atomic():
        Quote.objects.filter(pk=quote.pk).delete()

    assert exists(quote)


def test_a_blank_note_is_no_note():
    quote = factories.QuoteFactory()

    with pytest.raises(NoteRequired):
        delete_published(quote, note="   ")

    assert exists(quote)


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW, Status.UNPUBLISHED])
def test_an_item_readers_cannot_see_deletes_without_a_note_or_tombstone(status):
    quote = factories.QuoteFactory(status=status)

    quote.delete()

    assert not exists(quote)
    assert not Tombstone.objects.exists()


def test_delete_published_leaves_a_tombstone_with_what_readers_saw(django_user_model):
    editor = person(django_user_model, roles.EDITOR)
    quote = factories.QuoteFactory(text="Every state in November.")
    path = quote.get_absolute_url()

    delete_published(quote, note=NOTE, by=editor)

    tombstone = Tombstone.objects.get()
    assert not exists(quote)
    assert tombstone.old_path == path
    assert "Every state in November." in tombstone.subject
    assert tombstone.kind == "Quote"
    assert tombstone.note == NOTE
    assert tombstone.created_by == editor
    assert tombstone.listed


def test_a_candidates_public_quotes_get_tombstones_but_only_the_candidate_is_listed(client):
    candidate = factories.CandidateFactory(full_name="Jason Palmer")
    quote = factories.QuoteFactory(candidate=candidate)
    quote_path = quote.get_absolute_url()

    delete_all_published(Candidate.objects.filter(pk=candidate.pk), note="Duplicate profile.")

    assert Tombstone.objects.count() == 2
    assert client.get(quote_path).status_code == 410
    html = client.get("/corrections/").text
    assert html.count("Duplicate profile.") == 1
    assert "Jason Palmer" in html


# What readers see ---------------------------------------------------------------------------


def test_the_old_address_answers_410_gone_with_the_note_and_date(client):
    quote = factories.QuoteFactory()
    path = quote.get_absolute_url()
    delete_published(quote, note=NOTE)

    response = client.get(path)

    assert response.status_code == 410
    assert NOTE in response.text
    assert Tombstone.objects.get().created_at.strftime("%B") in response.text
    assert client.head(path).status_code == 410
    assert client.post(path).status_code != 410


def test_a_redirect_left_by_a_merge_wins_over_a_tombstone(client):
    quote = factories.QuoteFactory()
    path = quote.get_absolute_url()
    delete_published(quote, note=NOTE)
    Redirect.objects.create(old_path=path, new_path="/quotes/")

    response = client.get(path)

    assert response.status_code == 301


def test_the_corrections_page_and_feeds_list_the_removal(client):
    quote = factories.QuoteFactory(text="Every state in November.")
    delete_published(quote, note=NOTE)

    html = client.get("/corrections/").text
    rss = ET.fromstring(client.get("/feeds/corrections.rss").content).find("channel/item")
    atom = client.get("/feeds/corrections.atom").text

    assert ">Removed<" in html
    assert NOTE in html
    assert "Every state in November." in html
    assert rss.find("title").text.startswith("Removed: Quote")
    assert rss.find("link").text.endswith(f"/corrections/#removal-{Tombstone.objects.get().pk}")
    assert NOTE in atom


def test_corrections_of_a_deleted_item_stay_listed(client):
    quote = factories.QuoteFactory()
    factories.CorrectionFactory(content_object=quote, note="Earlier wording corrected.")

    delete_published(quote, note=NOTE)

    html = client.get("/corrections/").text
    assert "Earlier wording corrected." in html
    assert NOTE in html


# The admin's doors --------------------------------------------------------------------------


def test_delete_page_asks_for_a_public_note(editor):
    quote = factories.QuoteFactory()

    page = editor.get(admin_url(Quote, "delete", quote.pk)).text

    assert 'name="public_note"' in page
    assert "410 Gone" in page


def test_delete_page_of_a_draft_asks_for_no_note(editor):
    quote = factories.QuoteFactory(status=Status.DRAFT)

    page = editor.get(admin_url(Quote, "delete", quote.pk)).text

    assert 'name="public_note"' not in page


def test_delete_page_without_a_note_refuses_even_the_editor(editor):
    quote = factories.QuoteFactory()

    response = editor.post(admin_url(Quote, "delete", quote.pk), {"post": "yes"})

    assert response.status_code == 200
    assert "needs a public note" in response.text
    assert exists(quote)
    assert not Tombstone.objects.exists()


def test_delete_page_with_a_note_deletes_and_leaves_a_tombstone(editor, client):
    quote = factories.QuoteFactory()
    path = quote.get_absolute_url()

    response = editor.post(
        admin_url(Quote, "delete", quote.pk), {"post": "yes", "public_note": NOTE}
    )

    assert response.status_code == 302
    assert not exists(quote)
    assert Tombstone.objects.get().note == NOTE
    assert client.get(path).status_code == 410


def test_delete_selected_asks_for_a_note_and_refuses_without_one(editor):
    quotes = [factories.QuoteFactory(), factories.QuoteFactory(status=Status.DRAFT)]
    data = {"action": "delete_selected", "_selected_action": [q.pk for q in quotes]}

    page = editor.post(admin_url(Quote, "changelist"), data).text
    refused = editor.post(admin_url(Quote, "changelist"), {**data, "post": "yes"})

    assert 'name="public_note"' in page
    assert refused.status_code == 200
    assert "needs a public note" in refused.text
    assert all(exists(quote) for quote in quotes)


def test_delete_selected_with_a_note_deletes_and_leaves_tombstones(editor):
    quotes = [factories.QuoteFactory(), factories.QuoteFactory(status=Status.DRAFT)]
    path = quotes[0].get_absolute_url()

    editor.post(
        admin_url(Quote, "changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [q.pk for q in quotes],
            "post": "yes",
            "public_note": NOTE,
        },
    )

    assert not any(exists(quote) for quote in quotes)
    assert Tombstone.objects.get().old_path == path


def inline_delete(client, candidate, **note):
    response = unrendered_page(Candidate, candidate.pk)
    data = page_data(response) | {"change_source": "https://x.example", **note}
    data[f"{inline_formset(response, Quote).prefix}-0-DELETE"] = "on"
    return client.post(admin_url(Candidate, "change", candidate.pk), data)


def test_inline_delete_of_a_public_quote_without_a_note_is_refused(editor):
    quote = factories.QuoteFactory()

    response = inline_delete(editor, quote.candidate)

    assert response.status_code == 200
    assert "needs a public note" in response.text
    assert exists(quote)


def test_inline_delete_of_a_public_quote_with_the_change_notes_public_note(editor, client):
    quote = factories.QuoteFactory()
    path = quote.get_absolute_url()

    response = inline_delete(editor, quote.candidate, **CHANGE_NOTE)

    assert response.status_code == 302
    assert not exists(quote)
    assert Tombstone.objects.get().note == CHANGE_NOTE["correction_note"]
    assert client.get(path).status_code == 410


def test_merging_a_published_duplicate_needs_no_note_and_redirects(django_user_model, client):
    keep = factories.CandidateFactory(full_name="Jason Palmer")
    drop = factories.CandidateFactory(full_name="Jason M. Palmer")
    editor = Client()
    editor.force_login(person(django_user_model, roles.EDITOR))

    editor.post(
        admin_url(Candidate, "changelist"),
        {
            "action": "merge_duplicates",
            "_selected_action": [keep.pk, drop.pk],
            "survivor": keep.pk,
            "merge_note": "Same person",
            "confirm_merge": "Merge",
        },
    )

    assert not exists(drop)
    assert not Tombstone.objects.exists()
    assert client.get(drop.get_absolute_url()).status_code == 301
