"""Public pages of candidates: profiles, quotes and facts."""

from django.views.generic import DetailView, ListView

from .models import Candidate, Fact, Quote


class CandidateListView(ListView):
    queryset = Candidate.objects.published().select_related("party")
    template_name = "candidates/candidate_list.html"
    context_object_name = "candidates"


class CandidateDetailView(DetailView):
    queryset = Candidate.objects.published().select_related("party")
    template_name = "candidates/candidate_detail.html"
    context_object_name = "candidate"


class QuoteDetailView(DetailView):
    queryset = Quote.objects.published().select_related("candidate", "venue_outlet")
    template_name = "candidates/quote_detail.html"
    context_object_name = "quote"


class FactDetailView(DetailView):
    queryset = Fact.objects.published().select_related("candidate")
    template_name = "candidates/fact_detail.html"
    context_object_name = "fact"
