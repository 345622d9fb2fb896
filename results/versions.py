"""A contest's version permalink as its page read then: the results table, the race calls,
the facts, the footnotes and the count updates recorded by then, built from the histories
(newsroom.editorial.as_of) and drawn by the contest page's own body
(`results/contest_detail.html#contest_body`).

Declared in results/declarations.py (`versions.register_page`). Bounded: a fixed number of
queries whatever the number of results, calls, facts or citations.
"""

from candidates.models import Candidate, Party
from newsroom.editorial.as_of import attach, fill
from newsroom.editorial.versions import VersionPage
from newsroom.models import Outlet

from .count_history import count_history
from .models import ContestFact, Jurisdiction, RaceCall, Result
from .scoreboard import build_scoreboard


def contest_version(page: VersionPage) -> dict:
    """The contest page's context for this version: the contest, its results (their
    candidates as named then), its calls and facts, every part with the citations it had."""
    state, contest = page.state, page.item
    attach([contest], "jurisdiction", state.by_pk(Jurisdiction, [contest.jurisdiction_id]))
    attach([contest], "party", state.by_pk(Party, [contest.party_id]))

    results = state.rows(Result, contest_id=contest.pk)
    results.sort(key=lambda r: (r.position, r.votes is None, -(r.votes or 0), r.pk))
    # On record then: confirmed calls (a call retracted by then stays, marked retracted).
    calls = [call for call in state.rows(RaceCall, contest_id=contest.pk) if call.confirmed_at]
    calls.sort(key=lambda call: (call.confirmed_at, call.pk))
    named = {result.candidate_id for result in results} | {call.winner_id for call in calls}
    live = Candidate.objects.published()
    candidates = state.by_pk(Candidate, named)
    linkable = set(live.filter(pk__in=named).values_list("pk", flat=True))
    attach(results, "candidate", candidates)
    for result in results:
        result.candidate_is_public = result.candidate_id in linkable
    attach(calls, "winner", candidates)
    attach(calls, "reported_by", state.by_pk(Outlet, {call.reported_by_id for call in calls}))

    published_facts = ContestFact.objects.published()
    facts = state.rows(ContestFact, contest_id=contest.pk, public_now=published_facts)
    facts.sort(key=lambda fact: (fact.position, fact.pk))

    state.cite([contest, *results, *calls, *facts])
    fill(contest, "results", results)
    fill(contest, "facts", facts)
    contest.calls_on_record = calls
    return {
        "contest": contest,
        "scoreboard": build_scoreboard(contest),
        # Count updates are records of their own time (no history): those recorded by then.
        "count_steps": count_history(page.current, recorded_before=state.moment),
    }
