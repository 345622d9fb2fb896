"""Build the synthetic newsroom that `make bench` serves and loads."""

import time

from django.core.management.base import BaseCommand, CommandError

from bench.data import FULL_SIZE, PROFILE_SLUG, SEARCH_WORD, generate


class Command(BaseCommand):
    help = (
        "Generate a large synthetic newsroom for benchmarks, every item published: at full "
        f"scale {FULL_SIZE['candidates']:,} candidates, {FULL_SIZE['quotes']:,} quotes, "
        f"{FULL_SIZE['sources']:,} sources, {FULL_SIZE['contests']:,} contests with four "
        "results each, and citations linking every quote, result and candidate to a source. "
        f"The candidate “{PROFILE_SLUG}” has exactly 200 quotes. Deterministic (--seed) and "
        "idempotent: when the same newsroom is already there, nothing is written. Meant for "
        "a database of its own (make bench uses ballotdesk_bench); all rows have bench- slugs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Fraction of the full size, e.g. 0.001 for a tiny newsroom (default 1).",
        )
        parser.add_argument(
            "--seed", type=int, default=2024, help="Seed of the random generator (default 2024)."
        )
        parser.add_argument(
            "--fresh",
            action="store_true",
            help="Delete the generated newsroom and build it again even if it is complete.",
        )

    def handle(self, *args, scale: float, seed: int, fresh: bool, **options):
        if not 0 < scale <= 10:
            raise CommandError("--scale must be above 0 and at most 10.")
        verbose = options["verbosity"] >= 1
        progress = self.stdout.write if verbose else lambda line: None
        started = time.perf_counter()
        progress(f"Generating the bench newsroom (scale {scale:g}, seed {seed})…")
        sizes, built = generate(scale=scale, seed=seed, fresh=fresh, progress=progress)
        counts = (
            f"{sizes.candidates:,} candidates, {sizes.quotes:,} quotes, "
            f"{sizes.sources:,} sources, {sizes.contests:,} contests, {sizes.results:,} results"
        )
        if not built:
            progress(f"Already generated: {counts}. Nothing written (--fresh rebuilds it).")
            return
        progress(
            self.style.SUCCESS(
                f"Generated {counts} in {time.perf_counter() - started:.0f} s. "
                f"Profile with {sizes.profile_quotes} quotes: /candidates/{PROFILE_SLUG}/; "
                f"search word: “{SEARCH_WORD}”."
            )
        )
