"""Quotes in an article's paragraphs: the quoted words, who said them, and where.

Rules (docs/intake.md): a quote is the text between a pair of quotation marks, typographic
(“…”) or straight ("…"); two quotes split by a short attribution (`die," he said. "But`)
are one quote. Its speaker is, in this order: the person named (or the pronoun) in the
attribution after it, the first person named in its sentence before it, or, for a
paragraph that is only the quote, the person last named in the paragraph before. A
pronoun stands for the nearest person named before it in its sentence, else the last
person a sentence was about. "<Surname> campaign official/spokesperson" speaks for that
candidate. A quote starting in lower case is a fragment; a short run of capitalised words
is a title ("Lesser-Known Candidate Forum"), not a quote.
"""

import re
from dataclasses import dataclass

from .people import Person, name_pattern

_OPENERS = {"“": "”", '"': '"'}
_SPEECH = re.compile(
    r"\b(said|says|told|tells|added|adding|wrote|writes|states|stated|posted|called|"
    r"calling|saying|according to|admits|claims|touted|lauded|supports|reported)\b"
)
_PRONOUN = re.compile(r"\b([Hh]e|[Hh]is|[Ss]he|[Hh]er)\b")
_ROLE = r"(spokesperson|spokesman|spokeswoman|officials?|aides?|advisers?|manager)"
_UNNAMED = re.compile(r"\b(?:[Cc]ampaign )?" + _ROLE + r"\b")
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "St", "Jr", "Sr")
_JOIN_ATTRIBUTION = re.compile(r"^\s*([\w’'. ]{1,40}?)\s+(said|says|added|wrote)\.\s*$")


@dataclass
class ProposedQuote:
    paragraph: int
    text: str
    passage: str
    speaker: Person | None
    speaker_name: str
    is_partial: bool
    start: int
    end: int


@dataclass
class _Mark:
    start: int  # the opening mark
    end: int  # one past the closing mark

    def inner(self, text: str) -> str:
        return text[self.start + 1 : self.end - 1]


def _marks(text: str) -> list[_Mark]:
    marks, index = [], 0
    while index < len(text):
        closer = _OPENERS.get(text[index])
        if closer:
            close = text.find(closer, index + 1)
            if close == -1:
                break
            marks.append(_Mark(index, close + 1))
            index = close + 1
            continue
        index += 1
    return marks


def _masked(text: str, marks: list[_Mark]) -> str:
    """The paragraph with quoted words blanked, so names inside quotes are never speakers."""
    chars = list(text)
    for mark in marks:
        for index in range(mark.start + 1, mark.end - 1):
            chars[index] = " "
    return "".join(chars)


def _sentences(text: str, marks: list[_Mark]) -> list[tuple[int, int]]:
    """Sentence spans, ending at . ! ? outside quotes (or a quote ending in one) before a
    capital, never after a short abbreviation."""
    masked = _masked(text, marks)
    ends = {mark.end for mark in marks if text[mark.end - 2] in ".!?"}
    spans, start = [], 0
    for index, char in enumerate(masked):
        boundary = char in ".!?" or (index + 1 in ends and char in '”"')
        if not boundary:
            continue
        rest = text[index + 1 :]
        if not re.match(r"\s+[A-Z“\"]", rest):
            continue
        word = re.search(r"(\w+)\.$", masked[start : index + 1])
        if word and (word.group(1) in _ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        spans.append((start, index + 1))
        start = index + 1
    spans.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]


class _Speakers:
    """Finds speaker cues in masked text and resolves pronouns."""

    def __init__(self, people: list[Person]):
        self.pattern, self.owners = name_pattern(people)
        self.referent: Person | None = None

    def cues(self, masked: str, start: int, end: int):
        """(position, person or None, label, kind) of each cue in masked[start:end]."""
        found = []
        if self.pattern:
            for match in self.pattern.finditer(masked, start, end):
                person = self.owners[match.group(1)]
                campaign = re.match(
                    r"(?:’s|'s)? campaign(?: " + _ROLE + r")?", masked[match.end() : end]
                )
                if campaign:
                    role = campaign.group(1) or _role_in(masked[start:end]) or ""
                    label = f"{person.family_name} campaign {role}".strip()
                    found.append((match.start(), person, label, "campaign"))
                else:
                    found.append((match.start(), person, person.full_name, "name"))
        for match in _PRONOUN.finditer(masked, start, end):
            found.append((match.start(), None, match.group(1), "pronoun"))
        for match in _UNNAMED.finditer(masked, start, end):
            if not any(f[0] <= match.start() < f[0] + 40 and f[3] == "campaign" for f in found):
                found.append((match.start(), None, match.group(0), "unnamed"))
        return sorted(found, key=lambda cue: cue[0])

    def resolve(self, cue, masked: str, sentence_start: int):
        position, person, label, kind = cue
        if kind != "pronoun":
            return person, label
        before = [c for c in self.cues(masked, sentence_start, position) if c[3] == "name"]
        if before:
            return before[-1][1], before[-1][2]
        if self.referent:
            return self.referent, self.referent.full_name
        return None, ""


def _role_in(text: str) -> str:
    match = re.search(r"\bcampaign " + _ROLE, text)
    return match.group(1) if match else ""


def _joined(text: str, marks: list[_Mark]) -> list[list[_Mark]]:
    """Quotes as runs of marks: a quote split by a short attribution is one quote."""
    runs: list[list[_Mark]] = []
    for mark in marks:
        if runs:
            last = runs[-1][-1]
            between = text[last.end : mark.start]
            first_inner, next_inner = last.inner(text), mark.inner(text)
            if (
                first_inner.endswith(",")
                and next_inner[:1].isupper()
                and _JOIN_ATTRIBUTION.match(between)
            ):
                runs[-1].append(mark)
                continue
        runs.append([mark])
    return runs


def _is_title(words: str) -> bool:
    tokens = re.findall(r"[\w’'-]+", words)
    return 0 < len(tokens) <= 6 and all(token[:1].isupper() for token in tokens)


def find_quotes(paragraphs: list[str], people: list[Person]) -> list[ProposedQuote]:
    """Every quote of the article, para. 1 first, each with its speaker when one is found."""
    speakers = _Speakers(people)
    proposals = []
    previous_subject: Person | None = None
    for number, text in enumerate(paragraphs, start=1):
        marks = _marks(text)
        masked = _masked(text, marks)
        runs = _joined(text, marks)
        last_subject = None
        for s_start, s_end in _sentences(text, marks):
            sentence_runs = [run for run in runs if s_start <= run[0].start < s_end]
            for run in sentence_runs:
                inner = [mark.inner(text) for mark in run]
                words = (
                    " ".join(
                        part.rstrip(",") + ("." if i < len(inner) - 1 else "")
                        for i, part in enumerate(inner)
                    )
                    if len(inner) > 1
                    else inner[0]
                )
                words = words.strip()
                if not words or _is_title(words):
                    continue
                person, label = _speaker_of(
                    speakers, text, masked, marks, run, s_start, s_end, previous_subject
                )
                proposals.append(
                    ProposedQuote(
                        paragraph=number,
                        text=words,
                        passage=text[s_start:s_end].strip(),
                        speaker=person,
                        speaker_name=label,
                        is_partial=words[:1].islower() or words[:1] == "(",
                        start=run[0].start,
                        end=run[-1].end,
                    )
                )
            cues = speakers.cues(masked, s_start, s_end)
            if cues:
                person, _label = speakers.resolve(cues[0], masked, s_start)
                if cues[0][3] in ("name", "pronoun") and person:
                    speakers.referent = person
                    last_subject = person
        previous_subject = last_subject or speakers.referent
    return proposals


def _speaker_of(speakers, text, masked, marks, run, s_start, s_end, previous_subject):
    following = [mark.start for mark in marks if mark.start >= run[-1].end]
    post_end = min([s_end, *following])
    post = masked[run[-1].end : post_end]
    if _SPEECH.search(post[:60]):
        cues = speakers.cues(masked, run[-1].end, post_end)
        if cues:
            return speakers.resolve(cues[0], masked, s_start)
    for mark in run[1:]:
        cues = speakers.cues(masked, run[0].end, mark.start)
        if cues:
            return speakers.resolve(cues[0], masked, s_start)
    cues = speakers.cues(masked, s_start, run[0].start)
    if cues:
        return speakers.resolve(cues[0], masked, s_start)
    if not masked.strip(' “”"') and previous_subject:
        return previous_subject, previous_subject.full_name
    cues = speakers.cues(masked, run[-1].end, s_end)
    if cues:
        return speakers.resolve(cues[0], masked, s_start)
    return None, ""
