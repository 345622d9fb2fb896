"""Search building blocks every app's search uses, what the site search covers, and the
search of sources.

Each app registers its sections of the search page in its `declarations.py`
(`register_section`); the page (search.views) reads them in their declared order.

On PostgreSQL a query is ranked full-text search over a vector that a GIN expression index
holds (see the `*_search_index` migrations, which build the index from the same fields);
elsewhere it falls back to matching every word as a substring. Snippets are escaped editor
text with the matches wrapped in <mark>.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Q, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .models import Source

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
CONFIG = "english"
SOURCE_FIELDS = ("headline", "untitled_description", "standfirst")

# Private-use characters mark matches in PostgreSQL headlines, so the headline can be
# escaped whole before the marks become HTML.
_START, _STOP = "\ue000", "\ue001"


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    snippet: SafeString
    detail: str = ""


@dataclass(frozen=True)
class Section:
    label: str
    #: finder(query, limit=…) -> list[Hit], reading only published rows.
    finder: Callable[..., list[Hit]]
    #: Where the section comes on the page: lower first.
    order: int


_sections: dict[str, Section] = {}


def register_section(label: str, finder: Callable[..., list[Hit]], *, order: int) -> None:
    """Add a section to the search page; called from an app's `declarations.py`."""
    _sections[label] = Section(label, finder, order)


def sections() -> list[Section]:
    """The search page's sections, in page order."""
    return sorted(_sections.values(), key=lambda section: section.order)


def search_vector(*fields: str) -> SearchVector:
    """The vector that the GIN indexes hold; queries must use exactly this expression."""
    return SearchVector(*fields, config=CONFIG)


def words_of(query: str) -> list[str]:
    return query.split()[:MAX_WORDS]


def stored_document(table: str, column: str = "search_document") -> RawSQL:
    """A generated tsvector column that a migration added (PostgreSQL only)."""
    return RawSQL(f'"{table}"."{column}"', [], output_field=SearchVectorField())


def matching(
    queryset: QuerySet, fields: tuple[str, ...], query: str, *, shown, stored: bool = False
):
    """Rows matching `query`, best first; on PostgreSQL each has a `search_headline` of `shown`.

    With `stored`, the model's table has a generated `search_document` column holding
    exactly `search_vector(*fields)`, read instead of computing the vector per row.
    """
    if connection.vendor == "postgresql":
        search_query = SearchQuery(query, search_type="websearch", config=CONFIG)
        if stored:
            vector = stored_document(queryset.model._meta.db_table)
        else:
            vector = search_vector(*fields)
        return (
            queryset.annotate(document=vector)
            .filter(document=search_query)
            .annotate(
                rank=SearchRank(vector, search_query),
                search_headline=SearchHeadline(
                    shown,
                    search_query,
                    config=CONFIG,
                    start_sel=_START,
                    stop_sel=_STOP,
                    highlight_all=True,
                ),
            )
            .order_by("-rank", "pk")
        )
    condition = Q()
    for word in words_of(query):
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return queryset.filter(condition).order_by("pk")


def snippet(row, text: str, query: str) -> SafeString:
    """The highlighted text of a row from `matching()`; `text` is what `shown` reads."""
    headline = getattr(row, "search_headline", None)
    if connection.vendor == "postgresql" and headline is not None:
        return mark_safe(escape(headline).replace(_START, "<mark>").replace(_STOP, "</mark>"))
    return highlight(text, words_of(query))


def highlight(text: str, words: list[str]) -> SafeString:
    """Escaped text with each case-insensitive occurrence of a word wrapped in <mark>."""
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(format_html("<mark>{}</mark>", match.group()))
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


def search_sources(query: str, *, limit: int) -> list[Hit]:
    rows = matching(
        Source.objects.published().select_related("outlet"),
        SOURCE_FIELDS,
        query,
        shown=Concat(
            "headline",
            Value(" "),
            "untitled_description",
            Value(" "),
            "standfirst",
            output_field=TextField(),
        ),
    )[:limit]
    return [
        Hit(
            row.title,
            row.get_absolute_url(),
            snippet(row, " ".join(filter(None, [row.title, row.standfirst])), query),
            row.outlet.name,
        )
        for row in rows
    ]
