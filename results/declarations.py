"""What results contributes to the shared features, in one place: its citable kinds (for the
citation desk, source pages and corrections), the contest history section of candidate
profiles, how a contest's version permalink reads like its page, its kinds of the search
page, the provenance report's filter by contest, and
what each role may do with its models.
Editorial policy is declared on the models.

A result is cited as the sources of its figures, with a note of the figures; a contest page
as a page of this site, with the sources of everything on it.
"""

from candidates.models import Candidate
from candidates.profile import register_section as register_profile_section
from newsroom.citations import registry
from newsroom.citations.registry import published_sources_citing
from newsroom.editorial.roles import (
    ALL,
    DRAFTING,
    EDITING,
    EDITOR,
    REPORTER,
    RESULTS_CLERK,
    VIEW,
    grant,
)
from newsroom.editorial.versions import register_page as register_version_page
from newsroom.editorial.versions import register_part as register_version_part
from newsroom.provenance_report import register_filter
from newsroom.search import register_kind

from .history import contest_history, contest_history_as_of
from .models import (
    Contest,
    ContestFact,
    ImportBatch,
    Jurisdiction,
    RaceCall,
    Result,
    Snapshot,
    SnapshotEntry,
)
from .search import CONTEST_FACTS, CONTESTS, PLACES
from .selectors import public_contests, public_jurisdictions, public_race_calls
from .versions import contest_version


def result_note(result: Result) -> str:
    figures = [
        f"{result.votes:,} votes" if result.votes is not None else "",
        f"{result.reported_share}% reported share" if result.reported_share is not None else "",
        f"{result.delegates_won} delegates" if result.delegates_won is not None else "",
        result.get_outcome_display().lower() if result.outcome else "",
    ]
    known = ", ".join(figure for figure in figures if figure) or "figures not reported"
    return f"{result.candidate} in the {result.contest}: {known}"


def contest_sources(contest: Contest):
    return published_sources_citing(
        contest,
        contest.results.all(),
        contest.facts.published(),
        contest.race_calls.published(),
    )


def _contest_url(item) -> str:
    return item.contest.get_absolute_url()


# Citation ---------------------------------------------------------------------------------

registry.register(Jurisdiction, label="Place", published=public_jurisdictions)
registry.register(
    Contest,
    label="Contest",
    published=public_contests,
    kind="contest",
    sources=contest_sources,
    page_title=lambda contest: contest.name,
)
registry.register(
    Result,
    label="Result",
    published=lambda: Result.objects.published().select_related("contest", "candidate"),
    url=_contest_url,
    kind="result",
    sources=published_sources_citing,
    note=result_note,
)
registry.register(
    ContestFact,
    label="Contest fact",
    published=lambda: ContestFact.objects.published().select_related("contest"),
    describe=lambda item: f"{item.contest}: {item}",
    url=_contest_url,
)
registry.register(
    RaceCall,
    label="Race call",
    published=lambda: public_race_calls().select_related("contest"),
    url=_contest_url,
)

# Pages of other apps ----------------------------------------------------------------------

register_profile_section("contest_history", contest_history, as_of=contest_history_as_of)
# A result changed outside the contest form opens a version of its candidate's profile too.
register_version_part(Result, owner=Candidate, field_name="candidate")

# The provenance report ---------------------------------------------------------------------

register_filter("contest", Contest)

# Version permalinks -----------------------------------------------------------------------

register_version_page(
    Contest,
    "results/contest_version.html",
    contest_version,
    parts={Result: "contest", RaceCall: "contest", ContestFact: "contest"},
)

# Search -----------------------------------------------------------------------------------

for kind in (CONTESTS, CONTEST_FACTS, PLACES):
    register_kind(kind)

# Roles ------------------------------------------------------------------------------------

#: The results desk's records.
RESULTS_DESK = (Contest, Result, RaceCall, Snapshot, SnapshotEntry)
CONFIRM_RACE_CALLS = "results.confirm_racecall"

grant(
    EDITOR,
    {
        Jurisdiction: ALL,
        ContestFact: ALL,
        **dict.fromkeys(RESULTS_DESK, ALL),
        ImportBatch: ("view", "add"),
    },
    permissions=[CONFIRM_RACE_CALLS],
)
grant(
    REPORTER,
    {
        Jurisdiction: DRAFTING,
        ContestFact: DRAFTING,
        **dict.fromkeys(RESULTS_DESK, VIEW),
        ImportBatch: VIEW,
    },
)
grant(
    RESULTS_CLERK,
    {
        Contest: EDITING,
        Result: ALL,
        RaceCall: EDITING,
        Snapshot: ALL,
        SnapshotEntry: ALL,
        ImportBatch: ("view", "add"),
        # What the contest, result, race call and snapshot pages pick from.
        Jurisdiction: VIEW,
        ContestFact: VIEW,
    },
)
