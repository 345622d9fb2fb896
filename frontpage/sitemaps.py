"""The sitemap sections of every app, and /sitemap.xml: the index of their pages.

Django's index view names each section's file on the request's host; ours names it on the
site's address (newsroom.site_address), as the sections name their pages. The index costs
three index lookups a section (its first and last keys, its latest change) whatever the
size of the newsroom.

A section's file is written here rather than by Django's sitemap view and template: each
page reads two columns (the address's argument and the last change) and writes its XML
with plain string joins, so 5,000 addresses cost milliseconds, not a model instance, a
`reverse()` and a template loop each.
"""

from xml.sax.saxutils import escape

from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date

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
            for number in range(2, pages.page_count(pages.key_range()) + 1)
        ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


@x_robots_tag
def sitemap_section(request, section: str):
    """One page (`?p=N`, from 1) of a section, as Django's sitemap view writes it."""
    section_class = SITEMAPS.get(section)
    if section_class is None:
        raise Http404(f"No sitemap section {section!r}.")
    raw = request.GET.get("p", "1")
    pages = section_class()
    keys = pages.key_range()
    if not raw.isdigit() or not 1 <= int(raw) <= pages.page_count(keys):
        raise Http404(f"No page {raw!r}.")
    rows = pages.page_rows(int(raw), keys)
    tail = "".join(
        [
            f"<changefreq>{pages.changefreq}</changefreq>"
            if getattr(pages, "changefreq", None)
            else "",
            f"<priority>{pages.priority}</priority>" if getattr(pages, "priority", None) else "",
            "</url>",
        ]
    )
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    ]
    for location, changed in rows:
        lastmod = f"<lastmod>{changed:%Y-%m-%d}</lastmod>" if changed else ""
        parts.append(f"<url><loc>{escape(location)}</loc>{lastmod}{tail}\n")
    parts.append("</urlset>\n")
    response = HttpResponse("".join(parts), content_type="application/xml")
    latest = max((changed for _, changed in rows if changed), default=None)
    if latest is not None:
        response.headers["Last-Modified"] = http_date(latest.timestamp())
    return response
