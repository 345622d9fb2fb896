"""The search page: the sections every app declares (newsroom.search.register_section)."""

from django.views.generic import TemplateView

from newsroom.search import MAX_QUERY_LENGTH, sections

HITS_PER_SECTION = 20


class SearchView(TemplateView):
    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        # NUL cannot travel to PostgreSQL; nobody types it on purpose.
        query = self.request.GET.get("q", "").replace("\x00", "").strip()
        too_long = len(query) > MAX_QUERY_LENGTH
        found = []
        if query and not too_long:
            found = [
                (section.label, section.finder(query, limit=HITS_PER_SECTION))
                for section in sections()
            ]
        return super().get_context_data(
            query=query,
            too_long=too_long,
            max_length=MAX_QUERY_LENGTH,
            sections=[(label, hits) for label, hits in found if hits],
            searched=bool(found),
            **kwargs,
        )
