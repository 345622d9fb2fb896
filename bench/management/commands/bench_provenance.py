"""Checks per second of the full provenance report over the database as it is (the bench
newsroom of `make bench`: 200,000 quotes and their citations), and its queries and peak
memory: the report is one streamed pass (newsroom.provenance_report), so the queries stay
few and the memory flat whatever the size.
"""

import json
import time
import tracemalloc

from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom import provenance_report


class Command(BaseCommand):
    help = (
        "Benchmark the full provenance report (/admin/provenance/) over every public item of "
        "the database: items, citations, checks run, problems found, seconds, checks per "
        "second, SQL queries and peak Python memory (tracemalloc)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--json",
            action="store_true",
            help="Print the measurements as one JSON object instead of a line of text.",
        )

    def handle(self, *args, **options):
        tracemalloc.start()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            report = provenance_report.build()
            seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        measured = {
            "items": report.items,
            "citations": report.citations,
            "checks": report.checks,
            "problems": report.counts,
            "seconds": seconds,
            "checks_per_second": report.checks / seconds if seconds else 0.0,
            "queries": len(captured.captured_queries),
            "peak_bytes": peak,
        }
        if options["json"]:
            self.stdout.write(json.dumps({"provenance": measured}))
            return
        self.stdout.write(
            f"provenance report: {report.items:,} items, {report.citations:,} citations, "
            f"{report.checks:,} checks in {seconds:.2f} s ({measured['checks_per_second']:,.0f} "
            f"checks/s), {measured['queries']} queries, peak {peak / 2**20:.1f} MiB; problems "
            + ", ".join(f"{count:,} {kind}" for kind, count in report.counts.items())
        )
