"""Who has an item's change form open: recorded when the form is shown, kept alive by the
page's heartbeat, ended when the editor saves or leaves the page.

Presence lasts a long time (`EDITING_PRESENCE_TTL`, an hour by default) from the last page
load or heartbeat. Browsers throttle or freeze the timers of hidden tabs, so a short
heartbeat timeout would drop an editor whose tab is merely in the background (Wagtail's
issue #12207); the page sends a heartbeat as soon as it is visible again, and says goodbye
on `pagehide`, so a long TTL only matters for browsers that vanish without a word.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from .records import EditingPresence

#: How long a presence lasts after its last page load or heartbeat.
DEFAULT_TTL = datetime.timedelta(hours=1)
#: How often an open change form sends a heartbeat, in seconds, while it is visible.
HEARTBEAT_SECONDS = 60


def ttl() -> datetime.timedelta:
    return getattr(settings, "EDITING_PRESENCE_TTL", DEFAULT_TTL)


@dataclass(frozen=True)
class Editor:
    """Another person who has the item open."""

    name: str
    since: datetime.datetime
    last_seen: datetime.datetime

    def notice(self, noun: str) -> str:
        """What the change form says of them, e.g. on a candidate's page."""
        return (
            f"{self.name} has had this {noun} open since {_when(self.since)} (last active "
            f"{_when(self.last_seen)}). If they save before you, your save will be refused: "
            "agree with them who edits what."
        )


def _when(moment: datetime.datetime) -> str:
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return f"{local:%H:%M}"
    return f"{local:%H:%M} on {local:%d %b %Y}"


def _item(obj) -> dict:
    return {
        "content_type": ContentType.objects.get_for_model(obj),
        "object_id": obj.pk,
    }


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def record(obj, *, user) -> None:
    """`user` has `obj`'s change form open now. A presence older than the TTL starts anew.
    One query on every later showing of the form, two on the first."""
    now = timezone.now()
    item = _item(obj)
    expired = Q(last_seen__lt=now - ttl())
    refreshed = EditingPresence.objects.filter(**item, user=user).update(
        last_seen=now,
        started_at=Case(When(expired, then=Value(now)), default=F("started_at")),
    )
    if not refreshed:
        # The same editor's other tab may record it in the same instant: no error then.
        EditingPresence.objects.bulk_create(
            [EditingPresence(**item, user=user, started_at=now, last_seen=now)],
            ignore_conflicts=True,
        )


def end(obj, *, user) -> None:
    """`user` saved or left `obj`'s change form."""
    EditingPresence.objects.filter(**_item(obj), user=user).delete()


def end_all(obj) -> None:
    """`obj` is gone: nobody is editing it any more."""
    EditingPresence.objects.filter(**_item(obj)).delete()


def others(obj, *, user) -> list[Editor]:
    """The other people who have `obj` open, longest first."""
    recent = (
        EditingPresence.objects.filter(**_item(obj), last_seen__gte=timezone.now() - ttl())
        .exclude(user=user)
        .select_related("user")
        .order_by("started_at", "pk")
    )
    return [Editor(display_name(p.user), p.started_at, p.last_seen) for p in recent]
