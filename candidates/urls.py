from django.urls import path

from . import feeds, views
from .profile import PARTS

app_name = "candidates"

urlpatterns = [
    path("candidates/", views.CandidateListView.as_view(), name="candidate_list"),
    path("candidates/<slug:slug>/", views.CandidateDetailView.as_view(), name="candidate_detail"),
    *(
        path(
            f"candidates/<slug:slug>/{part}/",
            views.CandidatePartListView.as_view(part=part),
            name=f"candidate_{part}",
        )
        for part in PARTS
    ),
    path("quotes/<int:pk>/", views.QuoteDetailView.as_view(), name="quote_detail"),
    path("facts/<int:pk>/", views.FactDetailView.as_view(), name="fact_detail"),
    path("feeds/quotes.rss", feeds.LatestQuotesFeed(), name="quotes_rss"),
    path("feeds/quotes.atom", feeds.LatestQuotesAtomFeed(), name="quotes_atom"),
]
