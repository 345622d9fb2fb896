"""A source's text on file: pasted or uploaded by an editor, shown to editors as numbered
paragraphs, and never shown publicly (source page, API, citation exports, version
permalinks)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsroom.citations.formats import FORMATS
from newsroom.models import Source
from tests.support import factories
from tests.support.editors import open_change_form, save

pytestmark = pytest.mark.django_db

SECRET = "Lorem caucus paragraph only editors may read"
TEXT = f"Caucus night report\n\n{SECRET}.\n\nSecond paragraph."


def test_an_editor_pastes_a_sources_text_and_sees_it_numbered(editor):
    source = factories.SourceFactory(headline="Caucus night report", status="draft")
    _, data = open_change_form(editor, source)
    data["article_text"] = TEXT

    assert save(editor, source, data).status_code == 302

    assert Source.objects.get(pk=source.pk).article_text == TEXT
    page, _ = open_change_form(editor, source)
    assert f"<strong>para. 1</strong> {SECRET}." in page.text
    assert "<strong>para. 2</strong> Second paragraph." in page.text


def test_an_editor_uploads_the_text_as_a_txt_file(editor):
    source = factories.SourceFactory(headline="Caucus night report", status="draft")
    _, data = open_change_form(editor, source)
    data["article_file"] = SimpleUploadedFile("article.txt", TEXT.encode(), "text/plain")

    assert save(editor, source, data).status_code == 302

    assert Source.objects.get(pk=source.pk).article_text == TEXT


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("article.pdf", b"%PDF-1.4", "Upload a plain-text file ending in .txt."),
        ("article.txt", "Caf\u00e9".encode("latin-1"), "The file is not UTF-8 text."),
    ],
)
def test_an_upload_that_is_not_utf8_text_is_refused(editor, name, content, error):
    source = factories.SourceFactory(status="draft")
    _, data = open_change_form(editor, source)
    data["article_file"] = SimpleUploadedFile(name, content, "application/octet-stream")

    response = save(editor, source, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["article_file"] == [error]
    assert Source.objects.get(pk=source.pk).article_text == ""


@pytest.fixture
def source_on_file(world):
    world.source.article_text = TEXT
    world.source.save()
    return world.source


def test_the_text_is_not_on_the_source_page(client, source_on_file):
    response = client.get(source_on_file.get_absolute_url())

    assert response.status_code == 200
    assert SECRET not in response.text


def test_the_text_is_not_in_the_api_source_payload(client, source_on_file):
    response = client.get(f"/api/v1/sources/{source_on_file.slug}/")

    assert response.status_code == 200
    assert SECRET not in response.text
    assert "article_text" not in response.json()


@pytest.mark.parametrize("export", ["citations:download", "citations:sources"])
def test_the_text_is_not_in_any_citation_export(client, world, source_on_file, export):
    for fmt in FORMATS:
        response = client.get(
            reverse(export, kwargs={"kind": "quote", "pk": world.quote.pk, "fmt": fmt})
        )
        assert response.status_code == 200, fmt
        body = b"".join(response) if response.streaming else response.content
        assert SECRET.encode() not in body, fmt


def test_the_text_is_not_on_the_sources_version_permalink(client, source_on_file):
    version = source_on_file.history.latest()
    response = client.get(
        reverse(
            "versions:version_detail",
            kwargs={"label": "newsroom.source", "history_id": version.pk},
        )
    )

    assert SECRET not in response.text
