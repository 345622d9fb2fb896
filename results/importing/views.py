"""The results desk's import page: upload a file, read the preview, then apply it.

Staff with permission to add import batches only. The page looks like the admin and is
linked from it; it writes nothing until the editor confirms the preview. Anonymous visitors
get a 404, not a redirect to the admin's login page: that would give away ADMIN_URL, which a
site may keep secret.
"""

from django.contrib import admin, messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views import View

from ..services import ImportRejected, import_results
from .forms import ApplyForm, UploadForm


class ImportResultsView(PermissionRequiredMixin, View):
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
