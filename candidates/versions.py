"""Profile, quote and fact version permalinks as their pages read then: the words, the
speaker or candidate as named then, and the footnotes with the sources as they were, built
from the histories (newsroom.editorial.as_of) and drawn by the pages' own bodies
(`candidates/candidate_detail.html#profile_body`, `candidates/quote_detail.html#quote_body`,
`candidates/fact_detail.html#fact_body`).

A profile's version is the profile built (candidates.profile.build_profile) from its rows as
they were: the candidate's key facts, the first rows of each part public then and now (a
quote that was a draft then, or is unpublished or deleted since, is not there) with how many
there were, the contest history (results' section, as it was), and every footnote from the
citations that supported those values then.

Declared in candidates/declarations.py (`versions.register_page`). A fixed number of queries
whatever the number of quotes, facts, career entries, platform positions or citations.
"""

from django.conf import settings

from newsroom.editorial.as_of import attach, ordered
from newsroom.editorial.versions import VersionPage
from newsroom.footnotes import item_notes
from newsroom.models import Outlet

from .models import Candidate, Party
from .profile import PARTS, build_profile


def candidate_version(page: VersionPage) -> dict:
    """The profile page's context for this version: the candidate as they were, each part's
    first rows then (and how many), every shown row with the citations it had."""
    state, candidate = page.state, page.item
    attach([candidate], "party", state.by_pk(Party, [candidate.party_id]))
    shown = settings.PROFILE_LATEST_ITEMS
    items, latest = [], {}
    for name, part in PARTS.items():
        rows = state.rows(
            part.model, candidate_id=candidate.pk, public_now=part.model.objects.published()
        )
        latest[name] = ordered(rows, part.ordering)[:shown]
        for row in latest[name]:
            row.part_total = len(rows)  # as selectors.latest_part_rows gives the live page
        items += latest[name]
    quotes = latest["quotes"]
    attach(quotes, "venue_outlet", state.by_pk(Outlet, {q.venue_outlet_id for q in quotes}))
    attach(items, "candidate", {candidate.pk: candidate})
    state.cite([candidate, *items])
    return {"candidate": candidate, "profile": build_profile(candidate, latest, state=state)}


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
