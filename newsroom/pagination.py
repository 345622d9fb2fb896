"""Public lists a page at a time: no list page's queries or size grow with the newsroom.

Every public list view (sources, candidates, contests, corrections) shows
`PUBLIC_LIST_PAGE_SIZE` rows per page, `?page=N`, in its own order with the primary key last,
so that a row never shows on two pages or on none. A page past the last, or a page that is
not a number, is 404, as Django's ListView answers. `templates/includes/pagination.html`
draws the links.

Nor does the count grow with the newsroom: a list counts its rows only as far as
`PUBLIC_LIST_PAGES_COUNTED` pages past the one shown (`BoundedPaginator`), so page 1 of
50,000 sources reads at most a thousand rows, not all of them, and says "Page 1 of more than
21". A list that must show its exact total (a candidate's quotes, "All 200 quotes") sets
`count_all = True`.

Nor does the cost of a deep page: a page nearer the end of its list than the start
(`?page=last` of 50,000 sources) is read in the reverse order from the end, so the database
skips the rows after it rather than the tens of thousands before it (`NearerEndPaginator`).
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.views.generic import ListView

#: More rows than any list holds, and a LIMIT every database takes.
MOST_ROWS = 2**31


class NearerEndPaginator(Paginator):
    """A paginator that reads a page from whichever end of the ordered list is nearer.

    The rows and their order are the same either way: the page is read with the list's
    order reversed (`QuerySet.reverse()` flips each term and its NULLS placement) and
    turned back in Python."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        from_end = self.count - top
        if (
            from_end >= bottom
            or not self.count_is_exact
            # A list, or a queryset without an order, has no reverse to read.
            or not getattr(self.object_list, "ordered", False)
        ):
            return self._get_page(self.object_list[bottom:top], number, self)
        rows = list(self.object_list.reverse()[from_end : self.count - bottom])
        return self._get_page(rows[::-1], number, self)

    @property
    def count_is_exact(self) -> bool:
        return True


class BoundedPaginator(NearerEndPaginator):
    """A paginator that counts the rows up to `pages_counted` pages past page `number`.

    When there are more, `more_than` is the last page counted (and `num_pages` one more,
    so the page shown has a next page); otherwise `more_than` is None and the count is
    exact."""

    def __init__(self, object_list, per_page, *, number: int, pages_counted: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        # However large the page number asked for, the bound stays a number the database
        # takes (a page past the rows is 404 all the same).
        self.counted_rows = min((max(number, 1) + pages_counted) * self.per_page, MOST_ROWS)

    @cached_property
    def count(self):
        # COUNT(*) over a LIMIT subquery, without the list's order or annotations: the
        # scan stops at the bound.
        rows = self.object_list.order_by().values("pk")
        return rows[: self.counted_rows + 1].count()

    @property
    def more_than(self) -> int | None:
        if self.count <= self.counted_rows:
            return None
        return self.counted_rows // self.per_page

    @property
    def count_is_exact(self) -> bool:
        # Past the bound the count is not the list's end: read from the start.
        return self.more_than is None


class PublicListView(ListView):
    #: Count every row (for a list whose page states its exact total).
    count_all = False

    def get_paginate_by(self, queryset):
        return self.paginate_by or settings.PUBLIC_LIST_PAGE_SIZE

    def paginate_queryset(self, queryset, page_size):
        ordering = list(queryset.query.order_by or queryset.model._meta.ordering)
        if not {str(term).lstrip("-") for term in ordering} & {"pk", "id"}:
            queryset = queryset.order_by(*ordering, "pk")
        return super().paginate_queryset(queryset, page_size)

    def get_paginator(self, queryset, per_page, **kwargs):
        page = self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg) or 1
        if self.count_all or page == "last":
            return NearerEndPaginator(queryset, per_page, **kwargs)
        try:
            number = int(page)
        except ValueError:
            number = 1  # ListView answers 404
        return BoundedPaginator(
            queryset,
            per_page,
            number=number,
            pages_counted=settings.PUBLIC_LIST_PAGES_COUNTED,
            **kwargs,
        )
