from django.urls import path

from . import feeds, views

app_name = "results"

urlpatterns = [
    path("contests/", views.ContestListView.as_view(), name="contest_list"),
    path("contests/<slug:slug>/", views.ContestDetailView.as_view(), name="contest_detail"),
    path(
        "places/<slug:slug>/",
        views.JurisdictionDetailView.as_view(),
        name="jurisdiction_detail",
    ),
    path(
        "places/<slug:slug>/contests/",
        views.JurisdictionContestsView.as_view(),
        name="jurisdiction_contests",
    ),
    path("feeds/contests.rss", feeds.ContestUpdatesFeed(), name="contests_rss"),
    path("feeds/contests.atom", feeds.ContestUpdatesAtomFeed(), name="contests_atom"),
]
