"""Editors upload a file on the import page, read the preview, then apply it."""

from django.contrib.auth.models import Permission

from results.models import ImportBatch, Result

from .conftest import FILES

URL = "/desk/results/import/"


def upload(client, name: str):
    with open(FILES / name, "rb") as file:
        return client.post(URL, {"file": file})


def test_upload_shows_the_preview_and_writes_nothing(caucus, admin_client_logged_in):
    response = upload(admin_client_logged_in, "good.csv")

    assert response.status_code == 200
    assert "Preview of good.csv: 0 to add, 2 to change, 0 unchanged, 0 skipped." in (response.text)
    assert "share 56.00 → 56.04" in response.text
    assert not ImportBatch.objects.exists()


def test_confirming_the_preview_applies_the_file(caucus, admin_client_logged_in, superuser):
    preview = upload(admin_client_logged_in, "good.csv")
    confirm = preview.context["confirm"]

    response = admin_client_logged_in.post(
        URL, {name: confirm[name].value() for name in ("payload", "fingerprint")}, follow=True
    )

    assert "Applied good.csv as import #" in response.text
    assert ImportBatch.objects.get().imported_by == superuser
    assert Result.objects.get(contest=caucus, candidate__slug="jason-palmer").delegates_won == 4


def test_csv_saved_by_excel_with_a_byte_order_mark_is_previewed(caucus, admin_client_logged_in):
    response = upload(admin_client_logged_in, "excel_csv_utf8.csv")

    assert "Preview of excel_csv_utf8.csv: 0 to add, 2 to change" in response.text
    assert "byte-order mark" not in response.text


def test_problems_are_listed_by_row_and_column(results_desk, admin_client_logged_in):
    response = upload(admin_client_logged_in, "negative_votes.csv")

    assert "1 problem in negative_votes.csv. Nothing was written" in response.text
    assert "“-5” is negative; votes cannot be negative." in response.text
    assert 'name="payload"' not in response.text


def test_a_stale_preview_is_refused(caucus, admin_client_logged_in):
    preview = upload(admin_client_logged_in, "good.csv")
    Result.objects.filter(contest=caucus, candidate__slug="joe-biden").update(votes=39)

    response = admin_client_logged_in.post(
        URL,
        {name: preview.context["confirm"][name].value() for name in ("payload", "fingerprint")},
    )

    assert "the figures held changed since the preview" in response.text
    assert not ImportBatch.objects.exists()


def test_tampered_preview_is_refused(caucus, admin_client_logged_in):
    response = admin_client_logged_in.post(URL, {"payload": "forged", "fingerprint": "x"})

    assert "The preview was altered; upload the file again." in response.text
    assert not ImportBatch.objects.exists()


def test_staff_without_the_import_permission_are_refused(results_desk, client, django_user_model):
    reporter = django_user_model.objects.create_user("reporter", is_staff=True)
    client.force_login(reporter)

    assert client.get(URL).status_code == 403

    reporter.user_permissions.add(Permission.objects.get(codename="add_importbatch"))
    assert client.get(URL).status_code == 200


def test_anonymous_visitors_get_not_found_so_a_secret_admin_address_stays_secret(
    results_desk, client, settings
):
    response = client.get(URL)

    assert response.status_code == 404
    assert f"/{settings.ADMIN_URL}" not in response.content.decode()
    assert "Location" not in response
