"""Search of candidates, quotes and facts, for the site search."""

from newsroom.search import Hit, matching, snippet

from .models import Fact, Quote
from .selectors import public_candidates

CANDIDATE_FIELDS = ("full_name", "summary", "occupation", "hometown")
QUOTE_FIELDS = ("text", "speaker_name", "context")
FACT_FIELDS = ("statement",)


def search_candidates(query: str, *, limit: int) -> list[Hit]:
    rows = matching(public_candidates(), CANDIDATE_FIELDS, query, shown="summary")[:limit]
    return [
        Hit(row.full_name, row.get_absolute_url(), snippet(row, row.summary, query), row.occupation)
        for row in rows
    ]


def search_quotes(query: str, *, limit: int) -> list[Hit]:
    queryset = Quote.objects.published().select_related("candidate")
    rows = matching(queryset, QUOTE_FIELDS, query, shown="text", stored=True)[:limit]
    return [
        Hit(
            str(row),
            row.get_absolute_url(),
            snippet(row, row.text, query),
            row.said_on_display or row.said_when_as_reported,
        )
        for row in rows
    ]


def search_facts(query: str, *, limit: int) -> list[Hit]:
    queryset = Fact.objects.published().select_related("candidate")
    rows = matching(queryset, FACT_FIELDS, query, shown="statement")[:limit]
    return [
        Hit(
            f"Fact about {row.candidate.full_name}",
            row.get_absolute_url(),
            snippet(row, row.statement, query),
        )
        for row in rows
    ]
