"""One results update of a live feed, committed: the bench's election-night load applies one
every few seconds while readers load the contest page."""

import csv
import io
import json
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from bench.data import PREFIX
from newsroom.models import Source
from results.models import Contest
from results.services import ImportRejected, import_results


class Command(BaseCommand):
    help = (
        "Apply (and commit) one results update to a bench contest, as a live feed would: "
        "every result's votes go up by --step, as of now. Prints JSON: the new votes by "
        "candidate slug and the seconds the import took. Meant for the bench newsroom only "
        "(make bench); it changes its figures."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--contest",
            default=f"{PREFIX}contest-00000",
            help="The bench contest's slug (default: the one make bench loads).",
        )
        parser.add_argument(
            "--step", type=int, default=7, help="Votes added to each result (default 7)."
        )

    def handle(self, *args, contest: str, step: int, **options):
        if not contest.startswith(PREFIX):
            raise CommandError(f"Only bench contests ({PREFIX}…) are changed by this command.")
        held = Contest.objects.filter(slug=contest).first()
        source = Source.objects.filter(slug__startswith=PREFIX, url__gt="").order_by("slug").first()
        if held is None or source is None:
            raise CommandError("No bench newsroom here: run generate_bench_data first.")
        votes = {
            result.candidate.slug: (result.votes or 0) + step
            for result in held.results.select_related("candidate")
        }
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["contest", "candidate", "votes", "as_of", "source_url"])
        as_of = timezone.now().isoformat()
        for slug, count in votes.items():
            writer.writerow([contest, slug, count, as_of, source.url])
        started = time.perf_counter()
        try:
            import_results(out.getvalue().encode(), filename="live-feed.csv", dry_run=False)
        except ImportRejected as rejected:
            raise CommandError(f"The update was refused: {rejected}") from rejected
        seconds = time.perf_counter() - started
        self.stdout.write(json.dumps({"import": {"votes": votes, "seconds": seconds}}))
