"""Root URLs: the admin, and the public site of each app."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from newsroom.editorial.dashboard import dashboard
from results.views import HomeView
from search.views import SearchView

from .health import healthz
from .sitemaps import SITEMAPS

admin.site.site_header = "Ballot Desk"
admin.site.site_title = "Ballot Desk admin"
admin.site.index_title = "Newsroom"

urlpatterns = [
    path(
        f"{settings.ADMIN_URL}dashboard/",
        admin.site.admin_view(dashboard),
        name="editorial_dashboard",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", HomeView.as_view(), name="home"),
    path("search/", SearchView.as_view(), name="search"),
    path("cite/", include("newsroom.citations.urls")),
    path("versions/", include("newsroom.history_views")),
    path("api/v1/", include("api.urls")),
    path("desk/results/import/", include("results.importing.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("", include("candidates.urls")),
    path("", include("results.urls")),
    path("", include("newsroom.urls")),
]
