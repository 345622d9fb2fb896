"""URLs of the site-wide pages, mounted at the root without a namespace: `home`, `sitemap`,
`robots`."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.generic import TemplateView

from .sitemaps import SITEMAPS
from .views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
