"""Add the fictional draft contest that docs/examples/results.csv and .json import into."""

from django.core.management.base import BaseCommand

from seed.import_example import load_import_example


class Command(BaseCommand):
    help = (
        "Add the fictional contest, candidates and source that docs/examples/results.csv and "
        ".json name, all as drafts (never public), so the examples import into a `make run` "
        "site. Idempotent."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 1
        loader = load_import_example(progress=self.stdout.write if verbose else lambda line: None)
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Import example loaded: {loader.created} created, {loader.updated} updated."
                )
            )
