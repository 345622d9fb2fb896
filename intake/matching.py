"""Proposals already in the newsroom: a proposed quote whose words an existing quote of the
same candidate holds (another outlet reporting it) is proposed as a new citation of that
quote, not a duplicate."""

import operator
import re
from functools import reduce

from django.db.models import Q

from candidates.models import Quote


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("’", "'").lower())


def _holds(outer: list[str], inner: list[str]) -> bool:
    return bool(inner) and any(
        outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1)
    )


def existing_quotes(proposals: list[tuple[str, int | None]]) -> list[int | None]:
    """For each (words, candidate pk) proposal, the pk of the candidate's quote with these
    words (one within the other), or None. One query for the whole review page: it reads
    only the quotes of the proposals' candidates that share a proposal's longest word, at
    most 50 a proposal, so the cost grows neither with the newsroom's quotes nor by a
    query a proposal."""
    wanted = []
    for text, candidate_id in proposals:
        longest = max(re.findall(r"[A-Za-z]+", text), key=len, default="")
        if candidate_id is not None and longest and _words(text):
            wanted.append(Q(candidate_id=candidate_id, text__icontains=longest))
    if not wanted:
        return [None] * len(proposals)
    rows = Quote.objects.filter(reduce(operator.or_, wanted)).order_by("pk")
    by_candidate: dict[int, list[tuple[int, list[str]]]] = {}
    for candidate_id, pk, quote_text in rows.values_list("candidate_id", "pk", "text")[
        : 50 * len(wanted)
    ]:
        by_candidate.setdefault(candidate_id, []).append((pk, _words(quote_text)))
    found = []
    for text, candidate_id in proposals:
        words = _words(text)
        found.append(
            next(
                (
                    pk
                    for pk, existing in by_candidate.get(candidate_id, ())
                    if words and (_holds(words, existing) or _holds(existing, words))
                ),
                None,
            )
        )
    return found
