"""The soak world, added beside the seed newsroom in the stack's throwaway database.

`build()` runs in `manage.py shell` with the stack's environment: it loads the seed
newsroom (`seed_newsroom`), then adds `contests` published contests of CANDIDATES
candidates each, whose vote counts all end in the digit OLD_MARKER (the "old batch"), a
source the imports cite, and a superuser for the desk. Every later import writes counts
ending in another digit, so a page shows which batch it was rendered from.
"""

CONTESTS = 40
CANDIDATES = 5
OLD_MARKER = 1
SOURCE_URL = "https://soak.example.org/results-desk/count"


def contest_slug(number: int) -> str:
    return f"soak-contest-{number:02d}"


def candidate_slug(contest: int, position: int) -> str:
    return f"soak-candidate-{contest:02d}-{position}"


def votes(contest: int, position: int, round_number: int, marker: int) -> int:
    """A count ending in `marker`, different in every round."""
    return 10 * (100 + 37 * contest + 11 * position + round_number) + marker


def build(contests: int = CONTESTS) -> None:
    import datetime

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from bench.soak.stack import ADMIN_PASSWORD, ADMIN_USERNAME
    from candidates.models import Candidate, Party
    from newsroom.editorial.publishing import Status
    from newsroom.models import Outlet, Source
    from results.models import Contest, Jurisdiction, Result

    call_command("seed_newsroom", verbosity=0)
    published = {"status": Status.PUBLISHED}
    party, _ = Party.objects.get_or_create(
        slug="democratic", defaults={"name": "Democratic Party", "adjective": "Democratic"}
    )
    Source.objects.create(
        outlet=Outlet.objects.create(name="Soak Wire", slug="soak-wire", **published),
        headline="Soak count",
        slug="soak-count",
        url=SOURCE_URL,
        published_on=datetime.date(2024, 3, 6),
        published_on_precision="day",
        **published,
    )
    for number in range(contests):
        contest = Contest.objects.create(
            jurisdiction=Jurisdiction.objects.create(
                name=f"Soak territory {number:02d}",
                slug=f"soak-territory-{number:02d}",
                kind=Jurisdiction.Kind.TERRITORY,
                ocd_id=f"ocd-division/country:us/territory:soak{number:02d}",
                **published,
            ),
            party=party,
            kind=Contest.Kind.CAUCUS,
            slug=contest_slug(number),
            name=f"Soak caucus {number:02d}",
            year=2024,
            held_on=datetime.date(2024, 3, 5),
            held_on_precision="day",
            count_status=Contest.CountStatus.COUNTING,
            **published,
        )
        for position in range(CANDIDATES):
            Result.objects.create(
                contest=contest,
                candidate=Candidate.objects.create(
                    slug=candidate_slug(number, position),
                    full_name=f"Soak Candidate {number:02d}-{position}",
                    family_name=f"Candidate{number:02d}{position}",
                    party=party,
                    **published,
                ),
                votes=votes(number, position, 0, OLD_MARKER),
                position=position,
            )
    get_user_model().objects.create_superuser(ADMIN_USERNAME, "", ADMIN_PASSWORD)
