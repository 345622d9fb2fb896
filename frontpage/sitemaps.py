"""The sitemap sections of every app, for /sitemap.xml."""

from candidates.sitemaps import CandidateSitemap, FactSitemap, QuoteSitemap
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
