from django.urls import path

from . import views

app_name = "results"

urlpatterns = [
    path("contests/", views.ContestListView.as_view(), name="contest_list"),
    path("contests/<slug:slug>/", views.ContestDetailView.as_view(), name="contest_detail"),
    path(
        "places/<slug:slug>/",
        views.JurisdictionDetailView.as_view(),
        name="jurisdiction_detail",
    ),
]
