"""Who an article can name: the newsroom's candidates, as patterns the parsers look for.

A person is found by full name, by surname, or by a known variant (the speaker names
their existing quotes carry, e.g. a campaign's own name).
"""

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    key: int
    full_name: str
    family_name: str
    party: str = ""
    variants: tuple[str, ...] = field(default=())

    def names(self) -> list[str]:
        names = {self.full_name, self.family_name, *self.variants}
        return sorted((name for name in names if name), key=len, reverse=True)


def name_pattern(people: list[Person]) -> tuple[re.Pattern | None, dict[str, Person]]:
    """One regex matching any person's names (longest first), and each name's person."""
    owners = {}
    for person in people:
        for name in person.names():
            owners.setdefault(name, person)
    if not owners:
        return None, owners
    names = sorted(owners, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(name) for name in names) + r")\b")
    return pattern, owners


def newsroom_people() -> list[Person]:
    """The candidates of the newsroom, with the speaker names of their quotes as variants."""
    from candidates.models import Candidate, Quote

    variants: dict[int, set[str]] = {}
    for candidate_id, speaker in Quote.objects.values_list(
        "candidate_id", "speaker_name"
    ).distinct():
        variants.setdefault(candidate_id, set()).add(speaker)
    return [
        Person(
            key=candidate.pk,
            full_name=candidate.full_name,
            family_name=candidate.family_name,
            party=candidate.party.adjective if candidate.party_id else "",
            variants=tuple(
                sorted(v for v in variants.get(candidate.pk, ()) if " campaign " not in f" {v} ")
            ),
        )
        for candidate in Candidate.objects.select_related("party")
    ]
