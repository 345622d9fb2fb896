"""Publication states shared by every public-facing model, the one `published()` filter, and
the one answer to "can readers see this row?" (`is_public`).

Public code (views, feeds, sitemaps, search, exports, API) reads only through `published()`.
An item is public when its status is published and its scheduled time, if any, has come:
the comparison with now happens in the query, so scheduled items go live without a cron job.

A row without a workflow of its own (a result, a citation, a byline) is public with the
item whose page shows it: its *owner*, the relation each model declares in its editorial
policy (newsroom.editorial.policy). `owner_of` takes one step up that relation;
`publishable_item` and `is_public` are the only walks up it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format

from .history import tracked_history
from .locking import Versioned
from .policy import policy_of


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    UNPUBLISHED = "unpublished", "Unpublished"


def published_q(prefix: str = "") -> models.Q:
    """The condition for 'public now', optionally through a relation (`prefix='candidate__'`)."""
    return models.Q(**{f"{prefix}status": Status.PUBLISHED}) & (
        models.Q(**{f"{prefix}publish_at__isnull": True})
        | models.Q(**{f"{prefix}publish_at__lte": timezone.now()})
    )


class PublishableQuerySet(models.QuerySet):
    """Reads shared by publishable models. Subclasses add the parents they depend on."""

    #: Relations whose target must be public too, e.g. ("candidate__",) for a quote.
    public_parents: tuple[str, ...] = ()

    @classmethod
    def public_q(cls, prefix: str = "") -> models.Q:
        """'Public now' for these rows and their public parents, optionally reached through
        a relation (`prefix='source__'`): one condition on joined tables, no subquery."""
        condition = published_q(prefix)
        for parent in cls.public_parents:
            condition &= published_q(prefix + parent)
        return condition

    def published(self):
        return self.filter(self.public_q())

    def scheduled(self):
        """Published, but hidden until a time still to come."""
        return self.filter(status=Status.PUBLISHED, publish_at__gt=timezone.now())

    def awaiting_review(self):
        return self.filter(status=Status.IN_REVIEW)


class Publishable(Versioned):
    """Abstract base: publication status, scheduled time, timestamps, optimistic locking,
    an optional editor's note and full history."""

    status = models.CharField(
        "publication status",
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text="Only published items appear on the public site, feeds, search and exports.",
    )
    publish_at = models.DateTimeField(
        "publish at",
        null=True,
        blank=True,
        help_text="Optional scheduled time: a published item stays hidden until then.",
    )
    editor_note = models.TextField(
        "editor's note",
        blank=True,
        help_text="Optional; shown at the top of the public page (corrections are recorded "
        "separately, with their type and public note).",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("last updated", auto_now=True)

    history = tracked_history(inherit=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def why_hidden(self, *, from_time=None) -> str:
        """Why this item is not public from `from_time` (None: now) on, or "" when it is."""
        if self.status != Status.PUBLISHED:
            return f"is {Status(self.status).label.lower()}"
        moment = max(from_time or timezone.now(), timezone.now())
        if self.publish_at is not None and self.publish_at > moment:
            when = date_format(timezone.localtime(self.publish_at), "DATETIME_FORMAT")
            return f"is scheduled for {when}"
        return ""

    def clean(self):
        errors = self.hidden_parent_errors()
        if errors:
            raise ValidationError(errors)

    def hidden_parent_errors(self) -> dict[str, str]:
        """Refusals, by field, of a published item put under a parent readers cannot see.

        The parents are the first steps of the queryset's `public_parents`. Only a change
        of parent (or a new item) is refused: the item would vanish from the site while
        still "published". A parent taken down later is an editor's own recorded step.
        """
        if self.status != Status.PUBLISHED:
            return {}
        public_parents = getattr(type(self)._default_manager, "_queryset_class", None)
        fields = {prefix.split("__")[0] for prefix in getattr(public_parents, "public_parents", ())}
        return {
            name: message
            for name in sorted(fields)
            if (message := refuse_hidden_parent(self, name, public_from=self.publish_at))
        }


def parent_changed(item, field_name: str) -> bool:
    """Whether `item` is new or its `field_name` relation differs from the saved row's."""
    if item._state.adding or item.pk is None:
        return True
    attname = item._meta.get_field(field_name).attname
    saved = type(item)._base_manager.filter(pk=item.pk).values_list(attname, flat=True).first()
    return saved != getattr(item, attname)


def refuse_hidden_parent(item, field_name: str, *, public_from=None, moved=None) -> str:
    """The field error for `item`, public from `public_from`, newly put under a parent (its
    `field_name`) that readers will not see by then; "" when there is nothing to refuse.

    `moved` says whether the item is new or reassigned; by default, whether `field_name`
    differs from the saved row's."""
    if getattr(item, item._meta.get_field(field_name).attname) is None:
        return ""
    parent = getattr(item, field_name)
    reason = parent.why_hidden(from_time=public_from) if isinstance(parent, Publishable) else ""
    if not reason:
        return ""
    if not (parent_changed(item, field_name) if moved is None else moved):
        return ""
    noun = parent._meta.verbose_name
    return (
        f"The {noun} “{parent}” {reason}, and this {item._meta.verbose_name} is public. "
        f"Choose a public {noun}, or have an editor publish “{parent}” first."
    )


#: Reference records have no workflow of their own (a party): the model sets this class
#: attribute to the relations whose items show the record to readers. Once one of those
#: is published (or was), the record is editor-only, as a published item is.
SHOWN_WITH = "shown_publicly_with"


def owner_of(obj):
    """The item whose page shows `obj` (a result's contest, a citation's item, a quote's
    candidate), as its model declares (`EditorialPolicy.owner`); None if it has none."""
    name = policy_of(obj).owner
    if not name:
        return None
    if name == "content_object":
        return obj.content_object
    if getattr(obj, f"{name}_id", None) is None:
        return None
    return getattr(obj, name)


def publishable_item(obj):
    """The item whose status governs `obj`: itself, or what it belongs to (a citation's
    item, a result's contest, a snapshot entry's contest); a publishable item or a
    reference record (see SHOWN_WITH). None if none."""
    for _ in range(5):
        if obj is None or isinstance(obj, Publishable) or hasattr(type(obj), SHOWN_WITH):
            return obj
        obj = owner_of(obj)
    return None


def is_public(obj) -> bool:
    """Whether readers can see the saved `obj` now, its parents included: through its
    model's `published()` when it has one, else with its owner; a row with neither (a
    party, reference data) is public unless it is a publishable item."""
    if obj is None or obj.pk is None:
        return False
    manager = type(obj)._default_manager
    if hasattr(manager, "published"):
        return manager.published().filter(pk=obj.pk).exists()
    owner = owner_of(obj)
    if owner is not None:
        return is_public(owner)
    return not isinstance(obj, Publishable)
