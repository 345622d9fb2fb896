"""RSS and Atom feeds, the sitemap and robots.txt: parsed, and published items only."""

import html
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.http import Http404

from frontpage.sitemaps import SITEMAPS
from newsroom.site_address import SiteAddressSitemap
from tests.support import factories
from tests.support.reader import sitemap_locations

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_quotes_rss_lists_published_quotes_only(client):
    factories.QuoteFactory(text="Public & proud <words>")
    factories.QuoteFactory(text="Draft words", status="draft")
    channel = ET.fromstring(client.get("/feeds/quotes.rss").content).find("channel")
    descriptions = [item.findtext("description") for item in channel.findall("item")]
    assert len(descriptions) == 1
    # Readers render descriptions as HTML: the editor's text must read back as text.
    assert "&lt;words&gt;" in descriptions[0]
    assert "Public & proud <words>" in html.unescape(descriptions[0])


def test_quotes_atom_parses(client):
    factories.QuoteFactory()
    feed = ET.fromstring(client.get("/feeds/quotes.atom").content)
    assert len(feed.findall(f"{ATOM}entry")) == 1


def test_contest_updates_feed_names_the_winner(client, seed_newsroom):
    feed = ET.fromstring(client.get("/feeds/contests.atom").content)
    summaries = " ".join(entry.findtext(f"{ATOM}summary") for entry in feed.findall(f"{ATOM}entry"))
    assert "Jason Palmer won." in summaries
    channel = ET.fromstring(client.get("/feeds/contests.rss").content).find("channel")
    assert len(channel.findall("item")) == 4


def test_sitemap_lists_published_pages_only(client):
    public = factories.QuoteFactory()
    draft = factories.QuoteFactory(status="draft")
    hidden_source = factories.SourceFactory(status="draft")
    _, locations = sitemap_locations(client)
    assert any(loc.endswith(public.get_absolute_url()) for loc in locations)
    assert any(loc.endswith(public.candidate.get_absolute_url()) for loc in locations)
    assert not any(loc.endswith(draft.get_absolute_url()) for loc in locations)
    assert not any(loc.endswith(hidden_source.get_absolute_url()) for loc in locations)


@pytest.mark.parametrize("quotes", [3, 9])
def test_sitemap_index_lists_every_section_in_pages_of_bounded_size(
    client, monkeypatch, django_assert_max_num_queries, quotes
):
    monkeypatch.setattr(SiteAddressSitemap, "limit", 2)
    factories.QuoteFactory.create_batch(quotes)

    # Three index lookups a section (first and last keys, latest change), whatever the size.
    with django_assert_max_num_queries(3 * len(SITEMAPS)):
        index = client.get("/sitemap.xml")
    assert index["Content-Type"] == "application/xml"
    files, pages = sitemap_locations(client)

    quote_files = [loc for loc in files if "/sitemap-quotes.xml" in loc]
    assert len(quote_files) == -(-quotes // 2)
    assert quote_files[1:] == [
        f"http://testserver/sitemap-quotes.xml?p={n}" for n in range(2, len(quote_files) + 1)
    ]
    assert {loc.split("/sitemap-")[1].split(".")[0] for loc in files} == set(SITEMAPS)
    assert len([loc for loc in pages if "/quotes/" in loc]) == quotes
    assert client.get("/sitemap-quotes.xml", {"p": len(quote_files) + 1}).status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_points_to_the_sitemap(client, settings):
    settings.SITE_URL = "https://ballotdesk.example"
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: https://ballotdesk.example/sitemap.xml" in response.content.decode()


@pytest.mark.parametrize("section", sorted(SITEMAPS))
def test_each_sitemap_file_says_what_djangos_own_sitemap_view_says(
    client, rf, seed_newsroom, monkeypatch, section
):
    """Our files are written without Django's sitemap view and template (for speed): each
    page must carry the same addresses, last changes, frequencies and priorities."""
    from django.contrib.sitemaps.views import sitemap

    monkeypatch.setattr(SiteAddressSitemap, "limit", 3)

    def entries(content):
        # Django's view is called without the middleware that sets the site's address:
        # the hosts differ, the paths must not.
        return [
            [urlsplit(url.findtext(f"{SITEMAP}loc")).path]
            + [url.findtext(f"{SITEMAP}{name}") for name in ("lastmod", "changefreq", "priority")]
            for url in ET.fromstring(content).findall(f"{SITEMAP}url")
        ]

    for page in ("1", "2"):
        ours = client.get(f"/sitemap-{section}.xml", {"p": page})
        try:
            django_view = sitemap(rf.get("/", {"p": page}), sitemaps=SITEMAPS, section=section)
        except Http404:
            assert ours.status_code == 404 and page != "1"
            continue
        django_view.render()
        assert entries(ours.content) == entries(django_view.content) != []


def test_a_sitemap_page_that_is_not_a_number_is_not_found(client):
    for page in ("0", "-1", "x", "2"):
        assert client.get("/sitemap-quotes.xml", {"p": page}).status_code == 404


def test_sitemap_pages_are_ranges_of_keys_so_drafts_leave_gaps_not_shifts(client, monkeypatch):
    monkeypatch.setattr(SiteAddressSitemap, "limit", 2)
    quotes = factories.QuoteFactory.create_batch(6)
    for draft in quotes[2:4]:
        draft.status = "draft"
        draft.save()

    def page(number):
        response = client.get("/sitemap-quotes.xml", {"p": number})
        assert response.status_code == 200
        return [
            urlsplit(url.findtext(f"{SITEMAP}loc")).path for url in ET.fromstring(response.content)
        ]

    files, _ = sitemap_locations(client)
    assert len([loc for loc in files if "/sitemap-quotes.xml" in loc]) == 3
    assert page(1) == [quote.get_absolute_url() for quote in quotes[:2]]
    assert page(2) == []  # its two keys are drafts: an empty page, never their addresses
    assert page(3) == [quote.get_absolute_url() for quote in quotes[4:]]
    assert client.get("/sitemap-quotes.xml", {"p": 4}).status_code == 404
