"""Public pages of candidates: the index, profiles, quotes and facts.

Querysets are built per request in `get_queryset()`: `published()` compares with the
current time, so a class-level queryset would freeze it at import.
"""

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from newsroom.editorial.public import StaffPreviewMixin, corrections_of
from newsroom.footnotes import SourceNotes, item_notes
from newsroom.models import identifiers_of
from newsroom.pagination import PublicListView

from .jsonld import claim, person, quotation
from .models import Candidate
from .profile import PARTS, build_profile
from .selectors import (
    fact_page_queryset,
    latest_parts,
    part_page_queryset,
    profile_queryset,
    public_candidates,
    quote_page_queryset,
    with_quote_counts,
)


class CandidateListView(PublicListView):
    template_name = "candidates/candidate_list.html"
    context_object_name = "candidates"

    def get_queryset(self):
        return public_candidates()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Counted for the page's rows only: a deep page does not count every candidate's.
        context["candidates"] = context["object_list"] = with_quote_counts(context["object_list"])
        return context


class CandidateDetailView(StaffPreviewMixin, DetailView):
    template_name = "candidates/candidate_detail.html"
    context_object_name = "candidate"

    def get_queryset(self):
        return profile_queryset()

    def get_preview_queryset(self):
        return profile_queryset(preview=True)

    def get_context_data(self, **kwargs):
        candidate = self.object
        preview = self.preview is not None
        latest = latest_parts(candidate, preview=preview)
        profile = build_profile(candidate, latest)
        identifiers = identifiers_of(candidate)
        return super().get_context_data(
            profile=profile,
            identifiers=identifiers,
            structured_data=person(candidate, profile.notes.sources, identifiers),
            corrections=corrections_of(candidate, profile.shown_items()),
            **kwargs,
        )


class _CandidateOfPage:
    """The candidate a part's pages belong to, by the slug of the address: a public one
    (`StaffPreviewMixin` lets staff see any)."""

    def get_object(self, queryset=None):
        rows = public_candidates() if queryset is None else queryset
        return get_object_or_404(rows, slug=self.kwargs["slug"])


class CandidatePartListView(StaffPreviewMixin, _CandidateOfPage, PublicListView):
    """All public rows of one part of a profile (`part`: quotes, facts, career, platform),
    a page at a time, each page with its own numbered source notes and corrections."""

    part = ""
    # Its pages state how many rows there are ("200 quotes by …").
    count_all = True
    template_name = "candidates/candidate_part_list.html"
    context_object_name = "items"

    def get_preview_queryset(self):
        return Candidate.objects.select_related("party")

    def get(self, request, *args, **kwargs):
        self.candidate = self.get_object()
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return part_page_queryset(self.part, self.candidate, preview=self.preview is not None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        notes = SourceNotes()
        items = context["object_list"]
        for item in items:
            item.notes = notes.cite(item.citations.all())
        notes.load_bylines()
        part, page = PARTS[self.part], context["page_obj"]
        total = part.count(context["paginator"].count)
        title = f"{part.heading} · {self.candidate.full_name}"
        context.update(
            title=title if page.number == 1 else f"{title} · page {page.number}",
            description=f"{total} {part.of} {self.candidate.full_name}, with their sources.",
            candidate=self.candidate,
            part=part,
            total=total,
            sources=notes.sources,
            # Those of this page's rows; the candidate's own are on the profile.
            corrections=[shown for shown in corrections_of(self.candidate, items) if shown.subject],
        )
        return context


class QuoteDetailView(StaffPreviewMixin, DetailView):
    template_name = "candidates/quote_detail.html"
    context_object_name = "quote"

    def get_queryset(self):
        return quote_page_queryset()

    def get_preview_queryset(self):
        return quote_page_queryset(preview=True)

    def get_context_data(self, **kwargs):
        notes = item_notes(self.object)
        return super().get_context_data(
            sources=notes.sources,
            structured_data=quotation(self.object, notes.sources),
            corrections=corrections_of(self.object),
            **kwargs,
        )


class FactDetailView(StaffPreviewMixin, DetailView):
    template_name = "candidates/fact_detail.html"
    context_object_name = "fact"

    def get_queryset(self):
        return fact_page_queryset()

    def get_preview_queryset(self):
        return fact_page_queryset(preview=True)

    def get_context_data(self, **kwargs):
        notes = item_notes(self.object)
        return super().get_context_data(
            sources=notes.sources,
            structured_data=claim(self.object, notes.sources),
            corrections=corrections_of(self.object),
            **kwargs,
        )
