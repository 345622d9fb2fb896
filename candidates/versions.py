"""Quote and fact version permalinks as their pages read then: the words, the speaker or
candidate as named then, and the footnotes with the sources as they were, built from the
histories (newsroom.editorial.as_of) and drawn by the pages' own bodies
(`candidates/quote_detail.html#quote_body`, `candidates/fact_detail.html#fact_body`).

Declared in candidates/declarations.py (`versions.register_page`). A fixed number of queries
whatever the number of citations.
"""

from newsroom.editorial.as_of import attach
from newsroom.editorial.versions import VersionPage
from newsroom.footnotes import item_notes
from newsroom.models import Outlet

from .models import Candidate


def quote_version(page: VersionPage) -> dict:
    quote = _with_candidate(page)
    attach([quote], "venue_outlet", page.state.by_pk(Outlet, [quote.venue_outlet_id]))
    page.state.cite([quote])
    return {"quote": quote, "sources": item_notes(quote).sources}


def fact_version(page: VersionPage) -> dict:
    fact = _with_candidate(page)
    page.state.cite([fact])
    return {"fact": fact, "sources": item_notes(fact).sources}


def _with_candidate(page: VersionPage):
    """The version's item with its candidate as named then (public now: the item is)."""
    item = page.item
    attach([item], "candidate", page.state.by_pk(Candidate, [item.candidate_id]))
    if item.candidate is None:  # not public then under this record: name it as it is now
        item.candidate = page.current.candidate
    return item
