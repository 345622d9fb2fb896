"""Time a citation basket download of N items in every format, and count its queries.

The basket holds published quotes, results and sources already in the database (the bench
newsroom of `make bench`), mixed as readers collect them, and is downloaded through the
site's own URL and middleware with the test client: the cookie a reader's browser would
send, the response streamed to the end. The queries are counted at N and at N/10: a basket
whose cost grows with its size shows it there before it shows in seconds.
"""

import json
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.citations import basket as baskets
from newsroom.citations import registry
from newsroom.citations.formats import FORMATS

#: How the basket is mixed: most of what readers collect is quotes.
MIX = (("quote", 0.6), ("result", 0.2), ("source", 0.2))


class Command(BaseCommand):
    help = (
        "Benchmark downloading a citation basket of N published items (quotes, results and "
        "sources already in the database, 60/20/20) in every format through the site's URL: "
        "seconds, bytes, and queries at N and at N/10. make bench runs it with N = 500, "
        "the most a basket holds."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--items",
            type=int,
            default=baskets.LIMIT,
            help=f"Items in the basket (default and most: {baskets.LIMIT}).",
        )
        parser.add_argument(
            "--formats",
            nargs="+",
            choices=list(FORMATS),
            default=list(FORMATS),
            help="Formats to download (default: all).",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="Print the measurements as one JSON object instead of lines of text.",
        )

    def handle(self, *args, items: int, formats: list[str], **options):
        if not 10 <= items <= baskets.LIMIT:
            raise CommandError(f"--items must be between 10 and {baskets.LIMIT}.")
        full = self.entries(items)
        tenth = self.entries(max(1, items // 10))
        measured = []
        for fmt in formats:
            self.stderr.write(f"Downloading a basket of {items} items as {fmt} …")
            self.download(tenth, fmt)  # warm: pandoc's first start, the style files
            small = self.download(tenth, fmt)
            large = self.download(full, fmt)
            measured.append(
                {
                    "format": fmt,
                    "items": items,
                    "seconds": large["seconds"],
                    "bytes": large["bytes"],
                    "queries": large["queries"],
                    "queries_at_tenth": small["queries"],
                }
            )
        if options["json"]:
            self.stdout.write(json.dumps({"basket": measured}))
            return
        for row in measured:
            self.stdout.write(
                f"{row['format']}: {row['seconds']:.2f} s, {row['bytes']:,} bytes, "
                f"{row['queries']} queries ({row['queries_at_tenth']} at a tenth)"
            )

    def entries(self, items: int) -> list[tuple[str, int]]:
        wanted = {kind: round(items * share) for kind, share in MIX}
        wanted["quote"] += items - sum(wanted.values())
        entries = []
        for kind, count in wanted.items():
            pks = list(
                registry.get(kind).published().order_by("pk").values_list("pk", flat=True)[:count]
            )
            if len(pks) < count:
                raise CommandError(
                    f"Only {len(pks):,} published {kind}s in the database; a basket of "
                    f"{items:,} needs {count:,} (make bench generates them)."
                )
            entries.extend((kind, pk) for pk in pks)
        # Interleave the kinds as a reader's basket would be, not one block a kind.
        entries.sort(key=lambda entry: (entry[1] % 97, entry))
        return entries

    def download(self, entries, fmt: str) -> dict:
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else None)
        store = baskets.Basket(RequestFactory().get("/"))
        try:
            store._store(entries)  # refuses what a reader's cookie could not carry
        except baskets.BasketFull as error:
            raise CommandError(str(error)) from error
        client.cookies[baskets.COOKIE_NAME] = store._cookie
        url = reverse("citations:basket_download", args=[fmt])
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            body = b"".join(response) if response.streaming else response.content
            seconds = time.perf_counter() - started
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}.")
        return {"seconds": seconds, "bytes": len(body), "queries": len(queries)}
