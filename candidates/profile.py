"""A candidate's public profile: key facts, career, platform, quotes and facts, each with
numbered source notes, plus sections other apps supply.

The profile is bounded: of each part (`PARTS`) it shows the first `PROFILE_LATEST_ITEMS`
public rows (the newest quotes; facts, career and platform in the editors' order) and how
many there are in all, with a link to the part's own pages (`/candidates/<slug>/quotes/`
and so on), `PUBLIC_LIST_PAGE_SIZE` rows a page, each page with its own numbered notes.

Candidates cannot import results, so results registers a reader for the contest history
(`register_section`, in results/declarations.py); each reader gets the candidate and the
page's `SourceNotes`, and its `as_of` reader also the rows as they were at a moment, for a
version of the profile (candidates/versions.py).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F
from django.urls import reverse

from newsroom.editorial.as_of import AsOf
from newsroom.footnotes import Note, SourceNotes

from .models import Candidate, CareerEntry, Fact, PlatformPosition, Quote

NOT_REPORTED = "not reported"


@dataclass(frozen=True)
class SectionReader:
    read: Callable[[Candidate, SourceNotes], object]
    #: The same section as it was: `as_of(candidate, notes, state)`, `state` an AsOf.
    as_of: Callable[[Candidate, SourceNotes, AsOf], object]


_section_readers: dict[str, SectionReader] = {}


def register_section(
    name: str,
    reader: Callable[[Candidate, SourceNotes], object],
    *,
    as_of: Callable[[Candidate, SourceNotes, AsOf], object],
) -> None:
    _section_readers[name] = SectionReader(reader, as_of)


@dataclass(frozen=True)
class Part:
    """One part of a profile with a page of its own: what readers call its rows."""

    name: str
    model: type
    #: The order of its rows, on the profile (its first rows) and on its pages; the
    #: primary key last, so a row is on one page only.
    ordering: tuple
    heading: str
    singular: str
    plural: str
    #: The template that lists rows of this part (`items`), on the profile and its pages.
    template: str
    #: How the part's pages are ordered, as readers are told.
    order: str
    #: "quotes *by* Jason Palmer", "facts *about* …".
    of: str = "of"

    @property
    def url_name(self) -> str:
        return f"candidates:candidate_{self.name}"

    def url(self, candidate: Candidate) -> str:
        return reverse(self.url_name, args=[candidate.slug])

    def count(self, total: int) -> str:
        return f"{total} {self.singular if total == 1 else self.plural}"


#: The parts of a profile, in page order; keys are the relations of `Candidate`. The newest
#: quotes first; facts, career and platform in the editors' order (`position`), facts of
#: the same position newest first.
PARTS = {
    part.name: part
    for part in (
        Part(
            "career",
            CareerEntry,
            ("position", "pk"),
            "Career",
            "career entry",
            "career entries",
            "candidates/includes/career_list.html",
            "in the order of the profile",
        ),
        Part(
            "platform",
            PlatformPosition,
            ("position", "pk"),
            "Platform",
            "platform position",
            "platform positions",
            "candidates/includes/platform_list.html",
            "in the order of the profile",
        ),
        Part(
            "quotes",
            Quote,
            (F("said_on").desc(nulls_last=True), "-pk"),
            "Quotes",
            "quote",
            "quotes",
            "candidates/includes/quote_list.html",
            "newest first",
            of="by",
        ),
        Part(
            "facts",
            Fact,
            ("position", F("occurred_on").desc(nulls_last=True), "-pk"),
            "Reported facts",
            "fact",
            "facts",
            "candidates/includes/fact_list.html",
            "in the order of the profile",
            of="about",
        ),
    )
}


@dataclass(frozen=True)
class ShownPart:
    """What a profile shows of one part: its first rows, how many in all, where the rest are."""

    part: Part
    items: list
    total: int
    url: str

    @property
    def more(self) -> bool:
        return self.total > len(self.items)

    @property
    def count(self) -> str:
        return self.part.count(self.total)


@dataclass(frozen=True)
class KeyFact:
    label: str
    value: str
    notes: list[Note]
    known: bool = True


@dataclass
class Profile:
    candidate: Candidate
    notes: SourceNotes
    key_facts: list[KeyFact]
    summary_notes: list[Note]
    parts: dict[str, ShownPart] = field(default_factory=dict)
    sections: dict[str, object] = field(default_factory=dict)

    def shown_items(self) -> list:
        """Every row of a part the profile shows."""
        return [item for shown in self.parts.values() for item in shown.items]


def money(amount: Decimal, currency: str) -> str:
    symbol = "$" if currency in ("", "USD") else f"{currency} "
    whole = amount == amount.to_integral_value()
    return f"{symbol}{amount:,.0f}" if whole else f"{symbol}{amount:,.2f}"


def _key_facts(candidate: Candidate, by_field: dict[str, list[Note]]) -> list[KeyFact]:
    def fact(label, value, *fields):
        notes = [note for name in fields for note in by_field.get(name, [])]
        known = value not in (None, "")
        return KeyFact(label, str(value) if known else NOT_REPORTED, notes, known)

    age = f"{candidate.age}, as of {candidate.age_as_of_display}" if candidate.age else None
    funding = None
    if candidate.self_funding_amount is not None:
        funding = money(candidate.self_funding_amount, candidate.self_funding_currency)
        if candidate.self_funding_kind:
            funding = f"{funding} ({candidate.get_self_funding_kind_display().lower()})"
    staff = None
    if candidate.campaign_staff_on_ground is not None:
        staff = str(candidate.campaign_staff_on_ground)
        if candidate.staff_location:
            staff = f"{staff}, in {candidate.staff_location}"
    office = {True: "Yes", False: "No"}.get(candidate.has_held_office)
    return [
        fact("Party", candidate.party.name if candidate.party else None, "party"),
        fact("Age", age, "age", "age_as_of"),
        fact("Hometown", candidate.hometown, "hometown"),
        fact("Occupation", candidate.occupation, "occupation"),
        fact(
            "Entered the race",
            candidate.campaign_launched_on_display,
            "campaign_launched_on",
        ),
        fact("Self-funding", funding, "self_funding_amount", "self_funding_kind"),
        fact("Campaign staff on the ground", staff, "campaign_staff_on_ground", "staff_location"),
        fact("Has held political office", office, "has_held_office"),
    ]


def build_profile(
    candidate: Candidate, latest: dict[str, list], *, state: AsOf | None = None
) -> Profile:
    """Number the sources in page order; `candidate` comes from `profile_queryset()`, and
    `latest` holds the first rows of each part (`selectors.latest_parts`), each with the
    part's `part_total`; for a version of the profile, both come from candidates.versions,
    with their citations as they were at `state`'s moment (the other apps' sections are read
    as they were too)."""
    notes = SourceNotes()
    by_field = notes.cite_by_field(candidate.citations.all())
    profile = Profile(
        candidate=candidate,
        notes=notes,
        key_facts=_key_facts(candidate, by_field),
        summary_notes=by_field.get("summary", []) + by_field.get("item", []),
    )
    for name, part in PARTS.items():
        items = latest[name]
        for item in items:
            item.notes = notes.cite(item.citations.all())
        total = items[0].part_total if items else 0
        profile.parts[name] = ShownPart(part, items, total, part.url(candidate))
    for name, reader in _section_readers.items():
        if state is None:
            profile.sections[name] = reader.read(candidate, notes)
        else:
            profile.sections[name] = reader.as_of(candidate, notes, state)
    if state is None:
        notes.load_bylines()  # a version's sources have theirs as they were (AsOf.cite)
    return profile
