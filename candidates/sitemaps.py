"""Sitemap sections for candidate profiles, quotes and facts."""

from newsroom.site_address import SiteAddressSitemap

from .models import Candidate, Fact, Quote


class CandidateSitemap(SiteAddressSitemap):
    url_name, url_field = "candidates:candidate_detail", "slug"
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Candidate.objects.published().order_by("pk")


class QuoteSitemap(SiteAddressSitemap):
    url_name = "candidates:quote_detail"
    changefreq = "monthly"

    def items(self):
        return Quote.objects.published().order_by("pk")


class FactSitemap(SiteAddressSitemap):
    url_name = "candidates:fact_detail"
    changefreq = "monthly"

    def items(self):
        return Fact.objects.published().order_by("pk")
