"""The editors' dashboard in the admin, and its counts on the admin home: the user's own
drafts, what waits for their review, what is scheduled, what was published lately, the
open editorial comments on items the user may view, and for editors the totals of the
provenance report (newsroom.provenance_report) with a link to it. Every section can be
narrowed to one kind of item (`?kind=app_label.model_name`, a plain form).

Reads every publishable model registered in the admin that the user may view, through the
model admin's own queryset: only what the user may see is listed or counted. "My drafts"
are drafts with a workflow step taken by the user (creating one in the admin records
one); "waiting for my review" lists items in review of the kinds the user may change (who
may change an item may send it back or, as an editor, publish it).

The number of queries depends on the number of such models, never on the number of items:
one query counts each model's sections, each non-empty section reads at most `LIMIT` rows
per model with the admin's `list_select_related`, and the last workflow step of every row
shown is read in one query. Each section links to the full changelists, filtered. The
provenance totals are those of the latest full report kept, or the report's one pass when
none is kept and the newsroom is small enough to check on request (see
newsroom.provenance_report); a larger one says when `manage.py provenance_report` last ran.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from .. import provenance_report
from . import comments
from .publishing import Publishable, Status, published_q
from .records import WorkflowEvent
from .workflow import can_publish

LIMIT = 25
RECENT_LIMIT = 15


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    element_id: str
    empty: str
    #: The status the full changelist is filtered on.
    status: str
    ordering: str
    limit: int


SECTIONS = (
    Section(
        "my_drafts",
        "My drafts",
        "my-drafts",
        "You have no drafts.",
        Status.DRAFT,
        "-updated_at",
        LIMIT,
    ),
    Section(
        "awaiting_review",
        "Waiting for my review",
        "awaiting-review",
        "Nothing is waiting for your review.",
        Status.IN_REVIEW,
        "-updated_at",
        LIMIT,
    ),
    Section(
        "scheduled",
        "Scheduled",
        "scheduled",
        "Nothing is scheduled.",
        Status.PUBLISHED,
        "publish_at",
        LIMIT,
    ),
    Section(
        "recently_published",
        "Recently published",
        "recently-published",
        "Nothing is published yet.",
        Status.PUBLISHED,
        "-updated_at",
        RECENT_LIMIT,
    ),
)


@dataclass
class Kind:
    """One publishable model the user may view, with what its sections hold for them."""

    model: type
    model_admin: admin.ModelAdmin
    content_type: ContentType
    conditions: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)

    @property
    def value(self) -> str:
        return self.model._meta.label_lower

    @property
    def label(self) -> str:
        return self.model._meta.verbose_name_plural


def kinds(request) -> list[Kind]:
    """The publishable models registered in the admin that the user may view."""
    return [
        Kind(model, model_admin, ContentType.objects.get_for_model(model))
        for model, model_admin in admin.site._registry.items()
        if issubclass(model, Publishable) and model_admin.has_view_or_change_permission(request)
    ]


def count(request, kind: Kind, now) -> None:
    """Fill `kind.conditions` and `kind.counts` (one query): each section's rows of the
    kind that the user may see."""
    user = request.user
    mine = Exists(
        WorkflowEvent.objects.filter(
            content_type=kind.content_type, object_id=OuterRef("pk"), actor=user
        )
    )
    kind.conditions = {
        "my_drafts": Q(status=Status.DRAFT) & Q(mine),
        "scheduled": Q(status=Status.PUBLISHED, publish_at__gt=now),
        "recently_published": published_q(),
    }
    if kind.model_admin.has_change_permission(request):
        kind.conditions["awaiting_review"] = Q(status=Status.IN_REVIEW)
    counts = kind.model_admin.get_queryset(request).aggregate(
        **{key: Count("pk", filter=condition) for key, condition in kind.conditions.items()}
    )
    kind.counts = {section.key: counts.get(section.key, 0) for section in SECTIONS}


def home_counts(request) -> dict:
    """The dashboard's counts for the admin home: [(section, n)] and the open comments."""
    now = timezone.now()
    desk = kinds(request)
    for kind in desk:
        count(request, kind, now)
    return {
        "sections": [
            (section, sum(kind.counts[section.key] for kind in desk)) for section in SECTIONS
        ],
        "open_comments": _open_comments(request.user, None).count(),
    }


def dashboard(request):
    """The view, served by the admin site (see ballotdesk/urls.py)."""
    site = admin.site
    now = timezone.now()
    desk = kinds(request)
    wanted = request.GET.get("kind", "")
    chosen = next((kind for kind in desk if kind.value == wanted), None)
    unknown_kind = bool(wanted) and chosen is None
    shown = [chosen] if chosen else desk

    sections = {
        section.key: {"section": section, "rows": [], "total": 0, "links": []}
        for section in SECTIONS
    }
    for kind in shown:
        count(request, kind, now)
        rows = kind.model_admin.get_queryset(request)
        if related := _related(kind.model_admin):
            rows = rows.select_related(*related)
        for section in SECTIONS:
            found = kind.counts[section.key]
            if not found:
                continue
            entry = sections[section.key]
            entry["total"] += found
            entry["links"].append(
                {
                    "label": kind.label,
                    "count": found,
                    "url": _changelist_url(request, kind, section),
                }
            )
            picked = rows.filter(kind.conditions[section.key]).order_by(section.ordering)
            entry["rows"] += _rows(kind, picked[: section.limit])
    for section in SECTIONS:
        entry = sections[section.key]
        # Soonest first for what is scheduled, newest first for the rest.
        if section.key == "scheduled":
            entry["rows"].sort(key=lambda row: row["item"].publish_at)
        else:
            entry["rows"].sort(key=lambda row: row["item"].updated_at, reverse=True)
        del entry["rows"][section.limit :]
    _attach_last_steps([row for entry in sections.values() for row in entry["rows"]])

    open_comments = _open_comments(request.user, chosen)
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
        "kinds": desk,
        "kind": chosen,
        "unknown_kind": wanted if unknown_kind else "",
        "sections": list(sections.values()),
        "comments": shown_comments,
        "open_comments": open_comments.count(),
        "comments_limit": LIMIT,
        "provenance": provenance,
        "provenance_pending": editor and provenance is None,
    }
    return TemplateResponse(request, "admin/editorial/dashboard.html", context)


def _open_comments(user, kind: Kind | None):
    found = comments.visible_to(user).filter(resolved_at__isnull=True)
    return found.filter(content_type=kind.content_type) if kind else found


def _related(model_admin) -> list[str]:
    related = model_admin.list_select_related
    return list(related) if isinstance(related, (list, tuple)) else []


def _changelist_url(request, kind: Kind, section: Section) -> str:
    """The kind's full changelist, filtered on the section's status where it can be."""
    opts = kind.model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    if "status" in kind.model_admin.get_list_filter(request):
        url += "?" + urlencode({"status__exact": section.status})
    return url


def _rows(kind: Kind, queryset) -> list[dict]:
    return [
        {
            "item": item,
            "kind": kind.model._meta.verbose_name,
            "content_type": kind.content_type,
            "url": _change_url(kind.content_type, item.pk),
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
