"""Public pages of results: contests and jurisdictions."""

from django.views.generic import DetailView, ListView

from .models import Contest, Jurisdiction


class ContestListView(ListView):
    queryset = Contest.objects.published().select_related("jurisdiction", "party")
    template_name = "results/contest_list.html"
    context_object_name = "contests"


class ContestDetailView(DetailView):
    queryset = Contest.objects.published().select_related("jurisdiction", "party")
    template_name = "results/contest_detail.html"
    context_object_name = "contest"


class JurisdictionDetailView(DetailView):
    queryset = Jurisdiction.objects.published()
    template_name = "results/jurisdiction_detail.html"
    context_object_name = "jurisdiction"
