"""Visibility has one home (newsroom.editorial.publishing): `is_public` answers for any row
through its model's `published()` or the owner its model declares, and `scheduled()` is
what the dashboard and the page cache call scheduled."""

import datetime

import pytest
from django.utils import timezone

from candidates.models import Quote
from newsroom.editorial.publishing import Status, is_public, owner_of, publishable_item
from tests.support import factories

pytestmark = pytest.mark.django_db


def test_a_result_is_public_with_its_contest():
    shown = factories.ResultFactory(contest__status=Status.PUBLISHED)
    hidden = factories.ResultFactory(contest__status=Status.DRAFT)

    assert is_public(shown)
    assert not is_public(hidden)


def test_a_snapshot_entry_is_public_with_its_snapshot_not_its_candidate():
    entry = factories.SnapshotEntryFactory(
        snapshot__contest__status=Status.DRAFT, candidate__status=Status.PUBLISHED
    )

    assert owner_of(entry) == entry.snapshot
    assert not is_public(entry)


def test_a_byline_is_public_with_its_source():
    byline = factories.ContributorFactory(source__status=Status.DRAFT)

    assert not is_public(byline)


def test_reference_data_without_a_workflow_is_public_and_an_unsaved_row_is_not():
    assert is_public(factories.PartyFactory())
    assert not is_public(Quote())


def test_a_citation_is_governed_by_the_item_it_cites():
    quote = factories.QuoteFactory(status=Status.DRAFT)
    citation = factories.CitationFactory(content_object=quote)

    assert publishable_item(citation) == quote
    assert owner_of(quote) == quote.candidate


def test_scheduled_lists_published_items_whose_time_has_not_come():
    later = factories.QuoteFactory(publish_at=timezone.now() + datetime.timedelta(hours=2))
    now = factories.QuoteFactory()
    draft = factories.QuoteFactory(
        status=Status.DRAFT, publish_at=timezone.now() + datetime.timedelta(hours=2)
    )

    assert list(Quote.objects.scheduled()) == [later]
    assert set(Quote.objects.published()) == {now}
    assert not is_public(later) and not is_public(draft)
