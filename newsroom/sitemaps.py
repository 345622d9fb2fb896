"""Sitemap section for sources."""

from django.contrib.sitemaps import Sitemap

from .models import Source


class SourceSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Source.objects.published().order_by("pk")

    def lastmod(self, source):
        return source.updated_at
