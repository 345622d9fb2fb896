from django.urls import path

from . import embed, feeds, views

app_name = "results"

urlpatterns = [
    path("contests/", views.ContestListView.as_view(), name="contest_list"),
    path("contests/<slug:slug>/", views.ContestDetailView.as_view(), name="contest_detail"),
    path("contests/<slug:slug>/popolo.json", embed.contest_popolo, name="contest_popolo"),
    path("contests/<slug:slug>/results.csv", embed.contest_results_csv, name="contest_csv"),
    path("embed/contests/<slug:slug>/", embed.embed_contest, name="embed"),
    path("oembed", embed.oembed, name="oembed"),
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
