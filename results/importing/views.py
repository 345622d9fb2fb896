"""The results desk's import page: upload a file, read the preview, then apply it.

Staff with permission to add import batches only. The page looks like the admin and is
linked from it; it writes nothing until the editor confirms the preview. Beside it, the
file format (docs/results-import.md, as the repository holds it) and the example files, so
an editor at a browser never needs a checkout to read them. Anonymous visitors
get a 404, not a redirect to the admin's login page: that would give away ADMIN_URL, which a
site may keep secret.
"""

from pathlib import Path

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views import View

from ..services import ImportRejected, import_results
from .forms import ApplyForm, UploadForm


class DeskPage(PermissionRequiredMixin, View):
    """A page of the import desk: for those who may import, looking like the admin."""

    permission_required = "results.add_importbatch"

    def handle_no_permission(self):
        if not self.request.user.is_authenticated:
            raise Http404
        return super().handle_no_permission()

    def render(self, request, template: str, **context):
        return TemplateResponse(
            request,
            f"results/{template}",
            {**admin.site.each_context(request), "title": "Import results", **context},
        )


class ImportResultsView(DeskPage):
    def get(self, request):
        return self.render(request, "import_form.html", form=UploadForm())

    def post(self, request):
        if "payload" in request.POST:
            return self.apply(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(request, "import_form.html", form=form)
        upload = form.cleaned_data["file"]
        content = upload.read()
        plan = import_results(content, filename=upload.name, dry_run=True)
        confirm = None
        if plan.is_valid:
            confirm = ApplyForm(
                initial={
                    "payload": ApplyForm.sign(content, upload.name),
                    "fingerprint": plan.fingerprint,
                    "note": form.cleaned_data["note"],
                }
            )
        return self.render(
            request,
            "import_preview.html",
            plan=plan,
            confirm=confirm,
            note=form.cleaned_data["note"],
        )

    def apply(self, request):
        confirm = ApplyForm(request.POST)
        if not confirm.is_valid():
            return self.render(
                request, "import_form.html", form=UploadForm(), errors=confirm.errors
            )
        content, filename = confirm.cleaned_data["payload"]
        try:
            plan = import_results(
                content,
                filename=filename,
                dry_run=False,
                by=request.user,
                previewed=confirm.cleaned_data["fingerprint"],
                note=confirm.cleaned_data["note"],
            )
        except ImportRejected as rejected:
            return self.render(request, "import_preview.html", plan=rejected.plan, confirm=None)
        if plan.batch:
            messages.success(
                request,
                f"Applied {filename} as import #{plan.batch.pk}: {plan.added} added, "
                f"{plan.changed} changed, {plan.unchanged} unchanged, {plan.skipped} skipped.",
            )
        else:
            messages.info(request, f"Nothing to apply: every figure in {filename} is already held.")
        return redirect(request.path)


DOCS = Path(settings.BASE_DIR) / "docs"


class ImportFormatView(DeskPage):
    """The results file format, as docs/results-import.md words it (Markdown, shown as text)."""

    def get(self, request):
        text = (DOCS / "results-import.md").read_text(encoding="utf-8")
        return self.render(request, "import_format.html", title="Results file format", text=text)


class ImportExampleView(DeskPage):
    """One of docs/examples/results.csv and .json (named by the URL pattern), as a download."""

    def get(self, request, name: str):
        return FileResponse(open(DOCS / "examples" / name, "rb"), as_attachment=True)
