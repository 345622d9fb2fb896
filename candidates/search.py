"""What site search finds of candidates: candidates, their quotes and their facts
(registered in declarations.py; newsroom.search ranks them with every other kind).

The fields and weights here are the ones the stored `search_document` columns are built
from (migration 0010_stored_search_documents): change both together.
"""

from newsroom.search import Hit, SearchKind

from .models import Fact, Quote
from .selectors import public_candidates

CANDIDATES = SearchKind(
    key="candidate",
    label="Candidates",
    singular="Candidate",
    published=public_candidates,
    fields={"A": ("full_name",), "B": ("summary", "occupation", "hometown")},
    shown=("summary",),
    hit=lambda row, snippet: Hit(row.full_name, row.get_absolute_url(), snippet, row.occupation),
    order=10,
)

QUOTES = SearchKind(
    key="quote",
    label="Quotes",
    singular="Quote",
    published=Quote.objects.published,
    fields={"B": ("text",), "C": ("speaker_name", "context")},
    shown=("text",),
    hit=lambda row, snippet: Hit(
        str(row),
        row.get_absolute_url(),
        snippet,
        row.said_on_display or row.said_when_as_reported,
    ),
    related=("candidate",),
    order=20,
)

FACTS = SearchKind(
    key="fact",
    label="Facts",
    singular="Fact",
    published=Fact.objects.published,
    fields={"B": ("statement",)},
    shown=("statement",),
    hit=lambda row, snippet: Hit(
        f"Fact about {row.candidate.full_name}", row.get_absolute_url(), snippet
    ),
    related=("candidate",),
    order=30,
)
