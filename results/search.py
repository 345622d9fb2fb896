"""What site search finds of results: contests, the facts reported about them and the
places that hold them (registered in declarations.py; newsroom.search ranks them with every
other kind).

The fields and weights here are the ones the stored `search_document` columns are built
from (migration 0010_stored_search_documents): change both together.
"""

from newsroom.search import Hit, SearchKind

from .models import ContestFact
from .selectors import public_contests, public_jurisdictions

CONTESTS = SearchKind(
    key="contest",
    label="Contests",
    singular="Contest",
    published=public_contests,
    fields={"A": ("name",), "B": ("summary",), "C": ("office", "held_on_as_reported")},
    shown=("summary",),
    hit=lambda row, snippet: Hit(
        row.name, row.get_absolute_url(), snippet, row.get_count_status_display()
    ),
    order=40,
)

CONTEST_FACTS = SearchKind(
    key="contest-fact",
    label="Contest facts",
    singular="Contest fact",
    published=ContestFact.objects.published,
    fields={"B": ("statement",)},
    shown=("statement",),
    hit=lambda row, snippet: Hit(
        f"About {row.contest.name}",
        f"{row.contest.get_absolute_url()}#contest-facts-heading",
        snippet,
    ),
    related=("contest",),
    order=45,
)

PLACES = SearchKind(
    key="place",
    label="Places",
    singular="Place",
    published=public_jurisdictions,
    fields={"A": ("name",), "B": ("description",)},
    shown=("description",),
    hit=lambda row, snippet: Hit(row.name, row.get_absolute_url(), snippet, row.get_kind_display()),
    order=48,
)
