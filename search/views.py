"""The search page: one list of everything public that matches, ranked together, with a
facet per kind (newsroom.search; each app declares its kinds).

`?q=` the query (websearch syntax: "a phrase", -word, or), `?type=` one kind's key,
`?page=` the page. An empty, too long or only-excluding query gets a message saying what
to type; an unknown type is a 400 naming the known ones; a page that is not a number or
past the last is 404, as on every public list.
"""

from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView

from newsroom import search


class SearchView(TemplateView):
    template_name = "search/search.html"

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        status = 400 if context["bad_type"] else 200
        return self.render_to_response(context, status=status)

    def get_context_data(self, **kwargs):
        # Every parameter the page depends on is read on every render, so the page cache
        # keys each of them from the first (ballotdesk.page_cache: ReadParameters).
        text = search.clean(self.request.GET.get("q", ""))
        key = self.request.GET.get("type", "")
        page = self.request.GET.get("page", "1")
        kind = search.kind_named(key) if key else None
        context = {
            "query": text,
            "too_long": len(text) > search.MAX_QUERY_LENGTH,
            "max_length": search.MAX_QUERY_LENGTH,
            "only_excludes": False,
            "no_words": False,
            "bad_type": bool(key) and kind is None,
            "type": key if kind else "",
            "kinds": search.kinds(),
            "results": None,
            "hits": [],
        }
        if text and not context["too_long"] and not context["bad_type"]:
            query = search.parse(text)
            if query.looks_for_something:
                results = self._search(query, kind, page)
                context.update(
                    results=results,
                    hits=results.hits,
                    facets=[
                        (facet, self._address(text, facet.kind.key)) for facet in results.facets
                    ],
                    all_address=self._address(text),
                    previous_page=self._page_address(text, key, results.page - 1, results),
                    next_page=self._page_address(text, key, results.page + 1, results),
                    suggestion_address=results.suggestion and self._address(results.suggestion),
                )
            elif query.terms:
                context["only_excludes"] = True
            else:
                context["no_words"] = True
        return super().get_context_data(**context, **kwargs)

    def _search(self, query, kind, page: str):
        if not page.isdigit() or int(page) < 1:
            raise Http404("No such page of results.")
        try:
            return search.search(query, kind=kind, page=int(page))
        except search.PageOutOfRange:
            raise Http404("No such page of results.") from None

    @staticmethod
    def _address(text, key="", page=1):
        parameters = {"q": text}
        if key:
            parameters["type"] = key
        if page > 1:
            parameters["page"] = page
        return f"{reverse('search')}?{urlencode(parameters)}"

    def _page_address(self, text, key, page, results):
        if 1 <= page <= results.pages:
            return self._address(text, key if results.kind else "", page)
        return ""
