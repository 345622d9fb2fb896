"""Time and peak memory of a streamed citation export of many sources.

Creates the sources inside a transaction that is rolled back at the end, so it can run
against any database, and streams each format through the same response the views return.
"""

import time
import tracemalloc

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import RequestFactory

from newsroom.citations import registry
from newsroom.citations.csl import stream_items
from newsroom.citations.formats import FORMATS
from newsroom.citations.views import citation_response
from newsroom.models import Contributor, Outlet, Source
from newsroom.publishing import Status


class Command(BaseCommand):
    help = "Benchmark a streamed export of N published sources in each data format."

    def add_arguments(self, parser):
        parser.add_argument(
            "--items", type=int, default=10_000, help="How many sources to export (10,000)."
        )
        parser.add_argument(
            "--formats",
            nargs="+",
            default=["json", "bib", "ris", "csv"],
            help="Formats to time: json (CSL-JSON), bib, ris, csv. Default: all four.",
        )

    def handle(self, *args, items: int, formats: list[str], **options):
        with transaction.atomic():
            self.create_sources(items)
            for fmt in formats:
                seconds, size = self.export(fmt)
                tracemalloc.start()
                self.export(fmt)
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                self.stdout.write(
                    f"{fmt:>4}: {items} citations, {size / 2**20:.1f} MiB streamed "
                    f"in {seconds:.2f} s, peak Python memory {peak / 2**20:.1f} MiB"
                )
            transaction.set_rollback(True)

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

    def export(self, fmt: str) -> tuple[float, int]:
        citable = registry.get("source")
        request = RequestFactory().get("/")
        started = time.perf_counter()
        response = citation_response(
            request, stream_items(citable, citable.published()), FORMATS[fmt], "bench"
        )
        size = sum(len(chunk) for chunk in response.streaming_content)
        return time.perf_counter() - started, size
