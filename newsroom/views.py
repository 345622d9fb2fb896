"""Public pages of the newsroom: sources."""

from django.views.generic import DetailView, ListView

from .models import Source


class SourceListView(ListView):
    queryset = Source.objects.published().select_related("outlet")
    template_name = "newsroom/source_list.html"
    context_object_name = "sources"


class SourceDetailView(DetailView):
    queryset = Source.objects.published().select_related("outlet")
    template_name = "newsroom/source_detail.html"
    context_object_name = "source"
