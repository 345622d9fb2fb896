"""How a contest's count moved: its snapshots in order, each with the change since the last.

For the public contest page and the API. Two queries whatever the number of snapshots.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch

from candidates.models import Candidate
from newsroom.models import Source

from .models import Contest, Snapshot, SnapshotEntry


@dataclass(frozen=True)
class EntryStep:
    candidate: Candidate
    votes: int | None
    share: Decimal | None
    #: Change since the previous snapshot; None when either figure is unknown.
    votes_change: int | None
    share_change: Decimal | None
    #: True when the candidate was not in the previous snapshot.
    is_new: bool


@dataclass(frozen=True)
class CountStep:
    snapshot: Snapshot
    reporting_percent_change: Decimal | None
    entries: list[EntryStep]
    #: Whether the snapshot's source may be linked publicly.
    source_is_public: bool


def snapshots_with_entries(contests=None):
    """Snapshots in count order, entries and candidates prefetched, sources vetted.

    Those of public contests, or of `contests` when given (the caller has vetted them).
    """
    if contests is None:
        snapshots = Snapshot.objects.published()
    else:
        snapshots = Snapshot.objects.filter(contest__in=contests)
    return (
        snapshots.select_related("source")
        .annotate(source_is_public=Exists(Source.objects.published().filter(pk=OuterRef("source"))))
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=SnapshotEntry.objects.select_related("candidate").order_by(
                    "candidate__family_name", "candidate__full_name", "pk"
                ),
            )
        )
        .in_count_order()
    )


def _difference(now, before):
    if now is None or before is None:
        return None
    return now - before


def count_history(contest: Contest, *, recorded_before=None) -> list[CountStep]:
    """Every snapshot of `contest`, oldest first, with what changed since the one before;
    with `recorded_before` (a version page's moment), those recorded before it only.

    Pass a contest the page fetched through `Contest.objects.published()`.
    """
    steps = []
    previous: Snapshot | None = None
    snapshots = snapshots_with_entries(Contest.objects.filter(pk=contest.pk))
    if recorded_before is not None:
        snapshots = snapshots.filter(created_at__lt=recorded_before)
    for snapshot in snapshots:
        before = {entry.candidate_id: entry for entry in previous.entries.all()} if previous else {}
        entries = []
        for entry in snapshot.entries.all():
            earlier = before.get(entry.candidate_id)
            entries.append(
                EntryStep(
                    candidate=entry.candidate,
                    votes=entry.votes,
                    share=entry.share,
                    votes_change=_difference(entry.votes, earlier and earlier.votes),
                    share_change=_difference(entry.share, earlier and earlier.share),
                    is_new=earlier is None,
                )
            )
        steps.append(
            CountStep(
                snapshot=snapshot,
                reporting_percent_change=_difference(
                    snapshot.reporting_percent, previous and previous.reporting_percent
                ),
                entries=entries,
                source_is_public=snapshot.source_is_public,
            )
        )
        previous = snapshot
    return steps
