"""Helpers for tests of the public reader site: parsing JSON-LD, visible text and the sitemap."""

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(response) -> dict:
    """The page's JSON-LD block, parsed as JSON."""
    (payload,) = LD_JSON.findall(response.content.decode())
    return json.loads(payload)


def node(data: dict, kind: str) -> dict:
    """The node of JSON-LD `data` (one, or a `@graph` of them) of schema.org type `kind`."""
    nodes = data.get("@graph", [data])
    return next(item for item in nodes if item.get("@type") == kind)


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.chunks, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style", "title")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style", "title")

    def handle_data(self, data):
        if not self._skip:
            self.chunks.append(data)


def visible_text(response) -> str:
    """What a reader sees: the text outside tags, whitespace collapsed."""
    parser = _TextParser()
    parser.feed(response.content.decode())
    return " ".join(" ".join(parser.chunks).split())


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locations(client, **request) -> tuple[list[str], list[str]]:
    """The sitemap as a crawler reads it: the files the index at /sitemap.xml lists, and
    the page addresses in all of them (`request`: extra WSGI environ for every request)."""
    index = ET.fromstring(client.get("/sitemap.xml", **request).content)
    files = [entry.findtext(f"{SITEMAP_NS}loc") for entry in index.findall(f"{SITEMAP_NS}sitemap")]
    pages = []
    for location in files:
        address = urlsplit(location)
        response = client.get(address.path, QUERY_STRING=address.query, **request)
        assert response.status_code == 200, location
        urlset = ET.fromstring(response.content)
        pages += [url.findtext(f"{SITEMAP_NS}loc") for url in urlset.findall(f"{SITEMAP_NS}url")]
    return files, pages
