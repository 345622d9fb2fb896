"""The provenance checks: does a citation's source say what the citation claims it says?

Three checks, pure functions of the item, its citations and the sources' text on file
(`Source.article_text`, split into numbered paragraphs by newsroom.paragraphs):

- **passage**: where the source's text is on file, a citation's quoted passage is in the
  paragraph its pinpoint names (in the whole text when the pinpoint names no paragraph).
- **quote**: the verbatim text of an item whose policy names one (`EditorialPolicy.
  verbatim_field`, a candidate's quote) is in at least one of its cited passages (the
  quoted passage, or the pinpointed paragraph when none is quoted). Typographic quotes and
  apostrophes, whitespace and a closing punctuation mark are normalised; a marked ellipsis
  ("…", "...", "[…]") in a full quote stands for words left out, in order, and an
  attribution the article put inside it (`die," he said. "But`) is left out; a fragment
  (`EditorialPolicy.fragment_field`, `is_partial`) must be found as it is.
- **number**: a citation of a number field (votes, shares, ballots, reporting %,
  delegates, ages, money) finds the item's value in its passage written some way ("51",
  "fifty-one", "56%", "56 percent", "$500,000"), unless the citation says how the figure
  was derived (`Citation.derivation`).

A check with nothing to compare (no passage and no text on file) is not a failure: there
is nothing to check. Beside the checks, **uncited fields**: a field a model declares
readers see with its own footnote (`EditorialPolicy.cited_fields`) that holds a value no
citation supports (`uncited_fields`, `why_fields_uncited`: the publish step refuses an item
with one, or whose rows have one, a contest's results). A failed check refuses publishing
(newsroom.editorial.workflow asks `why_checks_fail`) with the reason, unless an editor
wrote on the citation why it stands (`Citation.check_override_reason`, with who and
when). Editors see each citation's result on the item's citation inline and the citation
admin (newsroom.admin).

Nothing here imports another app: what is verbatim and what is a number comes from the
item's declared policy and its model's fields.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from .editorial.policy import policy_of
from .paragraphs import cited_paragraphs, paragraph_numbers, split_paragraphs

PASSAGE, QUOTE, NUMBER = "passage", "quote", "number"

_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\u2026": "...",
    }
)
_SPACE = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\s*(?:\[\s*\.\.\.\s*\]|\.\.\.)\s*")
_CLOSING = " \"'.,;:!?"
#: A quote the article splits around its attribution: `die," he said. "But` reads `die. But`.
_ATTRIBUTION = re.compile(r"[,.]\"\s[^\"]{1,80}?[.,:]\s\"")


@dataclass(frozen=True)
class Finding:
    """One failed check: which, of which citation (None: of the item), the form field the
    reason belongs to, the reason, and whether an editor's written reason overrides it."""

    check: str
    citation: object
    field: str
    message: str
    overridden: bool = False


def normalise(text: str) -> str:
    """Straight quotes and apostrophes, "..." for an ellipsis, single spaces."""
    return _SPACE.sub(" ", (text or "").translate(_TYPOGRAPHIC)).strip()


def _trimmed(text: str) -> str:
    return normalise(text).strip(_CLOSING)


def contains_words(haystack: str, words: str) -> bool:
    """Whether `words` are in `haystack`, quotes, apostrophes and whitespace normalised."""
    return _trimmed(words) in normalise(haystack)


def quote_found(quote: str, passage: str, *, fragment: bool = False) -> bool:
    """Whether the verbatim `quote` is in `passage`: a fragment as it is, a full quote with
    each marked ellipsis standing for words left out (the pieces in order)."""
    passage = normalise(passage)
    if not fragment:
        passage = _ATTRIBUTION.sub(". ", passage)
    if fragment:
        return bool(_trimmed(quote)) and _trimmed(quote) in passage
    pieces = [piece.strip(_CLOSING) for piece in _ELLIPSIS.split(normalise(quote))]
    pieces = [piece for piece in pieces if piece]
    if not pieces:
        return False
    start = 0
    for piece in pieces:
        found = passage.find(piece, start)
        if found < 0:
            return False
        start = found + len(piece)
    return True


# Numbers as written.

#: Numbers in words, as the provenance checks read them (and article intake, intake/figures.py).
UNIT_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNITS = {word: value for value, word in enumerate(UNIT_WORDS)}
_TENS = {word: 10 * value for value, word in enumerate(TENS_WORDS, start=2)}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?")
_SCALED_DIGITS = re.compile(r"(\d+(?:\.\d+)?)\s+(thousand|million|billion)\b", re.IGNORECASE)


def _word_numbers(text: str) -> set[Decimal]:
    """Numbers written in words: "six", "fifty-one", "twenty-five", "two hundred"."""
    found: set[Decimal] = set()
    total = current = 0
    in_number = after_scale = False
    for word in [*_WORD.findall(text.lower().replace("-", " ")), ""]:
        if word in _UNITS or word in _TENS:
            current += _UNITS.get(word, 0) + _TENS.get(word, 0)
            in_number, after_scale = True, False
        elif word in _SCALES and in_number:
            if word == "hundred":
                current *= 100
            else:
                total += current * _SCALES[word]
                current = 0
            after_scale = True
        elif word == "and" and after_scale:
            # "two hundred and five"
            after_scale = False
        elif in_number:
            found.add(Decimal(total + current))
            total = current = 0
            in_number = after_scale = False
    return found


def written_numbers(text: str) -> set[Decimal]:
    """Every number `text` writes, in digits ("51", "500,000", "56%", "$1.5 million") or in
    words ("fifty-one")."""
    text = normalise(text)
    found = {Decimal(match.replace(",", "")) for match in _DIGITS.findall(text)}
    for number, scale in _SCALED_DIGITS.findall(text):
        found.add(Decimal(number) * _SCALES[scale.lower()])
    return found | _word_numbers(text)


def number_found(value, text: str) -> bool:
    """Whether `value` is written somewhere in `text`."""
    try:
        wanted = Decimal(str(value))
    except InvalidOperation:
        return False
    return any(number == wanted for number in written_numbers(text))


# The checks of one citation and of one item.


def _label(citation) -> str:
    outlet = citation.source.outlet.name if citation.source.outlet_id else str(citation.source)
    return f"{outlet} {citation.pinpoint}".strip()


def _source_paragraphs(source, cache: dict | None = None) -> list[str] | None:
    """The numbered paragraphs of `source`'s text on file (None: none on file), from
    `cache` (by source id) when it holds them."""
    if cache is not None and source.pk in cache:
        return cache[source.pk]
    if not source.article_text:
        return None
    paragraphs = split_paragraphs(
        source.article_text, headline=source.headline, standfirst=source.standfirst
    )
    if cache is not None:
        cache[source.pk] = paragraphs
    return paragraphs


def _cited_text(citation, paragraphs: list[str] | None) -> str | None:
    """The text the citation points at on file: its paragraphs, or the whole text when the
    pinpoint names no paragraph; None when the text is not on file or the pinpoint points
    past its end."""
    if paragraphs is None:
        return None
    if not paragraph_numbers(citation.pinpoint):
        return " ".join(paragraphs)
    cited = cited_paragraphs(paragraphs, citation.pinpoint)
    return None if cited is None else " ".join(cited)


def _number_field(item, name: str) -> bool:
    if not name:
        return False
    try:
        field = item._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return isinstance(field, models.IntegerField | models.DecimalField | models.FloatField)


def check_citation(citation, item=None, *, cache: dict | None = None) -> list[Finding]:
    """The failed passage and number checks of `citation` (of `item`, its cited item)."""
    item = item if item is not None else citation.content_object
    overridden = bool(citation.check_override_reason.strip())
    findings = []
    paragraphs = _source_paragraphs(citation.source, cache)
    passage = citation.quoted_passage.strip()
    if paragraphs is not None and (passage or paragraph_numbers(citation.pinpoint)):
        cited = _cited_text(citation, paragraphs)
        if cited is None:
            findings.append(
                Finding(
                    PASSAGE,
                    citation,
                    "pinpoint",
                    f"{_label(citation)} is past the end of the text on file "
                    f"({len(paragraphs)} paragraphs)",
                    overridden,
                )
            )
        elif passage and not contains_words(cited, passage):
            findings.append(
                Finding(
                    PASSAGE,
                    citation,
                    "quoted_passage",
                    f"{_label(citation)} does not contain these words",
                    overridden,
                )
            )
    if item is not None and _number_field(item, citation.field_name):
        value = getattr(item, citation.field_name)
        evidence = passage or _cited_text(citation, paragraphs) or ""
        derived = bool(citation.derivation.strip())
        if value is not None and evidence and not derived and not number_found(value, evidence):
            where = "its passage" if passage else _label(citation)
            findings.append(
                Finding(
                    NUMBER,
                    citation,
                    "quoted_passage",
                    f"{_label(citation)}: {citation.field_name.replace('_', ' ')} "
                    f"{_plain(value)} is not written in {where}; quote the words that "
                    "give it, or say how it was derived",
                    overridden,
                )
            )
    return findings


def _plain(value) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def check_quote(item, citations, *, cache: dict | None = None) -> list[Finding]:
    """The quote check of `item` when its policy names a verbatim field: found in at least
    one of its cited passages."""
    policy = policy_of(item)
    if not policy.verbatim_field:
        return []
    text = getattr(item, policy.verbatim_field, "") or ""
    fragment = bool(policy.fragment_field and getattr(item, policy.fragment_field, False))
    passages = []
    for citation in citations:
        passage = citation.quoted_passage.strip()
        if not passage:
            passage = _cited_text(citation, _source_paragraphs(citation.source, cache)) or ""
        if passage:
            passages.append((citation, passage))
    if not text.strip() or not passages:
        return []
    if any(quote_found(text, passage, fragment=fragment) for _, passage in passages):
        return []
    labels = ", ".join(_label(citation) for citation, _ in passages)
    return [
        Finding(
            QUOTE,
            None,
            policy.verbatim_field,
            f"{labels}: no cited passage contains this quote word for word",
            any(citation.check_override_reason.strip() for citation, _ in passages),
        )
    ]


def check_item(item) -> list[Finding]:
    """Every failed check of `item` and its citations, overridden or not."""
    if not hasattr(item, "citations") or item.pk is None:
        return []
    citations = list(item.citations.select_related("source__outlet"))
    cache: dict = {}
    findings = []
    for citation in citations:
        findings += check_citation(citation, item, cache=cache)
    return findings + check_quote(item, citations, cache=cache)


def holds_value(item, name: str) -> bool:
    """Whether `item`'s field `name` holds a value a source must give: not empty ("not
    reported") and not the field's default, what the desk shows before any source speaks
    (a contest "Scheduled", an outcome "Not determined")."""
    field = item._meta.get_field(name)
    value = getattr(item, field.attname)
    if value in (None, ""):
        return False
    return not (field.has_default() and value == field.get_default())


def uncited_fields(item, citations=None) -> list[str]:
    """The declared cited fields of `item` that hold a value no citation supports (a
    citation giving another value, `value_as_reported`, supports nothing shown)."""
    names = policy_of(item).cited_fields or ()
    if not names or item.pk is None:
        return [name for name in names if holds_value(item, name)]
    if citations is None:
        citations = item.citations.all()
    supported = {c.field_name for c in citations if not c.value_as_reported}
    return [name for name in names if name not in supported and holds_value(item, name)]


def owned_rows(item):
    """The rows shown on `item`'s page that declare cited fields of their own (a contest's
    results), found through the reverse relations their policies name as owner."""
    for relation in item._meta.related_objects:
        policy = policy_of(relation.related_model)
        if relation.one_to_many and policy.cited_fields and policy.owner == relation.field.name:
            yield from getattr(item, relation.get_accessor_name()).prefetch_related("citations")


def _field_label(item, name: str) -> str:
    return str(item._meta.get_field(name).verbose_name)


def why_fields_uncited(item) -> str:
    """Why `item` may not be published for fields readers would see with no footnote, its
    own or its rows' (a contest's results), or "" when every one is cited."""
    if item.pk is None:
        return ""
    missing = [
        f"{', '.join(_field_label(item, name) for name in names)}"
        for names in [uncited_fields(item)]
        if names
    ]
    for row in owned_rows(item):
        names = uncited_fields(row, row.citations.all())
        if names:
            labels = ", ".join(_field_label(row, name) for name in names)
            missing.append(f"{labels} of the {row._meta.verbose_name} “{row}”")
    if not missing:
        return ""
    return f"has no source for {'; '.join(missing)}: cite each before publishing"


def why_checks_fail(item) -> str:
    """Why `item` may not be published for its citations' checks, or "" when none fails
    without an editor's written reason."""
    failing = [finding.message for finding in check_item(item) if not finding.overridden]
    if not failing:
        return ""
    return "fails its source checks: " + "; ".join(failing)
