"""Drafts are never citable and never appear in any export, basket or page bibliography."""

import json

import pytest
from django.contrib.admin import AdminSite, ModelAdmin
from django.contrib.messages.storage.fallback import FallbackStorage

from newsroom.citations.admin_actions import export_citations
from newsroom.editorial.publishing import Status
from newsroom.models import Source
from tests.support.factories import (
    CandidateFactory,
    CitationFactory,
    ContestFactory,
    OutletFactory,
    QuoteFactory,
    ResultFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def streamed(response) -> str:
    return b"".join(response.streaming_content).decode()


@pytest.mark.parametrize("suffix", ["/", ".json", ".bib", ".ris", ".csv", ".txt"])
def test_draft_source_is_404(client, suffix):
    draft = SourceFactory(status=Status.DRAFT)

    assert client.get(f"/cite/source/{draft.pk}{suffix}").status_code == 404


def test_source_of_a_draft_outlet_is_404(client):
    source = SourceFactory(outlet=OutletFactory(status=Status.DRAFT))

    assert client.get(f"/cite/source/{source.pk}/").status_code == 404


def test_scheduled_source_is_404_until_its_time(client):
    source = SourceFactory(publish_at="2999-01-01T00:00:00Z")

    assert client.get(f"/cite/source/{source.pk}.json").status_code == 404


def test_quote_of_a_draft_candidate_is_404(client):
    quote = QuoteFactory(candidate=CandidateFactory(status=Status.DRAFT))

    assert client.get(f"/cite/quote/{quote.pk}/").status_code == 404


def test_draft_source_is_left_out_of_a_quotes_citations(client):
    quote = QuoteFactory()
    CitationFactory(content_object=quote, source=SourceFactory(headline="Public report"))
    CitationFactory(
        content_object=quote, source=SourceFactory(headline="Draft report", status=Status.DRAFT)
    )

    bib = streamed(client.get(f"/cite/quote/{quote.pk}.bib"))

    assert "{Public} report" in bib  # capitals brace-protected
    assert "Draft" not in bib


def test_draft_source_is_left_out_of_all_sources_of_a_profile(client):
    candidate = CandidateFactory()
    CitationFactory(content_object=candidate, source=SourceFactory(headline="Public report"))
    draft_quote = QuoteFactory(candidate=candidate, status=Status.DRAFT)
    CitationFactory(content_object=draft_quote, source=SourceFactory(headline="Behind a draft"))
    CitationFactory(
        content_object=candidate,
        source=SourceFactory(headline="Draft report", status=Status.DRAFT),
    )

    ris = streamed(client.get(f"/cite/candidate/{candidate.pk}/sources.ris"))

    assert "Public report" in ris
    assert "Behind a draft" not in ris
    assert "Draft report" not in ris


def test_result_of_a_draft_contest_is_404(client):
    result = ResultFactory(contest=ContestFactory(status=Status.DRAFT))

    assert client.get(f"/cite/result/{result.pk}.csv").status_code == 404


def test_draft_cannot_be_added_to_the_basket(client):
    draft = SourceFactory(status=Status.DRAFT)

    response = client.post("/cite/basket/add/", {"kind": "source", "pk": draft.pk})

    assert response.status_code == 404


def test_item_unpublished_after_adding_drops_out_of_the_basket_download(client):
    source = SourceFactory()
    client.post("/cite/basket/add/", {"kind": "source", "pk": source.pk})
    source.status = Status.UNPUBLISHED
    source.save()

    response = client.get("/cite/basket.json")
    assert response.status_code == 404
    assert "The item you added is no longer published" in response.content.decode()


def test_admin_export_leaves_drafts_out(rf, admin_user):
    public = SourceFactory()
    SourceFactory(status=Status.DRAFT)
    request = rf.post("/admin/newsroom/source/")
    request.user, request.session = admin_user, {}
    request._messages = FallbackStorage(request)
    export_json = export_citations[0]

    response = export_json(ModelAdmin(Source, AdminSite()), request, Source.objects.all())

    assert [item["id"] for item in json.loads(streamed(response))] == [public.slug]
