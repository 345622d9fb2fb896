"""Helpers for tests of the public reader site: parsing JSON-LD and visible text."""

import json
import re
from html.parser import HTMLParser

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(response) -> dict:
    """The page's JSON-LD block, parsed as JSON."""
    (payload,) = LD_JSON.findall(response.content.decode())
    return json.loads(payload)


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
