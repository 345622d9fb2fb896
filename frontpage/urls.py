"""URLs of the site-wide pages, mounted at the root without a namespace: `home`, `sitemap` (the
sitemap index), `sitemap-section` (each app's section, page by page), `robots`."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.generic import TemplateView

from .sitemaps import SITEMAPS, sitemap_index
from .views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
