from django.urls import path

from .views import ImportExampleView, ImportFormatView, ImportResultsView

app_name = "results_import"

urlpatterns = [
    path("", ImportResultsView.as_view(), name="import"),
    path("format/", ImportFormatView.as_view(), name="format"),
    path("examples/results.csv", ImportExampleView.as_view(), {"name": "results.csv"}, name="csv"),
    path(
        "examples/results.json", ImportExampleView.as_view(), {"name": "results.json"}, name="json"
    ),
]
