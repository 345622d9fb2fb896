"""Sitemap sections for contests and jurisdictions."""

from newsroom.site_address import SiteAddressSitemap

from .models import Contest, Jurisdiction


class ContestSitemap(SiteAddressSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return Contest.objects.published().order_by("pk")


class JurisdictionSitemap(SiteAddressSitemap):
    changefreq = "weekly"

    def items(self):
        return Jurisdiction.objects.published().order_by("pk")
