"""Public pages of results: contests and jurisdictions.

Querysets are built per request in `get_queryset()`: `published()` compares with the
current time, so a class-level queryset would freeze it at import.
"""

from itertools import groupby

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from newsroom.editorial.public import StaffPreviewMixin, corrections_of
from newsroom.models import identifiers_of
from newsroom.pagination import PublicListView

from .count_history import count_history
from .embed import live_count, oembed_url
from .jsonld import event, place
from .models import Jurisdiction
from .scoreboard import build_scoreboard, summarise
from .selectors import (
    contest_page_queryset,
    contests_with_results,
    jurisdiction_contests,
    public_contests,
    public_jurisdictions,
)


class ContestListView(PublicListView):
    template_name = "results/contest_list.html"

    def get_queryset(self):
        return contests_with_results(public_contests())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Leaders and winners of this page's contests only.
        context["contests"] = summarise(context["page_obj"].object_list)
        return context


class ContestDetailView(StaffPreviewMixin, DetailView):
    template_name = "results/contest_detail.html"
    context_object_name = "contest"

    def get_queryset(self):
        return contest_page_queryset()

    def get_preview_queryset(self):
        return contest_page_queryset(preview=True)

    def get_context_data(self, **kwargs):
        contest = self.object
        scoreboard = build_scoreboard(contest)
        identifiers = identifiers_of(contest)
        return super().get_context_data(
            scoreboard=scoreboard,
            count_steps=count_history(contest),
            identifiers=identifiers,
            structured_data=event(contest, scoreboard.notes.sources, identifiers),
            corrections=corrections_of(contest, contest.results.all(), contest.facts.all()),
            live=live_count(contest, contest.results.all()),
            oembed_url=oembed_url(self.request, contest),
            **kwargs,
        )


class JurisdictionDetailView(StaffPreviewMixin, DetailView):
    template_name = "results/jurisdiction_detail.html"
    context_object_name = "jurisdiction"

    def get_queryset(self):
        return public_jurisdictions()

    def get_preview_queryset(self):
        return Jurisdiction.objects.all()

    def get_context_data(self, **kwargs):
        # The latest contests only (one more tells whether there are others): a place's
        # page does not grow with the years.
        shown = settings.PLACE_LATEST_CONTESTS
        contests = jurisdiction_contests(self.object, preview=self.preview is not None)
        latest = summarise(contests[: shown + 1])
        more = len(latest) > shown
        identifiers = identifiers_of(self.object)
        return super().get_context_data(
            identifiers=identifiers,
            structured_data=place(self.object, identifiers),
            years=by_year(latest[:shown]),
            contest_total=contests.count() if more else len(latest),
            more_contests=more,
            corrections=corrections_of(self.object),
            **kwargs,
        )


class JurisdictionContestsView(PublicListView):
    """Every public contest of a place, newest first, a page at a time."""

    template_name = "results/jurisdiction_contests.html"

    def get_queryset(self):
        self.jurisdiction = get_object_or_404(public_jurisdictions(), slug=self.kwargs["slug"])
        return jurisdiction_contests(self.jurisdiction)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["jurisdiction"] = self.jurisdiction
        context["years"] = by_year(summarise(context["page_obj"].object_list))
        return context


def by_year(contests) -> list[tuple[int, list]]:
    return [(year, list(group)) for year, group in groupby(contests, lambda c: c.year)]
