"""The sitemap sections of every app, and /sitemap.xml: the index of their pages.

Django's index view names each section's file on the request's host; ours names it on the
site's address (newsroom.site_address), as the sections name their pages. The index costs
two queries a section (pages and latest change) whatever the size of the newsroom.
"""

from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.template.response import TemplateResponse
from django.urls import reverse

from candidates.sitemaps import CandidateSitemap, FactSitemap, QuoteSitemap
from newsroom.site_address import absolute
from newsroom.sitemaps import SourceSitemap
from results.sitemaps import ContestSitemap, JurisdictionSitemap

SITEMAPS = {
    "candidates": CandidateSitemap,
    "quotes": QuoteSitemap,
    "facts": FactSitemap,
    "contests": ContestSitemap,
    "places": JurisdictionSitemap,
    "sources": SourceSitemap,
}


@x_robots_tag
def sitemap_index(request):
    entries = []
    for section, section_class in SITEMAPS.items():
        pages = section_class()
        location = absolute(reverse("sitemap-section", kwargs={"section": section}))
        latest = pages.get_latest_lastmod()
        entries.append(SitemapIndexItem(location, latest))
        entries += [
            SitemapIndexItem(f"{location}?p={number}", latest)
            for number in range(2, pages.paginator.num_pages + 1)
        ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )
