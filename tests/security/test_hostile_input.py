"""Every public page, feed and export, rendered from the hostile newsroom, neutralises every
stored payload: escaped in HTML, safe inside JSON-LD, inert in feeds, no formula in CSV.

The crawl starts from every URL pattern of the site (enumerated from the resolver) and the
address of every item, and follows every link it finds, so a new page is covered as soon as
something links to it; a pattern the crawl never reaches fails the coverage test.
"""

import contextlib
import json
import time
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import (
    NoReverseMatch,
    Resolver404,
    resolve,
    reverse,
)

from candidates.models import Candidate, Fact, Quote
from candidates.profile import PARTS
from newsroom.models import Source
from tests.security.hostile import PAYLOADS, Findings, audit_response, build_hostile_newsroom
from tests.support.world import POST_ONLY, public_patterns

# The crawl itself runs once, in the module fixture; the mark makes the test database exist.
pytestmark = [pytest.mark.django_db, pytest.mark.crawl]

# How many addresses of one kind (same page, same format) the crawl follows, beyond the
# address of every item, which it always fetches.
PER_KIND = 3
ARTIFACT = settings.BASE_DIR / "test-artifacts" / "hostile-input.json"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.post_forms = [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"a", "link"} and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "form":
            action = attributes.get("action") or ""
            if (attributes.get("method") or "get").lower() == "post":
                self.post_forms.append(action)
            else:
                self.links.append(action)


def site_addresses() -> tuple[str, ...]:
    """The origins this site's own links may start with: SITE_URL if set, the test client's."""
    return tuple(origin for origin in (settings.SITE_URL, "http://testserver") if origin)


def local_path(address: str, base: str) -> str | None:
    """The site path an address points to, or None for another site or a static file."""
    for prefix in site_addresses():
        if address.startswith(prefix):
            address = address[len(prefix) :] or "/"
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or address.startswith(("#", "mailto:")):
        return None
    path = parts.path if parts.path.startswith("/") else base.rsplit("/", 1)[0] + "/" + parts.path
    if path.startswith(("/static/", f"/{settings.ADMIN_URL}")):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def found_addresses(text: str, content_type: str) -> tuple[list[str], list[str]]:
    if content_type == "text/html":
        parser = _Links()
        parser.feed(text)
        return parser.links, parser.post_forms
    if content_type.endswith(("json", "xml")):
        # Absolute addresses anywhere in an API answer, a feed or the sitemap.
        words = text.replace('"', " ").replace("<", " ").replace(">", " ").split()
        return [w for w in words if w.startswith(site_addresses())], []
    return [], []


def crawl(client, seeds):
    fetched, per_kind, statuses = {}, Counter(), Counter()
    post_forms, findings, timings = set(), Findings(), {}
    queue = deque((seed, True) for seed in seeds)
    while queue:
        address, is_seed = queue.popleft()
        if address in fetched:
            continue
        try:
            match = resolve(urlsplit(address).path)
        except Resolver404:
            fetched[address] = None
            continue
        arguments = tuple(
            sorted(f"{k}={v}" for k, v in match.kwargs.items() if k not in {"slug", "pk"})
        )
        kind = (match.view_name, arguments)
        if not is_seed and per_kind[kind] >= PER_KIND:
            continue
        per_kind[kind] += 1
        started = time.perf_counter()
        response = client.get(address)
        fetched[address] = match.view_name
        statuses[response.status_code] += 1
        audit_response(address, response, findings)
        timings[address] = time.perf_counter() - started
        content_type = response.get("Content-Type", "").split(";")[0]
        links, forms = found_addresses(getattr(response, "audited_text", ""), content_type)
        post_forms.update(forms)
        for link in links:
            path = local_path(link, urlsplit(address).path)
            if path and path not in fetched:
                queue.append((path, False))
    return fetched, post_forms, statuses, findings, timings


@pytest.fixture(scope="module")
def hostile_crawl(django_db_setup, django_db_blocker):
    """Built and crawled once for the module, inside a transaction rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        result = build_and_crawl()
        transaction.set_rollback(True)
    return result


def build_and_crawl():
    filled = build_hostile_newsroom()
    seeds = []
    for name, _route, takes_arguments in public_patterns():
        if not takes_arguments and name not in POST_ONLY:
            with contextlib.suppress(NoReverseMatch):
                seeds.append(reverse(name))
    for model in apps.get_models():
        if hasattr(model, "get_absolute_url") and model._meta.app_label in {
            "newsroom",
            "candidates",
            "results",
        }:
            seeds += [item.get_absolute_url() for item in model.objects.all()[:PER_KIND]]
    # A profile links to all of a part only when it shows some of them; every world's
    # candidate has one of each.
    seeds += [
        part.url(candidate)
        for candidate in Candidate.objects.all()[:PER_KIND]
        for part in PARTS.values()
    ]
    seeds += [f"{reverse('search')}?q={quote(payload)}" for payload in PAYLOADS]
    reader = Client()
    # A full basket, so the basket page shows its forms and downloads.
    for kind, model in (("quote", Quote), ("fact", Fact), ("source", Source)):
        for item in model.objects.all()[:3]:
            reader.post(reverse("citations:basket_add"), {"kind": kind, "pk": item.pk})
    fetched, post_forms, statuses, findings, timings = crawl(reader, seeds)
    post_names = {resolve(urlsplit(action).path).view_name for action in post_forms if action}
    covered = {name for name in fetched.values() if name} | post_names
    summary = {
        "payloads_stored": filled["payloads"],
        "url_payloads_stored": filled["url_payloads"],
        "fields_filled": len(filled["fields"]),
        "addresses_fetched": sum(1 for name in fetched.values() if name),
        "url_patterns_covered": len(covered),
        "url_patterns_public": len({name for name, *_ in public_patterns()}),
        "statuses": dict(statuses),
        "findings": len(findings),
        "slowest": sorted(timings.items(), key=lambda item: -item[1])[:5],
    }
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(json.dumps(summary, indent=2) + "\n")
    return {"covered": covered, "findings": findings, "summary": summary, "filled": filled}


def test_every_public_page_and_export_neutralises_stored_payloads(hostile_crawl):
    problems = hostile_crawl["findings"].of("other")

    assert problems == [], "\n".join(problems[:50])


def test_stored_script_urls_are_never_links(hostile_crawl):
    problems = hostile_crawl["findings"].of("script-url")

    assert problems == [], "\n".join(problems[:20])


def test_feed_descriptions_are_inert_html(hostile_crawl):
    problems = hostile_crawl["findings"].of("feed-html")

    assert problems == [], "\n".join(problems[:20])


def test_no_public_page_fails_on_stored_payloads(hostile_crawl):
    assert not [status for status in hostile_crawl["summary"]["statuses"] if status >= 500]


def test_the_crawl_reaches_every_public_url_pattern(hostile_crawl):
    missing = {name for name, *_ in public_patterns()} - hostile_crawl["covered"]

    assert missing == set(), f"no page links to {sorted(missing)}: seed them or link them"


def test_every_displayed_kind_of_field_holds_a_payload(hostile_crawl):
    fields = hostile_crawl["filled"]["fields"]

    for field in ("Quote.text", "Candidate.full_name", "Source.headline", "Source.url"):
        assert field in fields
    assert "Citation.quoted_passage" in fields
