"""The provenance report page of the admin (/admin/provenance/): the report of
newsroom.provenance_report, filtered by the apps' declared filters (a candidate, a contest)
and by kind of problem, with counts, a page of problems at a time. Editors only (the
publish permission): the report is what stands between an item and publishing it, and
overrides are the editors' to write.
"""

from django.contrib import admin
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse

from . import provenance_report
from .editorial.workflow import can_publish
from .models import Citation

PAGE_SIZE = 50
#: Records offered in each filter's list; any other is reachable by its id in the address.
FILTER_CHOICES = 500


def provenance_report_view(request):
    """The view, served by the admin site (see ballotdesk/urls.py)."""
    if not can_publish(request.user):
        raise PermissionDenied("The provenance report is for editors.")
    filters, chosen = {}, {}
    for key, model in provenance_report.FILTERS.items():
        value = request.GET.get(key, "")
        if not value:
            continue
        if not value.isdigit() or not model._default_manager.filter(pk=value).exists():
            return HttpResponseBadRequest(
                f"No {model._meta.verbose_name} with the id “{value}”.".encode()
            )
        filters[key] = int(value)
        chosen[key] = model._default_manager.get(pk=value)
    kind = request.GET.get("kind", "")
    if kind and kind not in provenance_report.KINDS:
        return HttpResponseBadRequest(f"No kind of problem “{kind}”.".encode())

    if filters:
        # One candidate's or contest's items: a bounded pass, always run afresh.
        report, checked_at = provenance_report.build(filters=filters), None
    elif provenance_report.checked_on_request():
        # Small enough to check while the page waits: always as the newsroom is now.
        report, checked_at = provenance_report.build(), None
        provenance_report.remember(report)
    else:
        kept = cache.get(provenance_report.TOTALS_KEY)
        if kept is None:
            return TemplateResponse(
                request,
                "admin/editorial/provenance_pending.html",
                {**admin.site.each_context(request), "title": "Provenance report"},
            )
        report, checked_at = kept["report"], kept["at"]
    problems = [p for p in report.problems if not kind or p.kind == kind]
    page = Paginator(problems, PAGE_SIZE).get_page(request.GET.get("page"))
    items = provenance_report.describe(page.object_list)
    rows = [
        {
            "problem": problem,
            "item": items.get((problem.model, problem.object_id)),
            "type": problem.model._meta.verbose_name,
            "url": _change_url(problem.model, problem.object_id),
            "citation_url": _change_url(Citation, problem.citation_id),
        }
        for problem in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        **admin.site.each_context(request),
        "title": "Provenance report",
        "report": report,
        "checked_at": checked_at,
        "counts": report.counts,
        "kinds": provenance_report.KINDS,
        "kind": kind,
        "filters": [
            {
                "key": key,
                "label": model._meta.verbose_name,
                "choices": list(model._default_manager.all()[:FILTER_CHOICES]),
                "chosen": chosen.get(key),
            }
            for key, model in provenance_report.FILTERS.items()
        ],
        "page": page,
        "rows": rows,
        "query": query.urlencode(),
    }
    return TemplateResponse(request, "admin/editorial/provenance.html", context)


def _change_url(model, object_id) -> str:
    if object_id is None:
        return ""
    opts = model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[object_id])
    except NoReverseMatch:
        return ""
