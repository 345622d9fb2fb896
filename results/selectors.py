"""Public reads of contests, results and jurisdictions, each in a fixed number of queries."""

from django.db.models import Exists, F, OuterRef, Prefetch

from candidates.models import Candidate
from newsroom.selectors import prefetch_citations

from .models import Contest, ContestFact, Jurisdiction, RaceCall, Result


def public_contests():
    return Contest.objects.published().select_related("jurisdiction", "party")


def public_jurisdictions():
    return Jurisdiction.objects.published()


def results_with_candidates():
    """Results in display order, each knowing whether its candidate may be linked."""
    return (
        Result.objects.select_related("candidate")
        .annotate(
            candidate_is_public=Exists(
                Candidate.objects.published().filter(pk=OuterRef("candidate"))
            )
        )
        .order_by("position", F("votes").desc(nulls_last=True), "pk")
    )


def public_race_calls():
    return RaceCall.objects.published().select_related("winner", "reported_by")


def contests_with_results(queryset):
    """Contests with their results and confirmed race calls, for summaries and leaders."""
    return queryset.prefetch_related(
        Prefetch("results", queryset=results_with_candidates()),
        Prefetch("race_calls", queryset=public_race_calls(), to_attr="public_race_calls"),
    )


def latest_contests(limit: int):
    ordered = public_contests().order_by(
        "-year", F("held_on").desc(nulls_last=True), "jurisdiction__name", "party__name"
    )
    return contests_with_results(ordered)[:limit]


def contest_page_queryset():
    """Contests with everything their page shows, and the public citations of each part."""
    return public_contests().prefetch_related(
        prefetch_citations(),
        Prefetch(
            "results", queryset=results_with_candidates().prefetch_related(prefetch_citations())
        ),
        Prefetch(
            "facts", queryset=ContestFact.objects.published().prefetch_related(prefetch_citations())
        ),
        Prefetch(
            "race_calls",
            queryset=public_race_calls().prefetch_related(prefetch_citations()),
            to_attr="public_race_calls",
        ),
    )


def jurisdiction_contests(jurisdiction: Jurisdiction):
    ordered = public_contests().filter(jurisdiction=jurisdiction).order_by("year", "party__name")
    return contests_with_results(ordered)


def candidate_results(candidate: Candidate):
    """A candidate's results in public contests, newest first, with each contest's results."""
    return (
        Result.objects.published()
        .filter(candidate=candidate)
        .select_related("contest__jurisdiction", "contest__party")
        .prefetch_related(prefetch_citations(), "contest__results")
        .order_by("-contest__year", F("contest__held_on").desc(nulls_last=True), "pk")
    )
