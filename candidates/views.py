"""Public pages of candidates: the index, profiles, quotes and facts.

Querysets are built per request in `get_queryset()`: `published()` compares with the
current time, so a class-level queryset would freeze it at import.
"""

from django.views.generic import DetailView

from newsroom.editorial.public import StaffPreviewMixin, corrections_of
from newsroom.footnotes import item_notes
from newsroom.pagination import PublicListView

from .jsonld import claim, person, quotation
from .profile import build_profile
from .selectors import candidate_index, fact_page_queryset, profile_queryset, quote_page_queryset


class CandidateListView(PublicListView):
    template_name = "candidates/candidate_list.html"
    context_object_name = "candidates"

    def get_queryset(self):
        return candidate_index()


class CandidateDetailView(StaffPreviewMixin, DetailView):
    template_name = "candidates/candidate_detail.html"
    context_object_name = "candidate"

    def get_queryset(self):
        return profile_queryset()

    def get_preview_queryset(self):
        return profile_queryset(preview=True)

    def get_context_data(self, **kwargs):
        candidate = self.object
        profile = build_profile(candidate)
        return super().get_context_data(
            profile=profile,
            structured_data=person(candidate, profile.notes.sources),
            corrections=corrections_of(
                candidate,
                candidate.quotes.all(),
                candidate.facts.all(),
                candidate.career.all(),
                candidate.platform.all(),
            ),
            **kwargs,
        )


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
