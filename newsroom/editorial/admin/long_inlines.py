"""Long inlines: an item's rows of one kind, past a limit, are edited in their own list.

An inline whose class sets `row_limit` (say 20) is shown on the item's change form only
while the item has at most that many rows of it. Past the limit the form shows, in its
place, how many there are with a link to the kind's changelist filtered to the item
(`?<fk>__id__exact=<pk>`) and one to add a row with the item filled in: a form with 200
quotes stays a form, in the same number of queries as one with five.

Which inlines a request has is decided once, on what the editor's page showed: when the
page is shown (GET), by one query per inline that reads the first `row_limit + 1` rows and
how many there are in all (a window count); those rows are the formset's rows when they
are few enough, so showing the inline costs no further query. When the form is saved
(POST), an inline is part of it if and only if the page sent its formset (its management
form), so a row added or deleted meanwhile never turns a save into a "management form
missing" error, and the rows of a hidden inline are left as they are.
"""

from dataclasses import dataclass

from django.db.models import Count, Window
from django.forms.models import _get_foreign_key
from django.urls import NoReverseMatch, reverse

#: The rows of one kind an item's change form shows inline, at most (`row_limit`).
INLINE_ROW_LIMIT = 20


@dataclass(frozen=True)
class ListedElsewhere:
    """A kind of row the change form does not show inline, and where to edit it."""

    count: int
    label: str
    #: The changelist filtered to the item, or "" when the user may not see it.
    list_url: str
    #: The add page with the item filled in, or "" when the user may not add.
    add_url: str
    add_label: str


class LongInlines:
    """The admin's part: which inlines the change form shows, and the links in place of
    the others."""

    def __init__(self, model_admin):
        self.model_admin = model_admin

    def select(self, request, obj, inlines: list) -> list:
        """The inlines of this request: those with `row_limit` drop out when long."""
        kept, listed = [], []
        for inline in inlines:
            limit = getattr(inline, "row_limit", None)
            if limit is None or obj is None or obj.pk is None:
                kept.append(inline)
                continue
            fk = _get_foreign_key(self.model_admin.model, inline.model, inline.fk_name)
            rows = inline.get_queryset(request).filter(**{fk.name: obj})
            if not rows.totally_ordered:
                # As the formset orders its rows (BaseModelFormSet.get_queryset).
                rows = rows.order_by(*(rows.query.order_by or inline.model._meta.ordering), "pk")
            if request.method == "POST":
                if f"{_prefix(fk)}-TOTAL_FORMS" in request.POST:
                    kept.append(inline)
                else:
                    listed.append(self._listed(request, inline, fk, obj, rows.count()))
                continue
            first = list(rows.annotate(rows_in_all=Window(Count("pk")))[: limit + 1])
            total = first[0].rows_in_all if first else 0
            if total > limit:
                listed.append(self._listed(request, inline, fk, obj, total))
            else:
                rows._result_cache, rows._prefetch_done = first, True
                inline.known_rows = rows
                kept.append(inline)
        request.listed_elsewhere = listed
        return kept

    @staticmethod
    def formset_kwargs(inline) -> dict:
        """The rows `select()` already read, for the inline's formset."""
        rows = getattr(inline, "known_rows", None)
        return {} if rows is None else {"known_rows": rows}

    @staticmethod
    def context(request) -> dict:
        return {"listed_elsewhere": getattr(request, "listed_elsewhere", [])}

    def _listed(self, request, inline, fk, obj, count: int) -> ListedElsewhere:
        opts = inline.model._meta
        row_admin = self.model_admin.admin_site._registry.get(inline.model)
        noun = opts.verbose_name if count == 1 else opts.verbose_name_plural
        list_url = add_url = ""
        if row_admin is not None:
            if row_admin.has_view_or_change_permission(request):
                list_url = self._url(opts, "changelist", f"{fk.name}__id__exact={obj.pk}")
            if row_admin.has_add_permission(request):
                add_url = self._url(opts, "add", f"{fk.name}={obj.pk}")
        return ListedElsewhere(
            count=count,
            label=f"{count} {noun}",
            list_url=list_url,
            add_url=add_url,
            add_label=f"Add {'an' if opts.verbose_name[:1] in 'aeiou' else 'a'} "
            f"{opts.verbose_name}",
        )

    def _url(self, opts, page: str, query: str) -> str:
        site = self.model_admin.admin_site.name
        try:
            address = reverse(f"{site}:{opts.app_label}_{opts.model_name}_{page}")
        except NoReverseMatch:
            return ""
        return f"{address}?{query}"


def _prefix(fk) -> str:
    """The inline formset's prefix, as BaseInlineFormSet.get_default_prefix() gives it."""
    return fk.remote_field.get_accessor_name(model=fk.model).replace("+", "")
