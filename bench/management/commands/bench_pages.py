"""The addresses of every kind of public page, for make bench's one-at-a-time sweep.

One address of each: the lists (first, second and last page), the sitemap index and one of
its files, the feeds, search, the API lists, and the first published item of every sitemap
section (a profile, a quote, a fact, a contest, a place, a source) with the profile's own
list pages. bench/run.py requests each from the uncached server and compares it with
/healthz on the same server.
"""

import json

from django.core.management.base import BaseCommand
from django.urls import reverse

from frontpage.sitemaps import SITEMAPS

LISTS = ("/", "/candidates/", "/contests/", "/sources/", "/corrections/")
OTHERS = (
    "/sitemap.xml",
    "/sitemap-quotes.xml",
    "/feeds/quotes.rss",
    "/feeds/contests.atom",
    "/feeds/corrections.rss",
    "/search/?q=turnout",
    "/api/v1/quotes/",
    "/api/v1/candidates/",
    "/api/v1/contests/",
)


def public_paths() -> list[dict]:
    found = [{"label": "/healthz", "path": reverse("healthz")}]
    for path in LISTS:
        found.append({"label": path, "path": path})
        found.append({"label": f"{path} page 2", "path": f"{path}?page=2"})
        found.append({"label": f"{path} last page", "path": f"{path}?page=last"})
    found += [{"label": path, "path": path} for path in OTHERS]
    for section, pages_class in SITEMAPS.items():
        pages = pages_class()
        first = next(iter(pages.items()[:1]), None)
        if first is None:
            continue
        path = pages.location(first)
        found.append({"label": f"a {section.removesuffix('s')} page", "path": path})
        if section == "candidates":
            for part in ("quotes", "facts", "career", "platform"):
                found.append({"label": f"a profile's {part}", "path": f"{path}{part}/"})
        if section == "places":
            found.append({"label": "a place's contests", "path": f"{path}contests/"})
    return found


class Command(BaseCommand):
    help = (
        "List one address of every kind of public page (lists with their second and last "
        "pages, sitemap, feeds, search, API lists, and the first published item of each "
        "sitemap section), as JSON for bench/run.py's uncached sweep."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", action="store_true", help="Print one JSON object (the default is lines)."
        )

    def handle(self, *args, **options):
        found = public_paths()
        if options["json"]:
            self.stdout.write(json.dumps({"pages": found}))
            return
        for page in found:
            self.stdout.write(f"{page['label']}: {page['path']}")
