"""In the admin: upload a results file, read the preview table, confirm, see the batch listed."""

from results.models import ImportBatch, Result

from .conftest import FILES

UPLOAD = "/admin/results/importbatch/add/"


def test_admin_upload_preview_and_confirm(caucus, admin_client_logged_in):
    listing = admin_client_logged_in.get("/admin/results/importbatch/")
    assert UPLOAD in listing.text

    with open(FILES / "good.csv", "rb") as file:
        preview = admin_client_logged_in.post(UPLOAD, {"file": file})
    assert "Preview of good.csv: 0 to add, 2 to change" in preview.text
    confirm = preview.context["confirm"]
    applied = admin_client_logged_in.post(
        UPLOAD, {name: confirm[name].value() for name in ("payload", "fingerprint")}, follow=True
    )

    assert "Applied good.csv as import #" in applied.text
    assert Result.objects.get(contest=caucus, candidate__slug="joe-biden").delegates_won == 2
    batch = ImportBatch.objects.get()
    assert "good.csv" in admin_client_logged_in.get("/admin/results/importbatch/").text
    assert (
        admin_client_logged_in.get(f"/admin/results/importbatch/{batch.pk}/change/").status_code
        == 200
    )
