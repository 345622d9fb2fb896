"""URLs of the API, mounted at /api/v1/: the resources, search, the schema and its docs page."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from . import search, views

app_name = "api"

router = DefaultRouter()
router.register("candidates", views.CandidateViewSet, basename="candidate")
router.register("contests", views.ContestViewSet, basename="contest")
router.register("places", views.PlaceViewSet, basename="place")
router.register("snapshots", views.SnapshotViewSet, basename="snapshot")
router.register("quotes", views.QuoteViewSet, basename="quote")
router.register("facts", views.FactViewSet, basename="fact")
router.register("sources", views.SourceViewSet, basename="source")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.ApiDocsView.as_view(), name="docs"),
    path("search/", search.SearchView.as_view(), name="search"),
    path("", include(router.urls)),
]
