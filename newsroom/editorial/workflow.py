"""The publication workflow: which status changes are allowed, who may make them, what an
item needs before it is published, and the record of every step.

Steps (from → to):

- new → draft or in review: creating an item (recorded when made in the admin).
- draft → in review: *submit for review*; anyone who may change the item.
- in review → draft: *send back* (an editor) or *withdraw* (the reporter); anyone who may
  change the item.
- in review → published: *publish*, optionally at a scheduled time (`publish_at`).
- published → unpublished: *unpublish*, taking the item off the public site.
- unpublished → published: *republish*; unpublished → draft: *reopen* for more work.
- published → published with a new `publish_at`: *reschedule*.

Not allowed: a draft straight to published (nobody publishes what was not reviewed; an
editor submits and then publishes), published → draft or in review (unpublish first, so
taking an item down is always its own recorded step), unpublished → in review.

Who: every step needs change permission on the item's model. Publishing, republishing,
rescheduling, unpublishing and reopening need `newsroom.publish_content` as well: those
are the editors' steps. Without that permission, published and unpublished items (and
the citations, identifiers and other rows that hang off them) are read-only, except for
models declared `live_while_published` (the results desk's contests): whoever may change
them may update a published contest's count and
results (the correction rules of newsroom.editorial.corrections still apply).

Rows of an item (its citations, identifiers, results, and the quotes, facts and other
inline rows shown on a parent's page): adding, changing, retargeting or removing one is an
editorial change of the item whose page shows it, so it follows the same rule
(`why_not_change_row`). A row whose item is published or unpublished is the editors' (and,
for the results desk's live items, whoever may change them); retargeting a citation or an
identifier checks the item it leaves and the item it joins. Code without a user (the shell,
management commands, the results import, which checks its uploader's permission itself) is
trusted: it may attach rows, but only to the kinds of item that take them (the models
refuse any other), and it publishes nothing: a row it attaches is public only if its item
already is, which the person running it decided.

Sources: an item is published only when readers will see where it comes from. Each model
declares whether it needs them (`EditorialPolicy.needs_citation`, newsroom.editorial.policy):
quotes, facts, career entries, platform positions and contest facts need at least one
citation of a published source; a contest needs a published source cited on the contest or
on one of its results, or a count snapshot taken from a published source (its own
`why_sources_missing()`). Outlets, sources (they are the evidence), candidates and
jurisdictions (containers of cited items) need none.

Reference records without a workflow (parties) are editor-only once a published item shows
them (SHOWN_WITH): a reporter may create a party and edit it until then.

Nor is an item published while a field it shows readers with its own footnote holds a
value no citation supports (`EditorialPolicy.cited_fields`: a candidate's party, a
result's outcome; a contest's results count as the contest's), nor while a check of its
citations fails (newsroom.provenance: the quoted passage not in the pinpointed paragraph, a
verbatim quote in none of its passages, a cited number not written in its passage), unless
an editor wrote on the citation why it stands. Nor is an item published while it would
show readers something they may not see yet: a contest whose results name a candidate who
is not published (see hidden_parts).

Scheduled publishing needs no cron job: public querysets compare `publish_at` with now
(newsroom.editorial.publishing.published_q).

The item a row belongs to is found by the one owner walk of newsroom.editorial.publishing
(`publishable_item`). Nothing here imports the candidates or results apps: what differs
between models is their declared policy.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .. import provenance
from .policy import policy_of
from .publishing import SHOWN_WITH, Publishable, Status, publishable_item
from .records import WorkflowEvent

PUBLISH_PERMISSION = "newsroom.publish_content"

NEW = ""

#: The key of an error about a whole row rather than one of its fields.
NON_FIELD = "__all__"


@dataclass(frozen=True)
class Step:
    verb: str
    needs_publish_permission: bool


STEPS: dict[tuple[str, str], Step] = {
    (NEW, Status.DRAFT): Step("create", False),
    (NEW, Status.IN_REVIEW): Step("create and submit for review", False),
    (Status.DRAFT, Status.IN_REVIEW): Step("submit for review", False),
    (Status.IN_REVIEW, Status.DRAFT): Step("send back to draft", False),
    (Status.IN_REVIEW, Status.PUBLISHED): Step("publish", True),
    (Status.PUBLISHED, Status.PUBLISHED): Step("reschedule", True),
    (Status.PUBLISHED, Status.UNPUBLISHED): Step("unpublish", True),
    (Status.UNPUBLISHED, Status.PUBLISHED): Step("republish", True),
    (Status.UNPUBLISHED, Status.DRAFT): Step("reopen as draft", True),
}

#: Why a step that is not in STEPS is refused, by (from, to).
REFUSALS = {
    (Status.DRAFT, Status.PUBLISHED): "is a draft: submit it for review before publishing",
    (Status.PUBLISHED, Status.DRAFT): "is published: unpublish it first",
    (Status.PUBLISHED, Status.IN_REVIEW): "is published: unpublish it first",
    (Status.UNPUBLISHED, Status.IN_REVIEW): "is unpublished: reopen it as a draft first",
    (Status.DRAFT, Status.UNPUBLISHED): "was never published",
    (Status.IN_REVIEW, Status.UNPUBLISHED): "was never published",
}


class TransitionRefused(Exception):
    """The step is not allowed for this item or this user; the message says why."""


class EditRefused(PermissionDenied):
    """The user may not change or delete this item as it stands; the message says why."""


def describe(item) -> str:
    return f"“{item}”"


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def can_edit(user, obj) -> bool:
    """Whether `user` may change or delete `obj` as it stands (model permission aside)."""
    if obj is None or can_publish(user):
        return True
    item = publishable_item(obj)
    if item is None or item.pk is None:
        return True
    if not isinstance(item, Publishable):
        return not is_shown_publicly(item)
    return can_edit_in_status(user, type(item), item.status)


def is_shown_publicly(record) -> bool:
    """Whether a reference record is shown by a published (or once published) item."""
    shown = (Status.PUBLISHED, Status.UNPUBLISHED)
    return any(
        getattr(record, relation).filter(status__in=shown).exists()
        for relation in getattr(type(record), SHOWN_WITH, ())
    )


def _why_editors_only(item) -> str:
    """What makes `item` (the publishable item or reference record governing a row) editors'
    only, as a predicate: "is published", "is shown to readers on published pages"."""
    if isinstance(item, Publishable):
        return f"is {Status(item.status).label.lower()}"
    return "is shown to readers on published pages"


def why_cannot_edit(user, obj) -> str:
    """Why `user` may not change or delete `obj` as saved, or "" when they may."""
    if can_edit(user, obj):
        return ""
    item = publishable_item(obj)
    return f"{describe(item)} {_why_editors_only(item)}: only editors can change it."


def ensure_can_edit(user, obj) -> None:
    """Raise EditRefused unless `user` may change or delete `obj` as saved."""
    reason = why_cannot_edit(user, obj)
    if reason:
        raise EditRefused(reason)


def why_not_change_item(user, item) -> str:
    """Why `user` may not change `item` (or a row of it), as the end of a sentence about it;
    "" when they may. Needs change permission on the item's model and, when the item that
    governs it is published or unpublished, the right to change that published item."""
    if not can_edit(user, item):
        return f"{_why_editors_only(publishable_item(item))}, and only editors can change it"
    opts = item._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return f"is not yours to change (no permission to change {opts.verbose_name_plural})"
    return ""


def why_not_change_row(user, row, *, deleting: bool = False) -> dict[str, str]:
    """Why `user` may not write (or, `deleting`, remove) `row`, a citation or identifier
    attached to an item through `content_type` and `object_id`, as {field: message}; empty
    when the change is allowed. The item the row belonged to when saved and the item it
    points at now are both checked, so a row can be moved neither onto a published item nor
    away from one."""
    saved = type(row)._base_manager.filter(pk=row.pk).first() if row.pk is not None else None
    noun = row._meta.verbose_name
    errors: dict[str, str] = {}
    if saved is not None and saved.content_object is not None:
        reason = why_not_change_item(user, saved.content_object)
        if reason:
            item = saved.content_object
            errors[NON_FIELD] = (
                f"This {noun} belongs to the {item._meta.verbose_name} {describe(item)}, which "
                f"{reason}."
            )
    moved = saved is None or (saved.content_type_id, saved.object_id) != (
        row.content_type_id,
        row.object_id,
    )
    if not deleting and moved and row.content_type_id is not None and row.object_id is not None:
        item = row.content_object
        reason = why_not_change_item(user, item) if item is not None else ""
        if reason:
            errors["object_id"] = (
                f"You cannot attach this {noun} to the {item._meta.verbose_name} "
                f"{describe(item)}: it {reason}."
            )
    return errors


def can_edit_in_status(user, model, status: str) -> bool:
    """Whether `user` may change an item of `model` that has `status`."""
    if status in (NEW, Status.DRAFT, Status.IN_REVIEW) or can_publish(user):
        return True
    opts = model._meta
    if policy_of(model).live_while_published:
        return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    return False


def missing_sources(item) -> str:
    """Why `item` cannot be published for want of sources, or "" when it has what it needs.

    Its model's policy says whether it needs any (`needs_citation`); a model whose sources
    are found elsewhere than its own citations answers itself (`why_sources_missing()`)."""
    if not policy_of(item).needs_citation:
        return ""
    if hasattr(item, "why_sources_missing"):
        return item.why_sources_missing()
    citations = item.citations.all()
    if not citations.exists():
        return "has no source: cite at least one before publishing"
    if not citations.published().exists():
        return "cites no published source: publish one of its sources first"
    return ""


def why_not(item, to_status: str, user, *, from_status: str | None = None) -> str:
    """Why `user` may not move `item` to `to_status`, or "" when the step is allowed.

    `from_status` defaults to the item's saved status (NEW for an unsaved item).
    """
    if from_status is None:
        from_status = NEW if item.pk is None else item.status
    if from_status == to_status and to_status != Status.PUBLISHED:
        return f"is already {Status(to_status).label.lower()}"
    step = STEPS.get((from_status, to_status))
    if step is None:
        return REFUSALS.get(
            (from_status, to_status),
            f"cannot go from {_status_label(from_status)} to {_status_label(to_status)}",
        )
    opts = item._meta
    action = "add" if from_status == NEW else "change"
    if not user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"):
        return f"cannot be changed by you (no permission to {action} {opts.verbose_name_plural})"
    if step.needs_publish_permission and not can_publish(user):
        return f"cannot be {_participle(step)} by you: only editors can {step.verb}"
    if not can_edit_in_status(user, type(item), from_status):
        return "is published: only editors can change it"
    if to_status == Status.PUBLISHED and from_status != Status.PUBLISHED:
        return (
            missing_sources(item)
            or hidden_parts(item)
            or provenance.why_fields_uncited(item)
            or provenance.why_checks_fail(item)
        )
    return ""


def hidden_parts(item) -> str:
    """Why publishing `item` would show readers something they may not see yet (a contest's
    results naming draft candidates), or "". Declared by the model, as
    `why_publishing_would_reveal()`."""
    check = getattr(item, "why_publishing_would_reveal", None)
    return check() if check else ""


def allowed_statuses(item, user) -> list[str]:
    """The statuses `user` may give `item` from where it stands, its current one first.

    Sources are not checked here (they are when the step is taken), so an editor sees
    "Published" and is told what is missing."""
    current = NEW if item is None or item.pk is None else item.status
    allowed = [] if current == NEW else [current]
    for status in Status.values:
        if status == current:
            continue
        step = STEPS.get((current, status))
        if step is None:
            continue
        if step.needs_publish_permission and not can_publish(user):
            continue
        allowed.append(status)
    return allowed


def transition(
    item,
    to_status: str,
    *,
    by,
    publish_at: datetime.datetime | None = None,
    keep_publish_at: bool = True,
    note: str = "",
) -> WorkflowEvent:
    """Move `item` to `to_status` and record the step. Raises TransitionRefused.

    Publishing sets `publish_at` when given; otherwise the item keeps its own scheduled
    time when `keep_publish_at` (a past or empty time publishes now).
    """
    from_status = item.status
    if from_status == to_status == Status.PUBLISHED and publish_at is None:
        raise TransitionRefused(f"{describe(item)} is already published")
    reason = why_not(item, to_status, by)
    if reason:
        raise TransitionRefused(f"{describe(item)} {reason}")
    item.status = to_status
    fields = ["status", "updated_at"]
    if to_status == Status.PUBLISHED and (publish_at is not None or not keep_publish_at):
        item.publish_at = publish_at
        fields.append("publish_at")
    verb = STEPS[(from_status, to_status)].verb
    item._change_reason = f"Workflow: {verb}"[:100]
    with transaction.atomic():
        item.save(update_fields=fields)
        return record(item, from_status, to_status, by=by, note=note)


def record(item, from_status: str, to_status: str, *, by, note: str = "") -> WorkflowEvent:
    """Write the step that took `item` from `from_status` to `to_status`."""
    return WorkflowEvent.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        from_status=from_status,
        to_status=to_status,
        actor=by if getattr(by, "is_authenticated", False) else None,
        at=timezone.now(),
        publish_at=item.publish_at if to_status == Status.PUBLISHED else None,
        note=note,
    )


def note_steps(items, *, by, note: str, at) -> None:
    """Record, in one INSERT, a step for each item that leaves its status as it was and says
    what happened to it (`note`: "imported from results.csv …"), so its history and the
    dashboard show who changed it last and how."""
    actor = by if getattr(by, "is_authenticated", False) else None
    WorkflowEvent.objects.bulk_create(
        WorkflowEvent(
            content_type=ContentType.objects.get_for_model(item),
            object_id=item.pk,
            from_status=item.status,
            to_status=item.status,
            actor=actor,
            at=at,
            note=note,
        )
        for item in items
    )


def steps(item):
    """The item's workflow steps, newest first, with who took them."""
    if item is None or item.pk is None:
        return WorkflowEvent.objects.none()
    return WorkflowEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk
    ).select_related("actor")


def _status_label(status: str) -> str:
    return "new" if status == NEW else Status(status).label.lower()


def _participle(step: Step) -> str:
    return {
        "publish": "published",
        "republish": "republished",
        "reschedule": "rescheduled",
        "unpublish": "unpublished",
        "reopen as draft": "reopened",
    }.get(step.verb, "moved")
