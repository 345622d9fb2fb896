"""Sitemap sections for contests and jurisdictions."""

from newsroom.site_address import SiteAddressSitemap

from .models import Contest, Jurisdiction


class ContestSitemap(SiteAddressSitemap):
    url_name, url_field = "results:contest_detail", "slug"
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return Contest.objects.published().order_by("pk")


class JurisdictionSitemap(SiteAddressSitemap):
    url_name, url_field = "results:jurisdiction_detail", "slug"
    changefreq = "weekly"

    def items(self):
        return Jurisdiction.objects.published().order_by("pk")
