"""A candidate's public profile: key facts, career, platform, quotes and facts, each with
numbered source notes, plus sections other apps supply.

Candidates cannot import results, so results registers a reader for the contest history
(`register_section`, in results/declarations.py); each reader gets the candidate and the
page's `SourceNotes`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from newsroom.footnotes import Note, SourceNotes

from .models import Candidate

NOT_REPORTED = "not reported"

_section_readers: dict[str, Callable[[Candidate, SourceNotes], object]] = {}


def register_section(name: str, reader: Callable[[Candidate, SourceNotes], object]) -> None:
    _section_readers[name] = reader


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
    sections: dict[str, object] = field(default_factory=dict)


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


def build_profile(candidate: Candidate) -> Profile:
    """Number the sources in page order; `candidate` comes from `profile_queryset()`."""
    notes = SourceNotes()
    by_field = notes.cite_by_field(candidate.citations.all())
    profile = Profile(
        candidate=candidate,
        notes=notes,
        key_facts=_key_facts(candidate, by_field),
        summary_notes=by_field.get("summary", []) + by_field.get("item", []),
    )
    for part in ("career", "platform", "quotes", "facts"):
        for item in getattr(candidate, part).all():
            item.notes = notes.cite(item.citations.all())
    for name, reader in _section_readers.items():
        profile.sections[name] = reader(candidate, notes)
    notes.load_bylines()
    return profile
