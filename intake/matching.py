"""Proposals already in the newsroom: a proposed quote whose words an existing quote of the
same candidate holds (another outlet reporting it) is proposed as a new citation of that
quote, not a duplicate."""

import re

from candidates.models import Quote


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("’", "'").lower())


def _holds(outer: list[str], inner: list[str]) -> bool:
    return bool(inner) and any(
        outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1)
    )


def existing_quote(text: str, candidate_id: int) -> int | None:
    """The pk of the candidate's quote with these words (one within the other), or None.
    Only quotes sharing the proposal's longest word are read, so the cost does not grow
    with the candidate's quotes."""
    words = _words(text)
    if not words:
        return None
    longest = max((w for w in re.findall(r"[A-Za-z]+", text)), key=len, default="")
    rows = Quote.objects.filter(candidate_id=candidate_id, text__icontains=longest).values_list(
        "pk", "text"
    )[:50]
    for pk, quote_text in rows:
        existing = _words(quote_text)
        if _holds(words, existing) or _holds(existing, words):
            return pk
    return None
