"""One search over everything public: the kinds every app declares, ranked in one list.

Each app registers its searched kinds in its `declarations.py` (`register_kind`): the
published query set, the fields searched with their weight (A for names and titles, B for
what is said, C for the rest), the fields a snippet shows and how a row reads as a hit.
`search()` then answers a query in a fixed number of statements, however large the
newsroom:

1. one statement: each kind's *ranking window*, its newest matches (by id, at most
   `SEARCH_RANKING_WINDOW`, and one more to know there are more) with their rank, found
   once (a UNION ALL in a materialised common table expression), counted by kind (the
   facets: "500+" past the window) and one page of them (of every kind or of the one
   asked for) ranked together, as (kind, id) pairs; what a search reads stops growing with
   the newsroom at the window, and a reader narrows a common word with another;
2. the rows of that page, one query per kind on it, with their highlighted snippets
   (ts_headline is costly: only the page's rows get one);
3. when little matches, "Did you mean …?": the vocabulary's nearest spellings (one query,
   newsroom.search.vocabulary) and whether the corrected search finds more (one query that
   stops at the first few), offered only when it does, so a word only drafts hold is
   never suggested.

Every count and page reads only the kinds' `published()` query sets: a draft, an
unpublished or scheduled item, or an item whose parent readers cannot see, never counts.

On PostgreSQL each searched table has a stored, generated `search_document` column (its
migration builds it from the kind's fields and weights with the `english_unaccent` text
search configuration: English stemming, accents ignored) and a GIN index on it; the query
is `websearch_to_tsquery` of the text as typed ("a phrase", -word, or) and the rank is
`ts_rank` of the weighted document. Elsewhere (SQLite) every term is matched as a
substring of the folded fields (newsroom.search.query), ranked by the weight of the fields
it is found in. Snippets are escaped editor text with the matches wrapped in <mark>.
"""

import datetime
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import (
    Case,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from ..bulk import rows_written
from . import vocabulary
from .query import MAX_QUERY_LENGTH, Query, clean, fold, parse

__all__ = [
    "MAX_QUERY_LENGTH",
    "Hit",
    "PageOutOfRange",
    "SearchKind",
    "clean",
    "kind_named",
    "kinds",
    "parse",
    "register_kind",
    "search",
]

#: The text search configuration the stored documents and the queries use (a migration of
#: newsroom creates it: `english` with `unaccent` before stemming).
CONFIG = "english_unaccent"
DOCUMENT_COLUMN = "search_document"
PAGE_SIZE = 20
#: Fewer matches than this, and a corrected spelling is looked for.
SUGGEST_BELOW = 3
#: How much a match counts by the weight of the field it is in (ts_rank's defaults).
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}

# Private-use characters mark matches in PostgreSQL headlines, so the headline can be
# escaped whole before the marks become HTML.
_START, _STOP = "\ue000", "\ue001"


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    snippet: SafeString
    detail: str = ""
    #: The kind's singular label, e.g. "Quote" (set by `search()`).
    kind: str = ""
    #: The kind's key, its `?type=` value, e.g. "quote" (set by `search()`).
    kind_key: str = ""

    @property
    def snippet_text(self) -> str:
        """The snippet as plain text: escaped text with <mark> around the matches, so
        dropping the marks and undoing the escaping gives the editor's words back."""
        return html.unescape(self.snippet.replace("<mark>", "").replace("</mark>", ""))


@dataclass(frozen=True)
class SearchKind:
    #: The `?type=` value, e.g. "quote".
    key: str
    #: Facet label, plural: "Quotes".
    label: str
    #: Singular, shown beside each hit: "Quote".
    singular: str
    #: () -> the kind's published query set.
    published: Callable[[], QuerySet]
    #: Searched fields by weight, e.g. {"A": ("full_name",), "B": ("summary",)}; the
    #: kind's migration builds the stored document from exactly these.
    fields: dict[str, tuple[str, ...]]
    #: Fields whose text the snippet shows, in order.
    shown: tuple[str, ...]
    #: (row, snippet) -> Hit.
    hit: Callable[..., Hit]
    #: Facet order: lower first.
    order: int
    #: Relations the page's rows need for their hits.
    related: tuple[str, ...] = ()

    @cached_property
    def model(self):
        return self.published().model


_kinds: dict[str, SearchKind] = {}


def register_kind(kind: SearchKind) -> None:
    """Add a kind to the search; called from an app's `declarations.py`. Its words go into
    the vocabulary whenever a row is saved, one by one or in bulk."""
    _kinds[kind.key] = kind
    model = kind.model

    searched = {name for names in kind.fields.values() for name in names}

    def saved(sender, instance, raw=False, update_fields=None, **kwargs):
        # A fixture's rows (raw) come with the vocabulary dumped beside them; a save of
        # other fields (a status change) brings no new word.
        if not raw and (update_fields is None or searched & set(update_fields)):
            vocabulary.record(kind, [instance])

    def written(sender, instances, **kwargs):
        vocabulary.record(kind, instances)

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"search-words-{kind.key}")
    rows_written.connect(
        written, sender=model, weak=False, dispatch_uid=f"search-words-bulk-{kind.key}"
    )


def kinds() -> list[SearchKind]:
    """The searched kinds, in facet order."""
    return sorted(_kinds.values(), key=lambda kind: kind.order)


def kind_named(key: str) -> SearchKind | None:
    return _kinds.get(key)


@dataclass
class Facet:
    kind: SearchKind
    #: The kind's matches, at most the ranking window.
    count: int
    #: Whether more match than the window ranks.
    more: bool = False

    @property
    def shown_count(self) -> str:
        """The count as a reader sees it: "12", or "500+" past the window."""
        return _shown_count(self.count, self.more)


def _shown_count(count: int, more: bool) -> str:
    return f"{count:,}+" if more else f"{count:,}"


def ranking_window() -> int:
    """How many matches of each kind a search ranks (the newest, by id)."""
    return settings.SEARCH_RANKING_WINDOW


@dataclass
class Results:
    query: Query
    facets: list[Facet]
    #: The facet asked for (None: every kind).
    kind: SearchKind | None
    page: int
    hits: list[Hit] = field(default_factory=list)
    #: "Did you mean …?": the corrected query text, or "".
    suggestion: str = ""

    @property
    def total(self) -> int:
        """The matches ranked, of every kind (each at most the ranking window)."""
        return sum(facet.count for facet in self.facets)

    @property
    def more(self) -> bool:
        """Whether more match than the ranking window of some kind ranks."""
        return any(facet.more for facet in self.facets)

    @property
    def total_text(self) -> str:
        return _shown_count(self.total, self.more)

    @property
    def shown_facets(self) -> list[Facet]:
        """The facets the list is of: every one, or the one asked for."""
        if self.kind is None:
            return self.facets
        return [facet for facet in self.facets if facet.kind == self.kind]

    @property
    def shown_total(self) -> int:
        return sum(facet.count for facet in self.shown_facets)

    @property
    def capped(self) -> bool:
        """Whether the list shown is of a ranking window, not of every match."""
        return any(facet.more for facet in self.shown_facets)

    @property
    def shown_total_text(self) -> str:
        return _shown_count(self.shown_total, self.capped)

    @property
    def window_text(self) -> str:
        return f"{ranking_window():,}"

    @property
    def pages(self) -> int:
        return max(1, -(-self.shown_total // PAGE_SIZE))

    @property
    def first(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def last(self) -> int:
        return self.first + len(self.hits) - 1


class PageOutOfRange(Exception):
    """The page asked for is past the last one."""


def search(query: Query, *, kind: SearchKind | None = None, page: int = 1) -> Results:
    """The facets, one page of ranked hits and maybe a suggestion for `query`.

    Raises PageOutOfRange for a page past the last."""
    matcher = _matcher(query)
    facets, on_page = _ranked(matcher, kind=kind, page=page)
    results = Results(query, facets, kind, page)
    if page > results.pages:
        raise PageOutOfRange(page)
    results.hits = _hits(matcher, on_page)
    if results.total < SUGGEST_BELOW:
        results.suggestion = _suggestion(query, results.total)
    return results


# The per-database matching ------------------------------------------------------------


class _Matcher:
    """How rows of a kind match a query and how they rank."""

    def __init__(self, query: Query):
        self.query = query

    def matches(self, kind: SearchKind) -> QuerySet:
        raise NotImplementedError

    def rank(self, kind: SearchKind):
        raise NotImplementedError

    def snippet(self, kind: SearchKind, row) -> SafeString:
        raise NotImplementedError

    def with_snippets(self, kind: SearchKind, queryset: QuerySet) -> QuerySet:
        return queryset


def _matcher(query: Query) -> _Matcher:
    if connection.vendor == "postgresql":
        return _FullText(query)
    return _Substrings(query)


def _stored_document(kind: SearchKind) -> RawSQL:
    table = connection.ops.quote_name(kind.model._meta.db_table)
    return RawSQL(f"{table}.{DOCUMENT_COLUMN}", [], output_field=SearchVectorField())


def _shown_text(kind: SearchKind):
    parts = []
    for name in kind.shown:
        if parts:
            parts.append(Value(" "))
        parts.append(Coalesce(F(name), Value(""), output_field=TextField()))
    if len(parts) == 1:
        return parts[0]
    return Concat(*parts, output_field=TextField())


class _FullText(_Matcher):
    def __init__(self, query: Query):
        super().__init__(query)
        self.search_query = SearchQuery(query.text, search_type="websearch", config=CONFIG)

    def matches(self, kind):
        return (
            kind.published()
            .annotate(search_document=_stored_document(kind))
            .filter(search_document=self.search_query)
        )

    def rank(self, kind):
        return SearchRank(_stored_document(kind), self.search_query)

    def with_snippets(self, kind, queryset):
        return queryset.annotate(
            search_headline=SearchHeadline(
                _shown_text(kind),
                self.search_query,
                config=CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_fragments=2,
                min_words=12,
                max_words=30,
                fragment_delimiter=" … ",
            )
        )

    def snippet(self, kind, row):
        return mark_safe(
            escape(row.search_headline).replace(_START, "<mark>").replace(_STOP, "</mark>")
        )


class Folded(Func):
    """Text lower-cased without accents, by `search.query.fold` (registered on each SQLite
    connection as `search_fold`, newsroom.apps)."""

    function = "search_fold"
    output_field = TextField()


def _folded_fields(fields: tuple[str, ...]):
    parts = []
    for name in fields:
        if parts:
            parts.append(Value(" "))
        parts.append(Coalesce(F(name), Value(""), output_field=TextField()))
    return Folded(Concat(*parts, output_field=TextField()) if len(parts) > 1 else parts[0])


class _Substrings(_Matcher):
    """SQLite: each term a substring of the folded fields; a phrase its words in order."""

    def _contains(self, kind: SearchKind, text: str) -> Q:
        q = Q()
        for weight in kind.fields:
            q |= Q(**{f"_search_{weight}__contains": text})
        return q

    def _annotated(self, kind: SearchKind) -> QuerySet:
        return kind.published().annotate(
            **{
                f"_search_{weight}": _folded_fields(fields)
                for weight, fields in kind.fields.items()
            }
        )

    def matches(self, kind):
        condition = Q()
        for clause in self.query.clauses:
            either = Q()
            for term in clause:
                if term.phrase:
                    found = self._contains(kind, " ".join(term.words))
                else:
                    found = Q()
                    for word in term.words:
                        found &= self._contains(kind, word)
                either |= ~found if term.negated else found
            condition &= either
        return self._annotated(kind).filter(condition)

    def rank(self, kind):
        score = Value(0.0)
        for word in self.query.positive_words():
            score = score + Case(
                *(
                    When(**{f"_search_{weight}__contains": word}, then=Value(WEIGHTS[weight]))
                    for weight in sorted(kind.fields)
                ),
                default=Value(0.0),
                output_field=FloatField(),
            )
        return score

    def snippet(self, kind, row):
        text = " ".join(filter(None, (getattr(row, name) for name in kind.shown)))
        return highlight(text, self.query.positive_words())


def highlight(text: str, words: list[str]) -> SafeString:
    """Escaped text with each occurrence of a folded word, in any case and with or
    without accents, wrapped in <mark>."""
    if not words:
        return escape(text)
    # Fold character by character, remembering where each folded character came from.
    folded, origin = [], []
    for index, char in enumerate(text):
        for piece in fold(char):
            folded.append(piece)
            origin.append(index)
    folded_text = "".join(folded)
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))
    pieces, last = [], 0
    for match in pattern.finditer(folded_text):
        start = origin[match.start()]
        stop = origin[match.end() - 1] + 1
        if start < last:
            continue
        pieces.append(escape(text[last:start]))
        pieces.append(format_html("<mark>{}</mark>", text[start:stop]))
        last = stop
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


# The statements -------------------------------------------------------------------------


def _ranked(
    matcher: _Matcher, *, kind: SearchKind | None, page: int
) -> tuple[list[Facet], list[tuple[str, int]]]:
    """The matches of every kind counted, and one page of (kind, id) ranked together (of
    `kind` only, if given), in one statement: each kind's window, its newest matches with
    their rank, is found once (a materialised common table expression) and both read
    from it.

    A kind's window holds one row more than the ranking window, numbered newest first, so
    the count can say "more" without counting further; only the window's rows are ranked,
    so one search reads a bounded number of rows of each kind however large the newsroom."""
    window = ranking_window()
    every = kinds()
    windows, params = _windows(matcher, every, window)
    materialized = "MATERIALIZED" if connection.vendor == "postgresql" else ""
    only_kind = "AND kind = %s" if kind else ""
    statement = f"""
        WITH matches (kind, id, rank, newest) AS {materialized} ({windows})
        SELECT kind, id, 0 FROM (
            SELECT kind, id FROM matches WHERE newest <= %s {only_kind}
            ORDER BY rank DESC, kind, id LIMIT %s OFFSET %s
        ) AS page
        UNION ALL
        SELECT kind, NULL, COUNT(*) FROM matches GROUP BY kind
    """
    params.append(window)
    params += [kind.key] if kind else []
    params += [PAGE_SIZE, (page - 1) * PAGE_SIZE]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    counted = {key: count for key, pk, count in rows if pk is None}
    on_page = [(key, pk) for key, pk, _ in rows if pk is not None]
    facets = []
    for each in every:
        count = counted.get(each.key, 0)
        facets.append(Facet(each, min(count, window), more=count > window))
    return facets, on_page


def _window_parts(matcher: _Matcher, every: list[SearchKind], window: int) -> tuple[str, list]:
    """Each kind's window as one UNION ALL, and its parameters."""
    parts = []
    params: list = []
    for each in every:
        sql, part_params = (
            matcher.matches(each)
            .order_by("-pk")
            .annotate(search_kind=Value(each.key), search_rank=matcher.rank(each))
            .values_list("search_kind", "pk", "search_rank")[: window + 1]
            .query.sql_with_params()
        )
        parts.append(
            f"SELECT part.*, ROW_NUMBER() OVER (ORDER BY part.pk DESC) FROM ({sql}) AS part"
        )
        params.extend(part_params)
    return " UNION ALL ".join(parts), params


@dataclass(frozen=True)
class _Template:
    """The windows' SQL built once, for a stand-in text at one moment, and which of its
    parameters are that text (the query as typed) and which that moment (the "public now"
    of every kind and of its parents); the rest are the same for every search."""

    sql: str
    params: tuple
    texts: tuple[int, ...]
    moments: tuple[int, ...]

    def params_for(self, text: str) -> list:
        params = list(self.params)
        for index in self.texts:
            params[index] = text
        now = timezone.now()
        for index in self.moments:
            params[index] = now
        return params


#: The text the template is built for, to find where the text goes among its parameters;
#: no other parameter holds it (a status, a kind's key). A reader who types it gets the
#: same search as any other text.
_STAND_IN = "\ue002search-template\ue003"
_templates: dict[tuple, _Template | None] = {}


def _windows(matcher: _Matcher, every: list[SearchKind], window: int) -> tuple[str, list]:
    """The windows' SQL and parameters. On PostgreSQL the SQL does not depend on the text
    searched (it is a parameter of `websearch_to_tsquery`), so it is built once per process
    and kind list (`_Template`): building seven kinds' query sets and compiling them cost
    most of a search's time. A template is kept only if every one of its parameters is
    accounted for: the text, the moment it was built at, or a value the same for every
    search (a status); otherwise each search builds its own."""
    if not isinstance(matcher, _FullText):
        return _window_parts(matcher, every, window)
    key = (connection.vendor, tuple(each.key for each in every), window)
    if key not in _templates:
        _templates[key] = _template(every, window)
    template = _templates[key]
    if template is None:
        return _window_parts(matcher, every, window)
    return template.sql, template.params_for(matcher.query.text)


def _template(every: list[SearchKind], window: int) -> _Template | None:
    before = timezone.now()
    sql, params = _window_parts(_FullText(_StandIn()), every, window)
    after = timezone.now()
    texts, moments = [], []
    for index, value in enumerate(params):
        if value == _STAND_IN:
            texts.append(index)
        elif isinstance(value, datetime.datetime):
            if not before <= value <= after:
                return None
            moments.append(index)
        elif isinstance(value, datetime.date | datetime.time) or _STAND_IN in str(value):
            return None
    if not texts:
        return None
    return _Template(sql, tuple(params), tuple(texts), tuple(moments))


@dataclass(frozen=True)
class _StandIn:
    text: str = _STAND_IN


def _hits(matcher: _Matcher, on_page: list[tuple[str, int]]) -> list[Hit]:
    """The hits of a page of (kind, id): one query per kind on it, with snippets."""
    ids: dict[str, list[int]] = {}
    for key, pk in on_page:
        ids.setdefault(key, []).append(pk)
    rows = {}
    for key, pks in ids.items():
        kind = _kinds[key]
        queryset = kind.published().filter(pk__in=pks)
        if kind.related:
            queryset = queryset.select_related(*kind.related)
        for row in matcher.with_snippets(kind, queryset):
            rows[key, row.pk] = row
    hits = []
    for key, pk in on_page:
        row = rows.get((key, pk))
        if row is None:  # unpublished between the two statements
            continue
        kind = _kinds[key]
        hit = kind.hit(row, matcher.snippet(kind, row))
        hits.append(Hit(hit.title, hit.url, hit.snippet, hit.detail, kind.singular, kind.key))
    return hits


def _suggestion(query: Query, total: int) -> str:
    replacements = vocabulary.corrections(query.positive_words())
    if not replacements:
        return ""
    corrected = parse(query.with_words_replaced(replacements))
    if not _finds_more_than(_matcher(corrected), total):
        return ""
    return corrected.text


def _finds_more_than(matcher: _Matcher, number: int) -> bool:
    """Whether more than `number` public items match: one statement that stops reading
    once it has found one more."""
    parts = [matcher.matches(each).order_by().values_list("pk") for each in kinds()]
    found = parts[0].union(*parts[1:], all=True).order_by()[: number + 1]
    return len(found) > number
