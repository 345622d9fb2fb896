"""Time and peak memory of a streamed citation export of many sources.

By default it creates the sources inside a transaction that is rolled back at the end, so
it can run against any database; with --existing it exports the published sources already
there (the bench newsroom of `make bench`). Each format is streamed through the same
response the views return. Memory is measured at the full size and at a tenth of it: a
streamed export keeps it flat, so the two peaks stay close.
"""

import json
import time
import tracemalloc

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import RequestFactory

from newsroom.citations import registry
from newsroom.citations.csl import stream_items
from newsroom.citations.formats import FORMATS
from newsroom.citations.views import citation_response
from newsroom.editorial.publishing import Status
from newsroom.models import Contributor, Outlet, Source

DATA_FORMATS = ["json", "bib", "ris", "csv"]


class Command(BaseCommand):
    help = (
        "Benchmark a streamed export of N published sources in each data format: the time, "
        "and the peak Python memory (tracemalloc) at N and at N/10, which a streamed export "
        "keeps close. Without --existing the sources are created in a transaction that is "
        "rolled back; with --existing the first N published sources in the database are "
        "exported (make bench runs it on its own newsroom)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--items", type=int, default=10_000, help="How many sources to export (10,000)."
        )
        parser.add_argument(
            "--formats",
            nargs="+",
            choices=DATA_FORMATS,
            default=DATA_FORMATS,
            help="Formats to time: json (CSL-JSON), bib, ris, csv. Default: all four.",
        )
        parser.add_argument(
            "--existing",
            action="store_true",
            help="Export published sources already in the database instead of creating them.",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="Print the measurements as one JSON object instead of lines of text.",
        )

    def handle(self, *args, items: int, formats: list[str], existing: bool, **options):
        if items < 10:
            raise CommandError("--items must be at least 10.")
        measured = []
        with transaction.atomic():
            if existing:
                available = registry.get("source").published().count()
                if available < items:
                    raise CommandError(
                        f"Only {available:,} published sources in the database; "
                        f"--existing needs {items:,} (make bench generates them)."
                    )
            else:
                self.create_sources(items)
            for fmt in formats:
                seconds, size = self.export(fmt, items)
                measured.append(
                    {
                        "format": fmt,
                        "items": items,
                        "seconds": seconds,
                        "bytes": size,
                        "peak_bytes": self.peak_memory(fmt, items),
                        "peak_bytes_tenth": self.peak_memory(fmt, items // 10),
                    }
                )
            transaction.set_rollback(True)
        if options["json"]:
            self.stdout.write(json.dumps({"export": measured}))
            return
        for row in measured:
            self.stdout.write(
                f"{row['format']:>4}: {items} citations, {row['bytes'] / 2**20:.1f} MiB streamed "
                f"in {row['seconds']:.2f} s, peak Python memory {row['peak_bytes'] / 2**20:.1f} "
                f"MiB ({row['peak_bytes_tenth'] / 2**20:.1f} MiB for {items // 10})"
            )

    def create_sources(self, count: int) -> None:
        outlet = Outlet.objects.create(
            name="Bench Gazette & Co", slug="bench-gazette", status=Status.PUBLISHED
        )
        sources = Source.objects.bulk_create(
            Source(
                outlet=outlet,
                headline=f"Caucus report {n}: “Zoë” & 100% {{turnout}}",
                slug=f"bench-report-{n}",
                url=f"https://bench.example.org/reports/{n}",
                published_on="2024-03-06",
                published_on_precision="day",
                status=Status.PUBLISHED,
            )
            for n in range(count)
        )
        Contributor.objects.bulk_create(
            Contributor(source=source, name=f"Reporter Number{n}")
            for n, source in enumerate(sources)
        )

    def sources(self, count: int):
        """The first `count` published sources, by id."""
        published = registry.get("source").published()
        last = published.order_by("pk").values_list("pk", flat=True)[count - 1]
        return published.filter(pk__lte=last)

    def export(self, fmt: str, count: int) -> tuple[float, int]:
        citable = registry.get("source")
        request = RequestFactory().get("/")
        started = time.perf_counter()
        response = citation_response(
            request, stream_items(citable, self.sources(count)), FORMATS[fmt], "bench"
        )
        size = sum(len(chunk) for chunk in response.streaming_content)
        return time.perf_counter() - started, size

    def peak_memory(self, fmt: str, count: int) -> int:
        tracemalloc.start()
        try:
            self.export(fmt, count)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
