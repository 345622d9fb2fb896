"""Sitemap section for sources."""

from .models import Source
from .site_address import SiteAddressSitemap


class SourceSitemap(SiteAddressSitemap):
    changefreq = "monthly"

    def items(self):
        return Source.objects.published().order_by("pk")
