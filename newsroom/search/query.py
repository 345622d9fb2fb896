"""What a reader types in the search box, read as PostgreSQL's `websearch_to_tsquery` reads
it: words all must match, "a quoted phrase" matches those words in that order, -word leaves
out what holds it, and `or` between two terms takes either.

PostgreSQL is given the text itself; this reading is for what the database cannot do for
us: the substring search of SQLite, the highlighting there, knowing that a query only
excludes, and the words whose spelling a suggestion may correct. Words are compared
*folded*: lower case, accents taken off ("José" and "jose" are one word), as the
`english_unaccent` text search configuration compares them on PostgreSQL.
"""

import re
import unicodedata
from dataclasses import dataclass

#: Longer searches are refused with a message: nobody types more into a search box.
MAX_QUERY_LENGTH = 200
#: Terms past this many are ignored by the substring search.
MAX_TERMS = 8

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def fold(text: str) -> str:
    """Lower case without accents: how search compares words."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words_in(text: str) -> list[str]:
    """The words of `text` as written (letters, digits, inner apostrophes)."""
    return _WORD.findall(text)


@dataclass(frozen=True)
class Term:
    """One word, or a phrase, as typed; `words` are folded."""

    typed: tuple[str, ...]
    negated: bool = False
    phrase: bool = False

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(fold(word) for word in self.typed)


@dataclass(frozen=True)
class Query:
    text: str
    #: Every clause must match; a clause matches when any of its terms does.
    clauses: tuple[tuple[Term, ...], ...]

    @property
    def terms(self) -> list[Term]:
        return [term for clause in self.clauses for term in clause]

    @property
    def looks_for_something(self) -> bool:
        """False when the query only leaves things out (`-palmer`) or has no word at all."""
        return any(not term.negated for term in self.terms)

    def positive_words(self) -> list[str]:
        """The folded words the query looks for, each once, in order."""
        words = [word for term in self.terms if not term.negated for word in term.words]
        return list(dict.fromkeys(words))

    def with_words_replaced(self, replacements: dict[str, str]) -> str:
        """The query text with each typed word whose folded form is a key replaced."""

        def replace(match: re.Match) -> str:
            return replacements.get(fold(match.group()), match.group())

        return _WORD.sub(replace, self.text)


def clean(text: str) -> str:
    # NUL cannot travel to PostgreSQL; nobody types it on purpose.
    return text.replace("\x00", "").strip()


def parse(text: str) -> Query:
    clauses: list[list[Term]] = []
    join_next = False
    for match in _TOKEN.finditer(text):
        minus, quoted, bare = match.groups()
        if quoted is not None:
            term = Term(tuple(words_in(quoted)), negated=bool(minus), phrase=True)
        elif bare.casefold() == "or":
            join_next = bool(clauses)
            continue
        else:
            negated = bare.startswith("-")
            term = Term(tuple(words_in(bare.lstrip("-"))), negated=negated)
        if not term.typed:
            continue
        if join_next:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        join_next = False
    return Query(text, tuple(tuple(clause) for clause in clauses[:MAX_TERMS]))
