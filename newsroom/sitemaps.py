"""Sitemap section for sources."""

from .models import Source
from .site_address import SiteAddressSitemap


class SourceSitemap(SiteAddressSitemap):
    url_name, url_field = "newsroom:source_detail", "slug"
    changefreq = "monthly"

    def items(self):
        return Source.objects.published().order_by("pk")
