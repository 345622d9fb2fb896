"""The search page."""

from django.views.generic import TemplateView

from candidates.search import search_candidates, search_facts, search_quotes
from newsroom.search import MAX_QUERY_LENGTH, search_sources
from results.search import search_contests

SECTIONS = [
    ("Candidates", search_candidates),
    ("Quotes", search_quotes),
    ("Facts", search_facts),
    ("Contests", search_contests),
    ("Sources", search_sources),
]
HITS_PER_SECTION = 20


class SearchView(TemplateView):
    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        # NUL cannot travel to PostgreSQL; nobody types it on purpose.
        query = self.request.GET.get("q", "").replace("\x00", "").strip()
        too_long = len(query) > MAX_QUERY_LENGTH
        sections = []
        if query and not too_long:
            sections = [
                (label, finder(query, limit=HITS_PER_SECTION)) for label, finder in SECTIONS
            ]
        return super().get_context_data(
            query=query,
            too_long=too_long,
            max_length=MAX_QUERY_LENGTH,
            sections=[(label, hits) for label, hits in sections if hits],
            searched=bool(sections),
            **kwargs,
        )
