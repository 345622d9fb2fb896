"""Sitemap sections for contests and jurisdictions."""

from django.contrib.sitemaps import Sitemap

from .models import Contest, Jurisdiction


class ContestSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return Contest.objects.published().order_by("pk")

    def lastmod(self, contest):
        return contest.updated_at


class JurisdictionSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Jurisdiction.objects.published().order_by("pk")

    def lastmod(self, jurisdiction):
        return jurisdiction.updated_at
