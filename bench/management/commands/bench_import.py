"""Time and peak memory of applying a large results file to the bench newsroom.

The file updates every result of the first contests of the bench newsroom; it is applied
through the same service as `import_results --apply`, inside a transaction that is rolled
back, so the bench can run again on the same data. Memory is the process's peak RSS: a
tracemalloc run would take several times as long.
"""

import csv
import io
import json
import random
import resource
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from bench.data import PREFIX
from newsroom.models import Source
from results.models import Result
from results.services import ImportRejected, import_results

COLUMNS = ["contest", "candidate", "votes", "share", "reporting_percent", "as_of", "source_url"]


def peak_rss() -> int:
    """This process's peak resident memory so far, in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class Command(BaseCommand):
    help = (
        "Benchmark the results import on the bench newsroom (make bench generates it): "
        "writes a CSV file of N rows updating the results of the first N/4 bench contests "
        "(format: docs/results-import.md), applies it as import_results --apply would, and "
        "reports the time and the process's peak resident memory (and how much it grew "
        "during the import). The import is rolled back: the database is left as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rows", type=int, default=10_000, help="Rows in the file (default 10,000)."
        )
        parser.add_argument(
            "--file",
            type=Path,
            default=Path("var/bench/results-import.csv"),
            help="Where to write the generated file (default var/bench/results-import.csv).",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="Print the measurements as one JSON object instead of a line of text.",
        )

    def handle(self, *args, rows: int, file: Path, **options):
        content = self.results_file(rows)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(content)
        rss_before = peak_rss()
        seconds, plan = self.apply(content, file.name)
        measured = {
            "rows": rows,
            "seconds": seconds,
            "peak_rss_bytes": peak_rss(),
            "rss_growth_bytes": peak_rss() - rss_before,
            "changed": plan.changed,
            "added": plan.added,
            "file": str(file),
        }
        if options["json"]:
            self.stdout.write(json.dumps({"import": measured}))
            return
        self.stdout.write(
            f"import: {rows:,} rows ({plan.changed:,} changed, {plan.added:,} added) applied in "
            f"{seconds:.2f} s; peak RSS {measured['peak_rss_bytes'] / 2**20:.0f} MiB "
            f"(+{measured['rss_growth_bytes'] / 2**20:.0f} MiB during the import); file: {file}"
        )

    def results_file(self, rows: int) -> bytes:
        """CSV rows for every result of the first rows/4 contests, with new vote counts."""
        rng = random.Random(rows)
        results = (
            Result.objects.filter(contest__slug__startswith=PREFIX)
            .select_related("contest", "candidate")
            .order_by("contest__slug", "position")[:rows]
        )
        source = Source.objects.filter(slug__startswith=PREFIX).order_by("slug").first()
        if source is None or len(results) < rows:
            raise CommandError(
                f"The bench newsroom has fewer than {rows:,} results: run generate_bench_data."
            )
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        # Now: later than any count held, the election night's committed updates included.
        as_of = timezone.now().replace(microsecond=0).isoformat()
        for result in results:
            writer.writerow(
                [
                    result.contest.slug,
                    result.candidate.slug,
                    (result.votes or 0) + rng.randint(1, 500),
                    "",
                    "100",
                    as_of,
                    source.url,
                ]
            )
        return out.getvalue().encode()

    def apply(self, content: bytes, filename: str):
        with transaction.atomic():
            started = time.perf_counter()
            try:
                plan = import_results(content, filename=filename, dry_run=False, by=None)
            except ImportRejected as rejected:
                problems = "; ".join(str(problem) for problem in rejected.plan.problems[:5])
                raise CommandError(f"The generated file was refused: {problems}") from rejected
            seconds = time.perf_counter() - started
            transaction.set_rollback(True)
        if not plan.is_valid:
            raise CommandError("The generated file was refused.")
        return seconds, plan
