from django.urls import path

from .views import ImportResultsView

app_name = "results_import"

urlpatterns = [
    path("", ImportResultsView.as_view(), name="import"),
]
