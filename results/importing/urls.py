from django.urls import path

from .views import ImportExampleView, ImportFormatView, ImportResultsView

app_name = "results_import"

urlpatterns = [
    path("", ImportResultsView.as_view(), name="import"),
    path("format/", ImportFormatView.as_view(), name="format"),
    path("examples/<str:name>", ImportExampleView.as_view(), name="example"),
]
