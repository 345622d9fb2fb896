"""The admin's record of applied imports; its “Add” page is the results upload.

Registered from results/admin.py. Adding an import batch means applying a file, so the add
page is the desk's import view (upload, preview table, confirm) served inside the admin.
"""

from django.contrib import admin

from ..models import ImportBatch
from .views import ImportResultsView


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = [
        "filename",
        "imported_at",
        "imported_by",
        "rows_added",
        "rows_changed",
        "rows_unchanged",
        "fields_skipped",
    ]
    list_select_related = ["imported_by"]
    search_fields = ["filename", "sha256"]
    date_hierarchy = "imported_at"
    readonly_fields = [field.name for field in ImportBatch._meta.fields]

    def has_change_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        return ImportResultsView.as_view()(request)
