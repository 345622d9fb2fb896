"""Run the full provenance report and keep it for /admin/provenance/ and the dashboard."""

import time

from django.core.management.base import BaseCommand, CommandError

from newsroom import provenance_report


class Command(BaseCommand):
    help = (
        "Check every citation of every public item (newsroom.provenance_report) and keep the "
        "report for the admin's provenance page and the editors' dashboard for --keep "
        "seconds. A newsroom with more citations than the pages check on request "
        f"({provenance_report.ON_REQUEST_CITATIONS:,}) is reported only by this command: run "
        "it from cron. Prints the counts and the first problems; exits with status 1 when a "
        "citation is missing or a check fails and --fail-on-problems is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep",
            type=int,
            default=2 * 3600,
            metavar="SECONDS",
            help="How long the pages show this report (default: two hours).",
        )
        parser.add_argument(
            "--show",
            type=int,
            default=20,
            metavar="N",
            help="Problems to print (default 20; 0 prints none).",
        )
        parser.add_argument(
            "--fail-on-problems",
            action="store_true",
            help="Exit with status 1 when a citation is missing or a check fails.",
        )

    def handle(self, *args, keep: int, show: int, fail_on_problems: bool, **options):
        if keep < 1:
            raise CommandError("--keep must be at least one second.")
        self.stdout.write("Checking every citation of every public item…")
        started = time.perf_counter()
        report = provenance_report.build()
        seconds = time.perf_counter() - started
        provenance_report.remember(report, keep)
        counts = report.counts
        self.stdout.write(
            f"{report.items:,} items, {report.citations:,} citations, {report.checks:,} checks "
            f"in {seconds:.1f} s: {counts['missing']:,} missing, {counts['failing']:,} failing, "
            f"{counts['override']:,} kept by an editor's reason. Kept for {keep:,} s."
        )
        for problem in report.problems[:show]:
            where = f"{problem.model._meta.verbose_name} {problem.object_id}"
            field = f", {problem.field}" if problem.field else ""
            self.stdout.write(f"  {problem.kind_label}: {where}{field}: {problem.message}")
        if len(report.problems) > show > 0:
            self.stdout.write(f"  … and {len(report.problems) - show:,} more at /admin/provenance/")
        if fail_on_problems and report.total:
            raise CommandError(f"{report.total:,} problems to fix.")
