"""The vocabulary of searched text, and "Did you mean …?" from it.

Every word of every searched field is kept once in `SearchWord` (folded, with its written
form), added as items are saved (`record`, connected to `post_save` and to newsroom.bulk's
`rows_written` for each searched model) and by the migrations for rows already there
(newsroom.search.documents). Words are never removed: a stale or draft-only word costs
nothing, because a suggestion is only offered after the corrected search has found
something public.

Finding the nearest spellings of a typed word reads the vocabulary, never the searched
text: on PostgreSQL the trigram index answers `word <-> typed` nearest first (pg_trgm), for
all the query's words in one statement; elsewhere the words sharing the first letter are
compared in Python. Among the candidates the fewest edits win (a swap of two letters is one
edit: "Plamer" is one edit from "Palmer"), then words seen in names and titles, then
trigram nearness.
"""

from collections.abc import Iterable

from django.apps import apps as django_apps
from django.db import connection

from ..models import SearchWord
from .documents import backfill_vocabulary
from .query import fold, words_in

#: Nearest spellings read per typed word.
CANDIDATES = 8
#: Words shorter than this are neither recorded nor corrected.
MIN_LENGTH = 3
MAX_LENGTH = SearchWord._meta.get_field("word").max_length


def vocabulary_of(texts_by_prominence: Iterable[tuple[bool, str]]) -> dict[str, tuple[str, bool]]:
    """{folded word: (written form, prominent)} of texts, each marked prominent or not."""
    words: dict[str, tuple[str, bool]] = {}
    for prominent, text in texts_by_prominence:
        for written in words_in(text or ""):
            key = fold(written)
            if not MIN_LENGTH <= len(key) <= MAX_LENGTH or key.isdigit():
                continue
            seen = words.get(key)
            if seen is None or (prominent and not seen[1]):
                words[key] = (written, prominent)
    return words


def save_words(words: dict[str, tuple[str, bool]]) -> None:
    """Add words not yet known; a word now seen in a name becomes prominent."""
    rows = [
        SearchWord(word=key, display=written, prominent=prominent)
        for key, (written, prominent) in words.items()
    ]
    plain = [row for row in rows if not row.prominent]
    names = [row for row in rows if row.prominent]
    if plain:
        SearchWord.objects.bulk_create(plain, ignore_conflicts=True, batch_size=1000)
    if names:
        SearchWord.objects.bulk_create(
            names,
            update_conflicts=True,
            unique_fields=["word"],
            update_fields=["display", "prominent"],
            batch_size=1000,
        )


def record(kind, instances: Iterable) -> None:
    """Add the words of `instances` of a searched kind (only the fields they hold loaded)."""

    def texts():
        for instance in instances:
            for weight, fields in kind.fields.items():
                for name in fields:
                    value = instance.__dict__.get(name)
                    if value:
                        yield weight == "A", str(value)

    save_words(vocabulary_of(texts()))


def record_all(kind) -> None:
    """Add the words of every row of a kind, in any state (after a load that bypassed
    `save()` and newsroom.bulk, such as the bench newsroom's)."""
    backfill_vocabulary(django_apps, kind.model._meta.label, kind.fields)


def corrections(words: list[str]) -> dict[str, str]:
    """{typed folded word: suggested written word} for the words the vocabulary does not
    hold but holds a near spelling of. One query."""
    typed = [word for word in words if MIN_LENGTH <= len(word) <= MAX_LENGTH]
    if not typed:
        return {}
    nearest = _nearest(typed)
    suggested = {}
    for word in typed:
        candidates = nearest.get(word, [])
        if any(candidate == word for candidate, _, _ in candidates):
            continue
        allowed = 1 if len(word) <= 4 else 2
        scored = [
            (edits(word, candidate), not prominent, order, display)
            for order, (candidate, display, prominent) in enumerate(candidates)
        ]
        scored = [score for score in scored if score[0] <= allowed]
        if scored:
            suggested[word] = min(scored)[3]
    return suggested


def _nearest(words: list[str]) -> dict[str, list[tuple[str, str, bool]]]:
    """The nearest spellings the vocabulary holds of each word, nearest first."""
    table = SearchWord._meta.db_table
    found: dict[str, list[tuple[str, str, bool]]] = {}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                SELECT typed.word, near.word, near.display, near.prominent
                FROM unnest(%s::text[]) WITH ORDINALITY AS typed(word, position)
                CROSS JOIN LATERAL (
                    SELECT word, display, prominent FROM {table}
                    ORDER BY word <-> typed.word LIMIT %s
                ) AS near
                ORDER BY typed.position
                """,
                [words, CANDIDATES],
            )
            for typed, word, display, prominent in cursor.fetchall():
                found.setdefault(typed, []).append((word, display, prominent))
        return found
    initials = {word[0] for word in words}
    rows = SearchWord.objects.filter(word__regex=f"^[{''.join(sorted(initials))}]").values_list(
        "word", "display", "prominent"
    )
    for word, display, prominent in rows:
        for typed in words:
            if word[0] == typed[0] and abs(len(word) - len(typed)) <= 2:
                found.setdefault(typed, []).append((word, display, prominent))
    return found


def edits(a: str, b: str) -> int:
    """Edits from `a` to `b`: insertions, deletions, substitutions and swaps of neighbours
    (optimal string alignment distance)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]
