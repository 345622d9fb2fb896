"""Editors export the citations of selected sources, quotes and facts from the admin."""

import pytest
import rispy

from newsroom.editorial.publishing import Status
from tests.support.factories import CitationFactory, FactFactory, QuoteFactory, SourceFactory

pytestmark = pytest.mark.django_db


def run_action(client, changelist: str, action: str, pks) -> str:
    response = client.post(changelist, {"action": action, "_selected_action": pks})
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def test_admin_exports_selected_sources_as_ris(admin_client_logged_in):
    chosen, other = SourceFactory(headline="Chosen"), SourceFactory(headline="Other")

    ris = run_action(
        admin_client_logged_in, "/admin/newsroom/source/", "export_citations_ris", [chosen.pk]
    )

    assert [entry["title"] for entry in rispy.loads(ris)] == ["Chosen"]
    assert other.headline not in ris


def test_admin_export_leaves_selected_drafts_out(admin_client_logged_in):
    public = SourceFactory(headline="Public")
    draft = SourceFactory(headline="Still a draft", status=Status.DRAFT)

    csv_text = run_action(
        admin_client_logged_in,
        "/admin/newsroom/source/",
        "export_citations_csv",
        [public.pk, draft.pk],
    )

    assert "Public" in csv_text
    assert "Still a draft" not in csv_text


def test_admin_exports_a_quote_with_its_reporting_source(admin_client_logged_in):
    quote = QuoteFactory(text="Honored to announce my victory")
    CitationFactory(content_object=quote, source=SourceFactory(headline="Palmer wins"))

    bib = run_action(
        admin_client_logged_in, "/admin/candidates/quote/", "export_citations_bib", [quote.pk]
    )

    assert "title = {{Palmer} wins}" in bib  # capitals brace-protected
    assert "Honored to announce my victory" in bib


def test_admin_exports_facts_as_csl_json(admin_client_logged_in):
    fact = FactFactory(statement="Has never visited American Samoa.")
    CitationFactory(content_object=fact)

    text = run_action(
        admin_client_logged_in, "/admin/candidates/fact/", "export_citations_json", [fact.pk]
    )

    assert "Has never visited American Samoa." in text
