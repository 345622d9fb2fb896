"""Loads the seed newsroom (seed/data.py) into the database, idempotently.

Every row is looked up by its natural key and written only when a value differs, so a
second run creates and updates nothing (and records no history). Every publishable item
the seed holds gets one workflow step noted `SEED_STEP` (new → its status, by nobody), so
the dashboard and the item's history say where it came from; an item that has its step
already gets none, so a second run records nothing, and a database seeded before the
steps were recorded gets them on its next run.

The report counts rows per model, not per section: a section also writes the citations,
bylines and parties its items need, and only some kinds of row are things a reader sees. For
each publishable kind it says how many of the seed's rows are public now, and why the rest
are not (a draft, in review, unpublished, scheduled, or hidden with what they belong to).
"""

from collections import Counter, defaultdict
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from candidates.models import Candidate, CareerEntry, Fact, Party, PlatformPosition, Quote
from newsroom.editorial.publishing import Publishable, Status
from newsroom.editorial.records import WorkflowEvent
from newsroom.models import Citation, Contributor, Outlet, Source
from results.models import (
    Contest,
    ContestFact,
    Jurisdiction,
    RaceCall,
    Result,
    Snapshot,
    SnapshotEntry,
)
from results.services import confirm_call, enter_call

from . import data

PUBLISHED = {"status": Status.PUBLISHED}

#: The note of the workflow step the seed records for each of its items.
SEED_STEP = "loaded with the seed newsroom"


class SeedLoader:
    """Upserts rows and counts what it created, updated and left unchanged, per model."""

    def __init__(
        self, progress: Callable[[str], None] = lambda line: None, *, step_note: str = SEED_STEP
    ):
        self.progress = progress
        #: The note of the workflow step recorded for each item loaded (record_steps).
        self.step_note = step_note
        self.counts: Counter[tuple[str, str]] = Counter()
        self.outlets: dict[str, Outlet] = {}
        self.sources: dict[str, Source] = {}
        self.parties: dict[str, Party] = {}
        self.candidates: dict[str, Candidate] = {}
        #: The rows the current section wrote or found, per model, in the order first met.
        self.section_rows: dict[type[models.Model], set[int]] = defaultdict(set)
        self.desk: dict[str, AbstractBaseUser] = {}
        #: Every publishable item of the seed, per model: {pk: item}.
        self.items: dict[type[models.Model], dict[int, Publishable]] = defaultdict(dict)

    @property
    def created(self) -> int:
        return sum(n for (_, action), n in self.counts.items() if action == "created")

    @property
    def updated(self) -> int:
        return sum(n for (_, action), n in self.counts.items() if action == "updated")

    def upsert(self, model, lookup: dict, values: dict, *, on_create: dict | None = None):
        obj = model.objects.filter(**lookup).first()
        label = model._meta.verbose_name_plural
        if obj is None:
            obj = model(**lookup, **values, **(on_create or {}))
            action = "created"
        else:
            changed = [name for name, value in values.items() if _differs(obj, name, value)]
            if not changed:
                self.counts[(label, "unchanged")] += 1
                self._keep(obj)
                return obj
            for name in changed:
                setattr(obj, name, values[name])
            action = "updated"
        obj.full_clean()
        obj.save()
        self.counts[(label, action)] += 1
        self._keep(obj)
        return obj

    def _keep(self, obj) -> None:
        self.section_rows[type(obj)].add(obj.pk)
        if isinstance(obj, Publishable):
            self.items[type(obj)][obj.pk] = obj

    def record_steps(self) -> None:
        """One workflow step noted `step_note` for each item loaded that has none yet."""
        steps = []
        for model, items in self.items.items():
            content_type = ContentType.objects.get_for_model(model)
            recorded = set(
                WorkflowEvent.objects.filter(
                    content_type=content_type, object_id__in=items, note=self.step_note
                ).values_list("object_id", flat=True)
            )
            steps += [
                WorkflowEvent(
                    content_type=content_type,
                    object_id=pk,
                    from_status="",
                    to_status=item.status,
                    publish_at=item.publish_at if item.status == Status.PUBLISHED else None,
                    note=self.step_note,
                )
                for pk, item in items.items()
                if pk not in recorded
            ]
        WorkflowEvent.objects.bulk_create(steps)
        self.progress(f"Workflow steps recorded: {len(steps)} ({self.step_note})")

    def cite(self, obj, citations: list[dict]) -> None:
        content_type = ContentType.objects.get_for_model(obj)
        for citation in citations:
            self.upsert(
                Citation,
                {
                    "content_type": content_type,
                    "object_id": obj.pk,
                    "field_name": citation["field"],
                    "source": self.sources[citation["source"]],
                    "pinpoint": citation["pinpoint"],
                },
                {
                    "quoted_passage": citation["passage"],
                    "note": citation.get("note", ""),
                    "value_as_reported": citation.get("value", ""),
                },
            )

    def report(self, section: str, before: Counter) -> None:
        delta = self.counts - before
        self.progress(section)
        for model, pks in self.section_rows.items():
            label = model._meta.verbose_name_plural
            counts = ", ".join(
                f"{delta[(label, action)]:>3} {action}"
                for action in ("created", "updated", "unchanged")
            )
            self.progress(f"  {label:<20}{counts}{public_now(model, pks)}")

    def load(self) -> None:
        steps = [
            ("Desk", self.load_desk),
            ("Outlets", self.load_outlets),
            ("Sources", self.load_sources),
            ("Candidates", self.load_candidates),
            ("Careers", self.load_careers),
            ("Platforms", self.load_platforms),
            ("Quotes", self.load_quotes),
            ("Facts", self.load_facts),
            ("Places", self.load_jurisdictions),
            ("Contests", self.load_contests),
        ]
        self.load_steps(steps)

    def load_steps(self, steps: list[tuple[str, Callable[[], None]]]) -> None:
        with transaction.atomic():
            for section, step in steps:
                before = self.counts.copy()
                self.section_rows.clear()
                step()
                self.report(section, before)
            self.record_steps()

    def load_desk(self):
        confirm = Permission.objects.get(
            content_type__app_label="results", codename="confirm_racecall"
        )
        for row in data.DESK:
            values = {k: v for k, v in row.items() if k not in {"username", "confirms_race_calls"}}
            user = self.upsert(
                get_user_model(),
                {"username": row["username"]},
                values,
                on_create={"password": make_password(None)},
            )
            if row.get("confirms_race_calls"):
                user.user_permissions.add(confirm)
            self.desk[row["username"]] = user

    def load_outlets(self):
        for row in data.OUTLETS:
            values = {k: v for k, v in row.items() if k != "slug"}
            self.outlets[row["slug"]] = self.upsert(
                Outlet, {"slug": row["slug"]}, {**values, **PUBLISHED}
            )

    def load_sources(self):
        for row in data.SOURCES:
            values = {
                k: v for k, v in row.items() if k not in {"key", "slug", "contributors", "outlet"}
            }
            source = self.upsert(
                Source,
                {"slug": row["slug"]},
                {**values, "outlet": self.outlets[row["outlet"]], **PUBLISHED},
            )
            self.sources[row["key"]] = source
            for position, credit in enumerate(row["contributors"], start=1):
                self.upsert(
                    Contributor,
                    {"source": source, "name": credit["name"], "role": credit["role"]},
                    {
                        "is_organisation": credit.get("is_organisation", False),
                        "outlet": self.outlets.get(credit.get("outlet", "")),
                        "position": position,
                    },
                )

    def load_candidates(self):
        for row in data.PARTIES:
            values = {k: v for k, v in row.items() if k != "slug"}
            self.parties[row["slug"]] = self.upsert(Party, {"slug": row["slug"]}, values)
        for row in data.CANDIDATES:
            values = {k: v for k, v in row.items() if k not in {"slug", "party", "citations"}}
            candidate = self.upsert(
                Candidate,
                {"slug": row["slug"]},
                {**values, "party": self.parties[row["party"]], **PUBLISHED},
            )
            self.candidates[row["slug"]] = candidate
            self.cite(candidate, row["citations"])

    def _load_candidate_parts(self, model, rows, key_field: str, positioned: bool = True):
        for position, row in enumerate(rows, start=1):
            candidate = self.candidates[row["candidate"]]
            values = {
                k: v
                for k, v in row.items()
                if k not in {"candidate", "citations", "key", key_field}
            }
            if positioned:
                values["position"] = position
            obj = self.upsert(
                model,
                {"candidate": candidate, key_field: row[key_field]},
                {**values, **PUBLISHED},
            )
            self.cite(obj, row["citations"])

    def load_careers(self):
        self._load_candidate_parts(CareerEntry, data.CAREER, "organisation")

    def load_platforms(self):
        self._load_candidate_parts(PlatformPosition, data.PLATFORM, "topic")

    def load_quotes(self):
        rows = [
            {**row, "venue_outlet": self.outlets.get(row.get("venue_outlet", ""))}
            for row in data.QUOTES
        ]
        self._load_candidate_parts(Quote, rows, "text", positioned=False)

    def load_facts(self):
        self._load_candidate_parts(Fact, data.FACTS, "statement")

    def load_jurisdictions(self):
        for row in data.JURISDICTIONS:
            values = {k: v for k, v in row.items() if k not in {"slug", "citations"}}
            jurisdiction = self.upsert(Jurisdiction, {"slug": row["slug"]}, {**values, **PUBLISHED})
            self.cite(jurisdiction, row["citations"])

    def load_contests(self):
        nested = {"slug", "jurisdiction", "party", "citations", "results", "snapshots"}
        nested |= {"race_calls", "facts"}
        for row in data.CONTESTS:
            values = {k: v for k, v in row.items() if k not in nested}
            contest = self.upsert(
                Contest,
                {"slug": row["slug"]},
                {
                    **values,
                    "jurisdiction": Jurisdiction.objects.get(slug=row["jurisdiction"]),
                    "party": self.parties[row["party"]],
                    **PUBLISHED,
                },
            )
            self.cite(contest, row["citations"])
            self.load_results(contest, row.get("results", []))
            self.load_snapshots(contest, row.get("snapshots", []))
            self.load_race_calls(contest, row.get("race_calls", []))
            for position, fact in enumerate(row.get("facts", []), start=1):
                obj = self.upsert(
                    ContestFact,
                    {"contest": contest, "statement": fact["statement"]},
                    {"position": position, **PUBLISHED},
                )
                self.cite(obj, fact["citations"])

    def load_results(self, contest, rows):
        for row in rows:
            values = {k: v for k, v in row.items() if k not in {"candidate", "citations"}}
            result = self.upsert(
                Result,
                {"contest": contest, "candidate": self.candidates[row["candidate"]]},
                {"votes": None, "reported_share": None, "delegates_won": None, **values},
            )
            self.cite(result, row["citations"])

    def load_snapshots(self, contest, rows):
        for row in rows:
            snapshot = self.upsert(
                Snapshot,
                {
                    "contest": contest,
                    "source": self.sources[row["source"]],
                    "as_of_as_reported": row["as_of_as_reported"],
                },
                {"reporting_percent": row["reporting_percent"], "note": row["note"]},
            )
            for entry in row["entries"]:
                self.upsert(
                    SnapshotEntry,
                    {"snapshot": snapshot, "candidate": self.candidates[entry["candidate"]]},
                    {"votes": entry.get("votes"), "share": entry.get("share")},
                )

    def load_race_calls(self, contest, rows):
        people = {"winner", "called_by", "citations", "entered_by", "confirmed_by"}
        for row in rows:
            values = {k: v for k, v in row.items() if k not in people}
            values["reported_by"] = self.outlets[values["reported_by"]]
            call = self.upsert(
                RaceCall,
                {
                    "contest": contest,
                    "winner": self.candidates[row["winner"]],
                    "called_by": row["called_by"],
                },
                values,
                on_create={"entered_by": self.desk[row["entered_by"]]},
            )
            self.cite(call, row["citations"])
            if call.is_pending:
                if call.entered_by_id is None:
                    # Unconfirmed by migration 0006: nobody was on record as entering it.
                    enter_call(call, by=self.desk[row["entered_by"]])
                confirm_call(call, by=self.desk[row["confirmed_by"]])


_NOT_PUBLIC = {
    Status.DRAFT: "in draft",
    Status.IN_REVIEW: "in review",
    Status.UNPUBLISHED: "unpublished",
    Status.PUBLISHED: "published",
}


def public_now(model, pks: set[int]) -> str:
    """How many of the rows readers can see now and why the rest are not, as a report suffix
    ("; public now: 5 of 6 (1 in draft)"); "" for kinds that are no public item of their own."""
    rows = model._default_manager.filter(pk__in=pks)
    if not hasattr(rows, "published"):
        return ""
    public = rows.published().count()
    text = f"; public now: {public} of {len(pks)}"
    if public == len(pks):
        return text
    hidden = rows.exclude(pk__in=rows.published().values("pk"))
    if not hasattr(model, "status"):
        # Results, citations, race calls and snapshots are public with what they belong to.
        why = (type(rows).published.__doc__ or "public with what they belong to").strip()
        return f"{text} ({why.rstrip('.').lower()})"
    reasons = Counter(_NOT_PUBLIC[status] for status in hidden.values_list("status", flat=True))
    scheduled = hidden.scheduled().count()
    if scheduled:
        reasons["published"] -= scheduled
        reasons["scheduled for later"] = scheduled
    if reasons["published"]:
        reasons["hidden with an item they belong to"] = reasons.pop("published")
    return f"{text} ({', '.join(f'{n} {why}' for why, n in reasons.items() if n > 0)})"


def _differs(obj, name: str, value) -> bool:
    field = obj._meta.get_field(name)
    if isinstance(field, models.ForeignKey):
        return getattr(obj, field.attname) != (value.pk if value is not None else None)
    return getattr(obj, name) != value


def seed_newsroom(*, progress: Callable[[str], None] = lambda line: None) -> SeedLoader:
    """Load or refresh the seed newsroom; returns the loader with its counts."""
    loader = SeedLoader(progress=progress)
    loader.load()
    return loader
