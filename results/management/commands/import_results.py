"""Import a results file (CSV or JSON) from the command line: preview first, then apply."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from results.importing.forms import MAX_NOTE_LENGTH
from results.importing.preview import describe_row, describe_value
from results.services import ImportRejected, import_results


class Command(BaseCommand):
    help = (
        "Import contest results from a CSV or JSON file (format: docs/results-import.md). "
        "Without --apply this is a dry run: it prints, row by row, what would be added, "
        "changed, left unchanged or skipped (locked by an editor) and writes nothing. With "
        "--apply the whole file is written in one transaction, or nothing is. Problems are "
        "printed as “row N, column X: message” and make the command exit with status 1. "
        "Applying a file whose figures are already held is a no-op. When figures readers "
        "could see change (a public contest's votes, shares or delegates), a public "
        "“update” is recorded on the contest with --note, or a note naming the reporting level."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The results file, .csv or .json.")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--dry-run",
            action="store_true",
            help="Preview only; write nothing. This is the default.",
        )
        mode.add_argument("--apply", action="store_true", help="Write the results, all or nothing.")
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="Record this user as the importer (default: nobody, i.e. the command line).",
        )
        parser.add_argument(
            "--note",
            default="",
            help=(
                "Public note of the “update” shown on the contest's page and /corrections/ "
                "when published figures change, e.g. “Figures from the party's final count.” "
                "Default: a note naming the reporting level of the new figures."
            ),
        )

    def handle(self, *args, **options):
        path: Path = options["file"]
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        user = None
        if options["user"]:
            try:
                user = get_user_model().objects.get_by_natural_key(options["user"])
            except get_user_model().DoesNotExist as error:
                raise CommandError(f"No user named “{options['user']}”.") from error
        apply = options["apply"]
        note = options["note"].strip()
        if len(note) > MAX_NOTE_LENGTH:
            raise CommandError(
                f"--note is {len(note)} characters long; keep it under {MAX_NOTE_LENGTH}."
            )
        self.stdout.write(f"Reading {path.name} ({len(content)} bytes)…")
        try:
            plan = import_results(
                content, filename=path.name, dry_run=not apply, by=user, note=note
            )
        except ImportRejected as rejected:
            plan = rejected.plan
        if not plan.is_valid:
            for problem in plan.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(plan.problems)} problem(s) in {path.name}; nothing was written."
            )
        if options["verbosity"] >= 1:
            self.print_plan(plan)
        totals = (
            f"{plan.added} added, {plan.changed} changed, {plan.unchanged} unchanged, "
            f"{plan.skipped} skipped"
        )
        if not apply:
            self.stdout.write(
                f"Dry run: {totals}. Nothing written; run again with --apply to import."
            )
        elif plan.batch:
            self.stdout.write(self.style.SUCCESS(f"Applied as import #{plan.batch.pk}: {totals}."))
        else:
            earlier = f" (import #{plan.previous_batch.pk})" if plan.previous_batch else ""
            self.stdout.write(
                f"Nothing to apply: every figure is already held{earlier}. Nothing written."
            )

    def print_plan(self, plan) -> None:
        for contest_plan in plan.contests:
            self.stdout.write(f"{contest_plan.contest.slug}")
            for change in contest_plan.changes:
                self.stdout.write(
                    f"  {change.column}: {describe_value(change.old)} → "
                    f"{describe_value(change.new)}"
                )
            for row in contest_plan.rows:
                self.stdout.write(f"  row {row.number}: {describe_row(row)}")
