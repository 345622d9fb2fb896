from django.urls import path

from . import corrections_views, views

app_name = "newsroom"

urlpatterns = [
    path("sources/", views.SourceListView.as_view(), name="source_list"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source_detail"),
    path("corrections/", corrections_views.CorrectionListView.as_view(), name="corrections"),
    path("feeds/corrections.rss", corrections_views.CorrectionsFeed(), name="corrections_rss"),
    path(
        "feeds/corrections.atom",
        corrections_views.CorrectionsAtomFeed(),
        name="corrections_atom",
    ),
]
