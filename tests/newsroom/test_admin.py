"""Editing sources through the admin."""

import pytest

from newsroom.models import Citation, Contributor, Source
from tests.support import factories
from tests.support.admin_forms import add_inline_row, admin_url, page_data

pytestmark = pytest.mark.django_db


def test_a_duplicate_source_url_is_an_error_on_the_url(admin_client_logged_in):
    existing = factories.SourceFactory(url="https://news.example.org/samoa")
    data = page_data(admin_client_logged_in.get(admin_url(Source, "add")))
    data |= {
        "outlet": str(existing.outlet.pk),
        "headline": "Another headline",
        "slug": "another-headline",
        "url": "https://news.example.org/samoa",
    }

    response = admin_client_logged_in.post(admin_url(Source, "add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["url"] == [
        f"This URL is already recorded for “{existing.title}”."
    ]
    assert Source.objects.count() == 1


def test_contributors_are_added_under_their_source(admin_client_logged_in):
    source = factories.SourceFactory()
    url = admin_url(Source, "change", source.pk)
    data = page_data(admin_client_logged_in.get(url))
    add_inline_row(data, "contributors", name="Jane Reporter", role="author", position=0)
    data["change_source"] = "The article's byline"

    response = admin_client_logged_in.post(url, data)

    assert response.status_code == 302
    assert [c.name for c in Contributor.objects.filter(source=source)] == ["Jane Reporter"]


def test_source_changelist_shows_the_date_as_precisely_as_it_is_known(admin_client_logged_in):
    factories.SourceFactory(published_on_precision="month")

    response = admin_client_logged_in.get(admin_url(Source, "changelist"))

    assert "March 2024" in response.text


def test_source_changelist_filters_by_status(admin_client_logged_in):
    factories.SourceFactory(headline="Published report")
    factories.SourceFactory(headline="Draft report", status="draft")

    response = admin_client_logged_in.get(
        admin_url(Source, "changelist"), {"status__exact": "draft"}
    )

    assert [source.headline for source in response.context["cl"].result_list] == ["Draft report"]


def test_publish_action_publishes_the_selected_sources(admin_client_logged_in):
    reviewed = factories.SourceFactory(status="in_review")

    response = admin_client_logged_in.post(
        admin_url(Source, "changelist"),
        {"action": "publish", "_selected_action": [reviewed.pk]},
        follow=True,
    )

    assert "1 published." in response.text
    assert list(Source.objects.published()) == [reviewed]


def test_citation_changelist_links_to_the_cited_item(admin_client_logged_in):
    quote = factories.QuoteFactory()
    factories.CitationFactory(content_object=quote)

    response = admin_client_logged_in.get(admin_url(Citation, "changelist"))

    assert admin_url(quote, "change", quote.pk) in response.text


def test_source_autocomplete_finds_sources_by_headline(admin_client_logged_in):
    factories.SourceFactory(headline="Biden loses American Samoa")
    factories.SourceFactory(headline="Something else")

    response = admin_client_logged_in.get(
        "/admin/autocomplete/",
        {
            "term": "samoa",
            "app_label": "newsroom",
            "model_name": "citation",
            "field_name": "source",
        },
    )

    texts = [item["text"] for item in response.json()["results"]]
    assert len(texts) == 1
    assert "Biden loses American Samoa" in texts[0]


NO_URL = "This source has no URL"
NO_ARCHIVE = "This source has no archived copy"
NO_ACCESS_DATE = "This source has no access date"


def test_source_form_says_why_the_url_and_an_archived_copy_matter(admin_client_logged_in):
    page = admin_client_logged_in.get(admin_url(Source, "add")).content.decode()

    assert "Every citation prints it." in page
    assert "A copy in a web archive" in page


def test_change_page_of_a_source_without_url_warns_the_editor(admin_client_logged_in):
    source = factories.SourceFactory(url="")

    page = admin_client_logged_in.get(admin_url(Source, "change", source.pk)).content.decode()

    assert NO_URL in page


def test_change_page_of_a_source_with_url_but_no_archive_asks_for_one(admin_client_logged_in):
    source = factories.SourceFactory(url="https://news.example.org/a", archive_url="")

    page = admin_client_logged_in.get(admin_url(Source, "change", source.pk)).content.decode()

    assert NO_ARCHIVE in page
    assert NO_URL not in page


def test_a_complete_source_gets_no_warning(admin_client_logged_in):
    source = factories.SourceFactory(
        url="https://news.example.org/a",
        archive_url="https://web.archive.org/web/2024/https://news.example.org/a",
        accessed_on="2024-03-07",
    )

    page = admin_client_logged_in.get(admin_url(Source, "change", source.pk)).content.decode()

    assert NO_URL not in page
    assert NO_ARCHIVE not in page
    assert NO_ACCESS_DATE not in page


def test_saving_a_source_without_url_saves_it_and_warns(admin_client_logged_in):
    outlet = factories.OutletFactory()
    data = page_data(admin_client_logged_in.get(admin_url(Source, "add")))
    data |= {"outlet": str(outlet.pk), "headline": "Palmer wins", "slug": "palmer-wins", "url": ""}

    response = admin_client_logged_in.post(admin_url(Source, "add"), data, follow=True)

    assert Source.objects.filter(slug="palmer-wins").exists()
    assert [str(m) for m in response.context["messages"] if NO_URL in str(m)]
