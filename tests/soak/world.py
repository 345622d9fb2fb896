"""The soak world, added beside the seed newsroom in a throwaway database.

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
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from results.models import Contest
    from tests.soak.stack import ADMIN_PASSWORD, ADMIN_USERNAME
    from tests.support import factories

    call_command("seed_newsroom", verbosity=0)
    factories.SourceFactory(url=SOURCE_URL, headline="Soak count", slug="soak-count")
    for number in range(contests):
        contest = factories.ContestFactory(
            slug=contest_slug(number),
            name=f"Soak caucus {number:02d}",
            ballots_cast=None,
            delegates_at_stake=None,
            count_status=Contest.CountStatus.COUNTING,
        )
        for position in range(CANDIDATES):
            factories.ResultFactory(
                contest=contest,
                candidate=factories.CandidateFactory(
                    slug=candidate_slug(number, position),
                    full_name=f"Soak Candidate {number:02d}-{position}",
                    family_name=f"Candidate{number:02d}{position}",
                ),
                votes=votes(number, position, 0, OLD_MARKER),
                position=position,
            )
    get_user_model().objects.create_superuser(ADMIN_USERNAME, "", ADMIN_PASSWORD)
