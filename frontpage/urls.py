"""URLs of the site-wide pages, mounted at the root without a namespace: `home`, `sitemap` (the
sitemap index), `sitemap-section` (each app's section, page by page), `favicon`, `robots`."""

from django.urls import path
from django.views.generic import TemplateView

from .sitemaps import sitemap_index, sitemap_section
from .views import HomeView, favicon

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap-section"),
    path("favicon.ico", favicon, name="favicon"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
