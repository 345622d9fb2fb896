"""The import page links to the file format and the example files, served by the site itself."""

import re
from pathlib import Path

from django.conf import settings

URL = "/desk/results/import/"
EXAMPLES = Path(settings.BASE_DIR) / "docs" / "examples"


def test_upload_page_links_to_the_format_page_instead_of_a_repository_path(
    admin_client_logged_in,
):
    upload_page = admin_client_logged_in.get(URL).text
    [format_url] = re.findall(r'href="([^"]*)">the results file\s+format</a>', upload_page)

    format_page = admin_client_logged_in.get(format_url)

    assert "docs/results-import.md" not in upload_page
    assert format_page.status_code == 200
    assert "the exact canonical URL of a Source already in the newsroom" in format_page.text


def test_format_page_offers_the_example_files_as_downloads(admin_client_logged_in):
    format_page = admin_client_logged_in.get(f"{URL}format/").text
    [csv_url] = re.findall(r'href="([^"]*results\.csv)"', format_page)

    download = admin_client_logged_in.get(csv_url)

    assert download["Content-Disposition"] == 'attachment; filename="results.csv"'
    assert b"".join(download.streaming_content) == (EXAMPLES / "results.csv").read_bytes()


def test_format_page_needs_the_import_permission(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", is_staff=True))

    assert client.get(f"{URL}format/").status_code == 403
