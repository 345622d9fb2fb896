"""Public pages of the newsroom: the sources behind every statement.

Querysets are built per request in `get_queryset()`: `published()` compares with the
current time, so a class-level queryset would freeze it at import.
"""

from django.views.generic import DetailView

from .citing import citing_items
from .editorial.public import StaffPreviewMixin, corrections_of
from .jsonld import graph, news_article
from .models import Source
from .pagination import PublicListView
from .selectors import public_sources


class SourceListView(PublicListView):
    template_name = "newsroom/source_list.html"
    context_object_name = "sources"

    def get_queryset(self):
        return public_sources()


class SourceDetailView(StaffPreviewMixin, DetailView):
    template_name = "newsroom/source_detail.html"
    context_object_name = "source"

    def get_queryset(self):
        return public_sources()

    def get_preview_queryset(self):
        return Source.objects.select_related("outlet").prefetch_related("contributors")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            citing=citing_items(self.object),
            structured_data=graph(news_article(self.object)),
            corrections=corrections_of(self.object),
            **kwargs,
        )
