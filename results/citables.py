"""Registers contest results and contest pages with the citation desk (newsroom.citations).

A result is cited as the sources of its figures, with a note of the figures; a contest page
as a page of this site, with the sources of everything on it.
"""

from newsroom.citations import registry
from newsroom.citations.registry import published_sources_citing

from .models import Contest, Result


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


registry.register(
    "result",
    label="Result",
    model=Result,
    published=lambda: Result.objects.published().select_related("candidate", "contest"),
    sources=published_sources_citing,
    note=result_note,
)
registry.register(
    "contest",
    label="Contest",
    model=Contest,
    published=lambda: Contest.objects.published(),
    sources=contest_sources,
    page_title=lambda contest: contest.name,
)
