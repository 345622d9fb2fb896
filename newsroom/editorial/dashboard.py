"""The editors' dashboard in the admin: what awaits review, what was published lately,
what is scheduled, the open editorial comments on items the user may view, and for editors
the totals of the provenance report (newsroom.provenance_report) with a link to it.

Reads every publishable model registered in the admin that the user may view. The number
of queries depends on the number of such models, never on the number of items: each
section reads at most `LIMIT` rows per model, through the model admin's own queryset with
its `list_select_related`, and the last workflow step of every row shown is read in one
query. The provenance totals are those of the latest full report kept, or the report's one
pass when none is kept and the newsroom is small enough to check on request (see
newsroom.provenance_report); a larger one says when `manage.py provenance_report` last ran.
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from .. import provenance_report
from . import comments
from .publishing import Publishable, published_q
from .records import WorkflowEvent
from .workflow import can_publish

LIMIT = 25
RECENT_LIMIT = 15


def dashboard(request):
    """The view, served by the admin site (see ballotdesk/urls.py)."""
    site = admin.site
    now = timezone.now()
    sections = {"awaiting_review": [], "scheduled": [], "recently_published": []}
    for model, model_admin in _publishable_admins(site, request):
        rows = model_admin.get_queryset(request)
        if related := _related(model_admin):
            rows = rows.select_related(*related)
        sections["awaiting_review"] += _rows(
            model, rows.awaiting_review().order_by("-updated_at")[:LIMIT]
        )
        sections["scheduled"] += _rows(model, rows.scheduled().order_by("publish_at")[:LIMIT])
        sections["recently_published"] += _rows(
            model, rows.filter(published_q()).order_by("-updated_at")[:RECENT_LIMIT]
        )
    sections["awaiting_review"].sort(key=lambda row: row["item"].updated_at, reverse=True)
    sections["scheduled"].sort(key=lambda row: row["item"].publish_at)
    sections["recently_published"].sort(key=lambda row: row["item"].updated_at, reverse=True)
    sections["recently_published"] = sections["recently_published"][:RECENT_LIMIT]
    _attach_last_steps([row for rows in sections.values() for row in rows])

    open_comments = comments.visible_to(request.user).filter(resolved_at__isnull=True)
    newest = open_comments.select_related("author", "content_type").order_by("-created_at", "-pk")
    shown_comments = list(newest[:LIMIT])
    for comment in shown_comments:
        comment.item_url = _change_url(comment.content_type, comment.object_id)
    editor = can_publish(request.user)
    provenance = provenance_report.totals() if editor else None
    context = {
        **site.each_context(request),
        "title": "Editors' dashboard",
        "now": now,
        **sections,
        "comments": shown_comments,
        "open_comments": open_comments.count(),
        "provenance": provenance,
        "provenance_pending": editor and provenance is None,
    }
    return TemplateResponse(request, "admin/editorial/dashboard.html", context)


def _publishable_admins(site, request):
    for model, model_admin in site._registry.items():
        if issubclass(model, Publishable) and model_admin.has_view_or_change_permission(request):
            yield model, model_admin


def _related(model_admin) -> list[str]:
    related = model_admin.list_select_related
    return list(related) if isinstance(related, (list, tuple)) else []


def _rows(model, queryset) -> list[dict]:
    content_type = ContentType.objects.get_for_model(model)
    return [
        {
            "item": item,
            "kind": model._meta.verbose_name,
            "content_type": content_type,
            "url": _change_url(content_type, item.pk),
        }
        for item in queryset
    ]


def _attach_last_steps(rows) -> None:
    """Put the latest workflow step (who, when) on each row, in one query."""
    by_type: dict[int, set[int]] = {}
    for row in rows:
        by_type.setdefault(row["content_type"].pk, set()).add(row["item"].pk)
    if not by_type:
        return
    condition = Q()
    for type_id, ids in by_type.items():
        condition |= Q(content_type_id=type_id, object_id__in=ids)
    latest = {}
    for event in WorkflowEvent.objects.filter(condition).select_related("actor").order_by("at"):
        latest[(event.content_type_id, event.object_id)] = event
    for row in rows:
        row["last_step"] = latest.get((row["content_type"].pk, row["item"].pk))


def _change_url(content_type, object_id) -> str:
    try:
        return reverse(
            f"admin:{content_type.app_label}_{content_type.model}_change", args=[object_id]
        )
    except NoReverseMatch:
        return ""
