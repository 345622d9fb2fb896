"""Public lists a page at a time: no list page's queries or size grow with the newsroom.

Every public list view (sources, candidates, contests, corrections) shows
`PUBLIC_LIST_PAGE_SIZE` rows per page, `?page=N`, in its own order with the primary key last,
so that a row never shows on two pages or on none. A page past the last, or a page that is
not a number, is 404, as Django's ListView answers. `templates/includes/pagination.html`
draws the links.
"""

from django.conf import settings
from django.views.generic import ListView


class PublicListView(ListView):
    def get_paginate_by(self, queryset):
        return self.paginate_by or settings.PUBLIC_LIST_PAGE_SIZE

    def paginate_queryset(self, queryset, page_size):
        ordering = list(queryset.query.order_by or queryset.model._meta.ordering)
        if not {str(term).lstrip("-") for term in ordering} & {"pk", "id"}:
            queryset = queryset.order_by(*ordering, "pk")
        return super().paginate_queryset(queryset, page_size)
