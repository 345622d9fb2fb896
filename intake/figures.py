"""Figures in an article's paragraphs: votes, shares, ballots, reporting %, delegates, ages,
money and staff counts, each with the person it is about when the text says so.

Rules (docs/intake.md): a number is read in digits or in words up to ninety-nine; its kind
comes from the words around it ("votes", "%" … "reporting", "ballots", "delegates … at
stake", "-year-old", "$", "staffers"); approximations ("fewer than 100") and margins ("by
11 votes") are not figures of a field and are left out. The person is the one named
nearest before the number in its sentence (a pronoun stands for the sentence's subject or
the person last written about); the contest is chosen later, from the year the paragraph
names or the article's own year.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from newsroom.provenance import TENS_WORDS, UNIT_WORDS

from .people import Person, name_pattern

_UNITS, _TENS = UNIT_WORDS, TENS_WORDS
_WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:-(?:"
    + "|".join(_UNITS[1:10])
    + r"))?|"
    + "|".join(_UNITS)
    + r")"
)
NUMBER = r"(\d[\d,]*(?:\.\d+)?|" + _WORD_NUMBER + r")"
#: A sum of dollars as articles write it: "$5 million", "$500,000".
MONEY = r"\$\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion))?"
_APPROXIMATE = re.compile(
    r"\b(less than|fewer than|more than|under|over|nearly|about|almost|by|a mere|just)\s+$",
    re.IGNORECASE,
)


@dataclass
class ProposedFigure:
    paragraph: int
    # votes, share, ballots, reporting, delegates_at_stake, age, money, self_funding, staff
    kind: str
    value: Decimal
    words: str
    passage: str
    person: Person | None
    year: int | None


def number_value(words: str) -> Decimal:
    words = words.lower().replace(",", "")
    if words[:1].isdigit():
        return Decimal(words)
    if "-" in words:
        tens, unit = words.split("-")
        return Decimal(20 + 10 * _TENS.index(tens) + _UNITS.index(unit))
    if words in _TENS:
        return Decimal(20 + 10 * _TENS.index(words))
    return Decimal(_UNITS.index(words))


_REPORTING = r"\s+of\s+(?:the\s+)?(?:expected\s+)?(?:vote|precincts)\s+(?:is\s+)?reporting"
_PATTERNS = [
    (
        "reporting",
        re.compile(
            NUMBER + r"\s?(?:%|percent)" + _REPORTING,
            re.I,
        ),
    ),
    (
        "share",
        re.compile(
            NUMBER + r"\s?(?:%|percent)(?!" + _REPORTING + ")",
            re.I,
        ),
    ),
    ("ballots", re.compile(NUMBER + r"\s+ballots", re.I)),
    (
        "delegates_at_stake",
        re.compile(NUMBER + r"\s+delegates\s+(?:were|are|is|was)\s+at\s+stake", re.I),
    ),
    ("age", re.compile(NUMBER + r"-year-old", re.I)),
    ("money", re.compile(f"({MONEY})")),
    (
        "staff",
        re.compile(
            NUMBER
            + r"\s+(?:full[- ]time\s+)?(?:campaign\s+)?"
            + r"(?:staffers|staff members|employees|aides)\b",
            re.I,
        ),
    ),
    ("votes", re.compile(NUMBER + r"\s+votes\b", re.I)),
    (
        "votes",
        re.compile(
            r"\b(?:won|earned|garnered|received|got|came \w+ with)\s+"
            + NUMBER
            + r"\b(?!\s*(?:%|percent|delegates|votes|ballots|years))",
            re.I,
        ),
    ),
]
_AGES = re.compile(r"ages, at " + NUMBER + r" and " + NUMBER)
_OWN_AGE = re.compile(r"\bage, which [\w ]+? (?:was|is) " + NUMBER)
_SELF_FUNDING = re.compile(r"\b(loan|loaned|lent|self-fund|own money)", re.I)
_PRONOUN = re.compile(r"\b([Hh]e|[Hh]is|[Ss]he|[Hh]er)\b")
_VOTING = re.compile(r"\b(votes|ballots)\b")
_CONTEST_KINDS = ("ballots", "reporting", "delegates_at_stake")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def money_value(words: str) -> Decimal:
    number, _, scale = words.lstrip("$").partition(" ")
    value = Decimal(number.replace(",", ""))
    return value * {"": 1, "million": 10**6, "billion": 10**9}[scale]


def _about(sentence: str, names: list, position: int, kind: str, subject):
    """The person a figure at `position` is about (see the module's rule)."""
    before = [(at, person) for at, person in names if at < position]
    pronouns = [m.start() for m in _PRONOUN.finditer(sentence, 0, position)]
    if kind == "age" and before:
        at, person = before[-1]
        gap = sentence[at:position].removeprefix(person.full_name).removeprefix(person.family_name)
        if re.fullmatch(r",? an?\s*", gap):
            return person
    if pronouns and (not before or pronouns[-1] > before[-1][0]):
        return subject
    if before:
        return before[-1][1]
    return subject if kind in ("age", "money", "staff") else None


def _named_first(sentence: str, names: list) -> bool:
    pronoun = _PRONOUN.search(sentence)
    return bool(names) and not (pronoun and pronoun.start() < names[0][0])


def _sentence_figures(sentence: str, names: list, subject) -> list[tuple]:
    """(kind, value, words, person) of each figure of one sentence."""
    found, taken = [], set()
    for kind, regex in _PATTERNS:
        for match in regex.finditer(sentence):
            if match.start(1) in taken:
                continue
            if kind in ("votes", "share", "staff") and _APPROXIMATE.search(
                sentence[: match.start()]
            ):
                continue
            if kind == "votes" and match.group(0)[:1].isalpha() and not _VOTING.search(sentence):
                continue
            taken.add(match.start(1))
            if kind == "money":
                value = money_value(match.group(1))
                kind = "self_funding" if _SELF_FUNDING.search(sentence) else "money"
            else:
                value = number_value(match.group(1))
            person = (
                None
                if kind in _CONTEST_KINDS
                else _about(sentence, names, match.start(), kind, subject)
            )
            found.append((kind, value, match.group(0), person))
    for match in _AGES.finditer(sentence):
        before = [person for at, person in names if at < match.start()]
        for person, words in zip(before[-2:], match.groups(), strict=False):
            found.append(("age", number_value(words), words, person))
    for match in _OWN_AGE.finditer(sentence):
        found.append(("age", number_value(match.group(1)), match.group(0), subject))
    return found


def find_figures(paragraphs: list[str], people: list[Person]) -> list[ProposedFigure]:
    """Every figure of the article, para. 1 first."""
    pattern, owners = name_pattern(people)
    proposals, referent = [], None
    for number, text in enumerate(paragraphs, start=1):
        year_match = _YEAR.search(text)
        year = int(year_match.group(1)) if year_match else None
        for sentence in _SENTENCE_BREAK.split(text):
            names = (
                [(m.start(), owners[m.group(1)]) for m in pattern.finditer(sentence)]
                if pattern
                else []
            )
            subject = names[0][1] if _named_first(sentence, names) else referent
            for kind, value, words, person in _sentence_figures(sentence, names, subject):
                proposals.append(ProposedFigure(number, kind, value, words, sentence, person, year))
            if _named_first(sentence, names):
                referent = names[0][1]
    return proposals
