"""A large synthetic newsroom for `make bench`: deterministic, published, and fast to build.

Everything is derived from one seeded `random.Random`, so two runs with the same scale and
seed hold the same rows (ids and timestamps aside). Rows are written with `bulk_create` of
model instances in batches, so fields other desks add with a default just work; history
records are not written (the bench measures reading, not the audit trail).

Every generated row carries a `bench-` slug or URL (or hangs off one), which is how a
second run knows the newsroom is already there and how `fresh` finds what to delete.
"""

import itertools
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from candidates.models import Candidate, Party, Quote
from newsroom import search
from newsroom.cited_values import record_supported_values
from newsroom.editorial.publishing import Status
from newsroom.models import Citation, Contributor, Outlet, Source
from newsroom.search import vocabulary
from newsroom.statistics import analyze
from results.models import Contest, Jurisdiction, Result

PREFIX = "bench-"
BATCH_SIZE = 5_000
#: Results per contest: 20,000 results in 5,000 contests.
RESULTS_PER_CONTEST = 4
#: The candidate whose profile carries exactly this many quotes (at full scale).
PROFILE_QUOTES = 200
PROFILE_SLUG = f"{PREFIX}profile-200-quotes"
#: A word in about one quote in a hundred: what the bench searches for.
SEARCH_WORD = "turnout"

FULL_SIZE = {
    "candidates": 2_000,
    "quotes": 200_000,
    "sources": 50_000,
    "contests": 5_000,
    "outlets": 40,
    "jurisdictions": 56,
}
#: The least of each a consistent newsroom needs, whatever the scale.
MINIMUM = {
    "candidates": RESULTS_PER_CONTEST,
    "quotes": 2,
    "sources": 2,
    "contests": 1,
    "outlets": 2,
    "jurisdictions": 1,
}

PARTIES = [
    ("Bench Democratic Party", "Democratic", "DEM"),
    ("Bench Republican Party", "Republican", "REP"),
    ("Bench Green Party", "Green", "GRN"),
]
GIVEN_NAMES = [
    "Ana",
    "Ben",
    "Chloe",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jason",
    "Kofi",
    "Lena",
    "Marta",
    "Nils",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sam",
    "Tala",
    "Uma",
    "Victor",
    "Wen",
    "Xavier",
    "Yara",
    "Zoë",
]
FAMILY_NAMES = [
    "Palmer",
    "Okafor",
    "Lindqvist",
    "Tanaka",
    "Moreau",
    "Haddad",
    "Kowalski",
    "Silva",
    "Nguyen",
    "Brennan",
    "Ortiz",
    "Fischer",
    "Mensah",
    "Rossi",
    "Novak",
    "Dubois",
    "Castillo",
    "Ivanova",
    "Sato",
    "Larsen",
    "Quispe",
    "Varga",
    "Yilmaz",
]
#: Words of quotes and headlines; the first ones are drawn far more often than the last.
WORDS = [
    "we",
    "the",
    "people",
    "will",
    "win",
    "this",
    "race",
    "because",
    "voters",
    "want",
    "change",
    "and",
    "our",
    "campaign",
    "is",
    "listening",
    "to",
    "every",
    "family",
    "in",
    "every",
    "town",
    "across",
    "the",
    "territory",
    "tonight",
    "delegates",
    "count",
    "caucus",
    "primary",
    "ballots",
    "results",
    "economy",
    "jobs",
    "schools",
    "healthcare",
    "housing",
    "veterans",
    "climate",
    "energy",
    "taxes",
    "wages",
    "farmers",
    "workers",
    "small",
    "business",
    "security",
    "borders",
    "trade",
    "infrastructure",
    "broadband",
    "water",
    "roads",
    "bridges",
    "transit",
    "future",
    "children",
    "seniors",
    "students",
    "teachers",
    "nurses",
    "police",
    "courts",
    "justice",
    "freedom",
    "democracy",
    "election",
    "fair",
    "open",
    "honest",
    "record",
    "plan",
    "promise",
    "fight",
    "together",
    "momentum",
    "grassroots",
    "volunteers",
    "donors",
    "rally",
    "debate",
    "interview",
    "statement",
    "victory",
    "concession",
    "recount",
    "margin",
    "lead",
    "surge",
    "poll",
    "support",
    "endorsement",
    "coalition",
    "community",
    "faith",
    "service",
    "duty",
    "history",
    "moment",
    "turnout",
    "remarkable",
    "unprecedented",
    "historic",
    "decisive",
    "narrow",
    "comfortable",
    "early",
    "late",
]
OCCUPATIONS = [
    "lawyer",
    "teacher",
    "farmer",
    "engineer",
    "nurse",
    "veteran",
    "entrepreneur",
    "economist",
]
TOWNS = ["Pago Pago", "Tāfuna", "Leone", "Aūa", "Fagatogo", "Nuʻuuli", "Vaitogi", "Amanave"]


@dataclass(frozen=True)
class Sizes:
    candidates: int
    quotes: int
    sources: int
    contests: int
    outlets: int
    jurisdictions: int

    @classmethod
    def at_scale(cls, scale: float) -> "Sizes":
        return cls(
            **{name: max(MINIMUM[name], round(full * scale)) for name, full in FULL_SIZE.items()}
        )

    @property
    def results(self) -> int:
        return self.contests * RESULTS_PER_CONTEST

    @property
    def profile_quotes(self) -> int:
        """The featured candidate's quotes: 200, or half of them in a tiny newsroom."""
        return min(PROFILE_QUOTES, self.quotes // 2)


def is_generated(sizes: Sizes) -> bool:
    """True when a complete newsroom of these sizes is already in the database."""
    return (
        Candidate.objects.filter(slug__startswith=PREFIX).count() == sizes.candidates
        and Quote.objects.filter(candidate__slug__startswith=PREFIX).count() == sizes.quotes
        and Source.objects.filter(slug__startswith=PREFIX).count() == sizes.sources
        and Result.objects.filter(contest__slug__startswith=PREFIX).count() == sizes.results
    )


def delete_generated(progress: Callable[[str], None]) -> None:
    """Remove every generated row, children first, without loading them.

    Raw deletes: the ORM's collector would load 200,000 quotes to send signals nobody
    needs here.
    """
    generated_sources = Source.objects.filter(slug__startswith=PREFIX)
    steps = [
        ("citations", Citation.objects.filter(source__in=generated_sources)),
        ("results", Result.objects.filter(contest__slug__startswith=PREFIX)),
        ("contests", Contest.objects.filter(slug__startswith=PREFIX)),
        ("jurisdictions", Jurisdiction.objects.filter(slug__startswith=PREFIX)),
        ("quotes", Quote.objects.filter(candidate__slug__startswith=PREFIX)),
        ("candidates", Candidate.objects.filter(slug__startswith=PREFIX)),
        ("parties", Party.objects.filter(slug__startswith=PREFIX)),
        ("contributors", Contributor.objects.filter(source__in=generated_sources)),
        ("sources", generated_sources),
        ("outlets", Outlet.objects.filter(slug__startswith=PREFIX)),
    ]
    for label, queryset in steps:
        # One DELETE … WHERE, what QuerySet.delete() issues when no signal listens.
        deleted = queryset._raw_delete(queryset.db)
        progress(f"  deleted {deleted:,} {label}")


def generate(
    *, scale: float = 1.0, seed: int = 2024, fresh: bool = False, progress=lambda line: None
) -> tuple[Sizes, bool]:
    """Build the bench newsroom unless it is already there; returns (sizes, built)."""
    sizes = Sizes.at_scale(scale)
    with transaction.atomic():
        if not fresh and is_generated(sizes):
            return sizes, False
        if fresh or Candidate.objects.filter(slug__startswith=PREFIX).exists():
            progress("Deleting the previous bench newsroom…")
            delete_generated(progress)
        _Generator(sizes, random.Random(seed), progress).run()
        # bulk_create skips save(): the search vocabulary learns the new words here.
        progress("Adding the new words to the search vocabulary…")
        for kind in search.kinds():
            vocabulary.record_all(kind)
    progress("Refreshing the planner's statistics (ANALYZE)…")
    content_apps = ("newsroom", "candidates", "results")
    analyze(*(model for app in content_apps for model in apps.get_app_config(app).get_models()))
    return sizes, True


class _Generator:
    def __init__(self, sizes: Sizes, rng: random.Random, progress: Callable[[str], None]):
        self.sizes = sizes
        self.rng = rng
        self.progress = progress
        # Zipf-like weights: a few words are everywhere, most are rare, as in real text.
        self.word_weights = [1 / (rank + 1) for rank in range(len(WORDS))]

    def run(self) -> None:
        outlets = self.save(Outlet, self.outlets(), "outlets")
        sources = self.save(Source, self.sources(outlets), "sources")
        self.save(Contributor, self.contributors(sources), "contributors")
        parties = self.save(Party, self.parties(), "parties")
        candidates = self.save(Candidate, self.candidates(parties), "candidates")
        quote_ids = self.save_ids(Quote, self.quotes(candidates, outlets), "quotes")
        jurisdictions = self.save(Jurisdiction, self.jurisdictions(), "jurisdictions")
        contests = self.save(Contest, self.contests(jurisdictions, parties), "contests")
        result_ids = self.save_ids(Result, self.results(contests, candidates), "results")
        source_ids = [source.pk for source in sources]
        self.save(
            Citation,
            self.citations(Quote, quote_ids, source_ids, field_name=""),
            "quote citations",
        )
        self.save(
            Citation,
            self.citations(Result, result_ids, source_ids, field_name="votes"),
            "result citations",
        )
        self.save(
            Citation,
            self.citations(
                Candidate, [c.pk for c in candidates], source_ids, field_name="occupation"
            ),
            "candidate citations",
        )
        # bulk_create skips save(): each field citation supports the value it was made for.
        record_supported_values(
            Citation, lambda type_id: ContentType.objects.get_for_id(type_id).model_class()
        )

    # Writing ---------------------------------------------------------------------------

    def save(self, model: type[models.Model], rows: Iterable[models.Model], label: str) -> list:
        """bulk_create in batches, printing progress; returns the saved instances."""
        saved = []
        for batch in itertools.batched(rows, BATCH_SIZE):
            saved.extend(model.objects.bulk_create(batch))
            self.progress(f"  {label}: {len(saved):,}")
        return saved

    def save_ids(self, model, rows, label: str) -> list[int]:
        """Like save(), keeping only the ids, so 200,000 instances are not held at once."""
        ids, count = [], 0
        for batch in itertools.batched(rows, BATCH_SIZE):
            ids.extend(row.pk for row in model.objects.bulk_create(batch))
            count += len(batch)
            self.progress(f"  {label}: {count:,}")
        return ids

    # Text and dates ----------------------------------------------------------------------

    def words(self, low: int, high: int) -> str:
        count = self.rng.randint(low, high)
        return " ".join(self.rng.choices(WORDS, weights=self.word_weights, k=count))

    def sentence(self, low: int, high: int) -> str:
        text = self.words(low, high)
        return f"{text[0].upper()}{text[1:]}."

    def day(self, start: date, span_days: int) -> date:
        return start + timedelta(days=self.rng.randrange(span_days))

    # Rows ------------------------------------------------------------------------------

    def outlets(self) -> Iterator[Outlet]:
        for n in range(self.sizes.outlets):
            yield Outlet(
                name=f"Bench Outlet {n:03d}",
                slug=f"{PREFIX}outlet-{n:03d}",
                kind=Outlet.Kind.NEWS if n % 5 else Outlet.Kind.WIRE,
                homepage_url=f"https://outlet-{n:03d}.bench.example.org/",
                status=Status.PUBLISHED,
            )

    def sources(self, outlets: list[Outlet]) -> Iterator[Source]:
        for n in range(self.sizes.sources):
            yield Source(
                outlet=outlets[n % len(outlets)],
                headline=self.sentence(6, 12)[:-1],
                standfirst=self.sentence(12, 24),
                slug=f"{PREFIX}source-{n:06d}",
                url=f"https://news.bench.example.org/{n:06d}",
                published_on=self.day(date(2023, 1, 1), 730),
                published_on_precision="day",
                accessed_on=date(2025, 1, 15),
                status=Status.PUBLISHED,
            )

    def contributors(self, sources: list[Source]) -> Iterator[Contributor]:
        for source in sources:
            yield Contributor(
                source=source,
                name=f"{self.rng.choice(GIVEN_NAMES)} {self.rng.choice(FAMILY_NAMES)}",
            )

    def parties(self) -> Iterator[Party]:
        for name, adjective, abbreviation in PARTIES:
            yield Party(
                name=name,
                adjective=adjective,
                abbreviation=abbreviation,
                slug=f"{PREFIX}{adjective.lower()}",
            )

    def candidates(self, parties: list[Party]) -> Iterator[Candidate]:
        for n in range(self.sizes.candidates):
            given, family = self.rng.choice(GIVEN_NAMES), self.rng.choice(FAMILY_NAMES)
            yield Candidate(
                full_name=f"{given} {family} {n}",
                given_name=given,
                family_name=family,
                slug=PROFILE_SLUG if n == 0 else f"{PREFIX}candidate-{n:05d}",
                party=parties[n % len(parties)],
                summary=self.sentence(20, 40),
                age=self.rng.randint(35, 80),
                age_as_of=date(2024, 3, 5),
                age_as_of_precision="day",
                hometown=self.rng.choice(TOWNS),
                occupation=self.rng.choice(OCCUPATIONS),
                status=Status.PUBLISHED,
            )

    def quotes(self, candidates: list[Candidate], outlets: list[Outlet]) -> Iterator[Quote]:
        profile_quotes = self.sizes.profile_quotes
        others = candidates[1:]
        venues = [venue for venue in Quote.Venue.values if venue != Quote.Venue.NOT_STATED]
        for n in range(self.sizes.quotes):
            candidate = candidates[0] if n < profile_quotes else others[n % len(others)]
            yield Quote(
                candidate=candidate,
                text=self.sentence(8, 30),
                speaker_name=candidate.full_name,
                venue=self.rng.choice(venues),
                venue_outlet=outlets[n % len(outlets)] if n % 3 == 0 else None,
                said_on=self.day(date(2023, 1, 1), 730),
                said_on_precision="day",
                context=self.sentence(6, 14),
                status=Status.PUBLISHED,
            )

    def jurisdictions(self) -> Iterator[Jurisdiction]:
        for n in range(self.sizes.jurisdictions):
            yield Jurisdiction(
                name=f"Bench State {n:02d}",
                slug=f"{PREFIX}state-{n:02d}",
                kind=Jurisdiction.Kind.STATE,
                ocd_id=f"ocd-division/country:us/state:bench{n:02d}",
                status=Status.PUBLISHED,
            )

    def contests(self, jurisdictions: list[Jurisdiction], parties: list[Party]) -> Iterator:
        kinds = [Contest.Kind.PRIMARY, Contest.Kind.CAUCUS]
        for n in range(self.sizes.contests):
            jurisdiction = jurisdictions[n % len(jurisdictions)]
            party = parties[(n // len(jurisdictions)) % len(parties)]
            year = 2024 - 4 * (n // (len(jurisdictions) * len(parties)) % 40)
            kind = kinds[n % 2]
            held_on = date(year, 1 + n % 6, 1 + n % 28)
            yield Contest(
                jurisdiction=jurisdiction,
                party=party,
                kind=kind,
                name=f"{year} {jurisdiction.name} {party.adjective} {kind.label.lower()} #{n}",
                slug=f"{PREFIX}contest-{n:05d}",
                year=year,
                held_on=held_on,
                held_on_precision="day",
                delegates_at_stake=self.rng.randint(10, 200),
                count_status=Contest.CountStatus.FINAL,
                reporting_percent=Decimal(100),
                reporting_as_of=datetime(year, held_on.month, held_on.day, 23, tzinfo=UTC),
                summary=self.sentence(10, 20),
                status=Status.PUBLISHED,
            )

    def results(self, contests: list[Contest], candidates: list[Candidate]) -> Iterator[Result]:
        for n, contest in enumerate(contests):
            votes = [self.rng.randint(100, 50_000) for _ in range(RESULTS_PER_CONTEST)]
            winner = votes.index(max(votes))
            for k in range(RESULTS_PER_CONTEST):
                yield Result(
                    contest=contest,
                    candidate=candidates[(n * RESULTS_PER_CONTEST + k) % len(candidates)],
                    votes=votes[k],
                    outcome=Result.Outcome.WON if k == winner else Result.Outcome.LOST,
                    position=k,
                )

    def citations(self, model, object_ids: list[int], source_ids: list[int], *, field_name):
        content_type = ContentType.objects.get_for_model(model)
        for object_id in object_ids:
            yield Citation(
                source_id=self.rng.choice(source_ids),
                content_type=content_type,
                object_id=object_id,
                field_name=field_name,
                pinpoint=f"para. {self.rng.randint(1, 12)}",
            )
