"""Load the seed newsroom: the facts, figures and quotes of the three seed articles."""

from django.core.management.base import BaseCommand

from seed.loader import seed_newsroom


class Command(BaseCommand):
    help = (
        "Load the seed newsroom built from the Fox News, ABC News and CNN articles on the 2024 "
        "American Samoa Democratic caucuses: outlets, sources, candidates, quotes, facts, "
        "contests and results, every item linked to the articles that reported it. "
        "Idempotent: a second run changes nothing and reports 0 created."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 1
        loader = seed_newsroom(progress=self.stdout.write if verbose else lambda line: None)
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Seed newsroom loaded: {loader.created} created, {loader.updated} updated."
                )
            )
