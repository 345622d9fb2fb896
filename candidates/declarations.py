"""What candidates contributes to the shared features, in one place: its citable kinds
(for the citation desk, source pages and corrections), how profile, quote and fact version
permalinks read like their pages, its sections of the search page,
the provenance report's filter by candidate, and what each role may do with its models.
Editorial policy is declared on the models.

A quote or fact is cited as the articles that reported it, with a note of what they
reported: for a quote, the speaker, where it was said and the verbatim words.
"""

from newsroom.citations import registry
from newsroom.citations.registry import published_sources_citing
from newsroom.editorial.roles import (
    ALL,
    DRAFTING,
    EDITOR,
    REPORTER,
    RESULTS_CLERK,
    VIEW,
    grant,
)
from newsroom.editorial.versions import register_page as register_version_page
from newsroom.provenance_report import register_filter
from newsroom.search import register_kind

from .models import Candidate, CareerEntry, Fact, Party, PlatformPosition, Quote
from .search import CANDIDATES, FACTS, QUOTES
from .selectors import public_candidates
from .versions import candidate_version, fact_version, quote_version

VENUE_PHRASES = {
    # venue: (with the outlet or platform it was said on or to, without one)
    Quote.Venue.SOCIAL_POST: ("in a post on {outlet}", "in a social media post"),
    Quote.Venue.INTERVIEW: ("in an interview with {outlet}", "in an interview"),
    Quote.Venue.STATEMENT: ("in a statement to {outlet}", "in a statement to the press"),
    Quote.Venue.CAMPAIGN_WEBSITE: ("on {outlet}", "on the campaign website"),
    Quote.Venue.VIDEO: ("in a video on {outlet}", "in a video"),
    Quote.Venue.REMARKS: ("in remarks to {outlet}", "in remarks"),
}


def venue_phrase(quote: Quote) -> str:
    """Where it was said, as far as the sources tell: “in an interview with CNN’s Laura Coates”."""
    outlet = quote.venue_outlet.name if quote.venue_outlet_id else ""
    if outlet == quote.speaker_name:
        outlet = ""  # the campaign's own site speaking: “Palmer for President, on …” says nothing
    if quote.venue == Quote.Venue.INTERVIEW and quote.interviewer:
        outlet = f"{outlet}’s {quote.interviewer}" if outlet else quote.interviewer
    with_outlet, without = VENUE_PHRASES.get(quote.venue, ("", ""))
    phrase = with_outlet.format(outlet=outlet) if outlet and with_outlet else without
    when = quote.said_on_display or quote.said_when_as_reported
    return ", ".join(part for part in (phrase, when) if part)


def quote_note(quote: Quote) -> str:
    speaker = quote.speaker_name
    if quote.speaker_role:
        speaker = f"{speaker} ({quote.speaker_role})"
    venue = venue_phrase(quote)
    attribution = f"{speaker}, {venue}" if venue else speaker
    return f"{attribution}: “{quote.text}”"


def quote_attribution(quote: Quote, source, pinpoint: str) -> str:
    """Who said it, where, as reported by which outlet and where in its article: only what
    the quote's data and its citation give."""
    venue = venue_phrase(quote)
    said = f"{quote.speaker_name} said {venue}" if venue else f"{quote.speaker_name} said"
    return (
        ", ".join(part for part in (said, f"as reported by {source.outlet.name}", pinpoint) if part)
        + "."
    )


def candidate_sources(candidate: Candidate):
    return published_sources_citing(
        candidate,
        candidate.quotes.published(),
        candidate.facts.published(),
        candidate.career.published(),
        candidate.platform.published(),
    )


def _on_profile(anchor: str):
    return lambda item: f"{item.candidate.get_absolute_url()}#{anchor}-{item.pk}"


def _of_candidate(item) -> str:
    return f"{item.candidate}: {item}"


# Citation ---------------------------------------------------------------------------------

registry.register(
    Candidate,
    label="Candidate",
    published=public_candidates,
    kind="candidate",
    desk_label="Candidate profile",
    sources=candidate_sources,
    page_title=lambda candidate: candidate.full_name,
)
registry.register(
    CareerEntry,
    label="Career",
    published=lambda: CareerEntry.objects.published().select_related("candidate"),
    describe=_of_candidate,
    url=_on_profile("career"),
)
registry.register(
    PlatformPosition,
    label="Platform",
    published=lambda: PlatformPosition.objects.published().select_related("candidate"),
    url=_on_profile("platform"),
)
registry.register(
    Quote,
    label="Quote",
    published=lambda: Quote.objects.published().select_related("candidate", "venue_outlet"),
    kind="quote",
    sources=published_sources_citing,
    note=quote_note,
    attribution=quote_attribution,
)
registry.register(
    Fact,
    label="Fact",
    published=lambda: Fact.objects.published().select_related("candidate"),
    describe=_of_candidate,
    kind="fact",
    sources=published_sources_citing,
    note=lambda fact: f"{fact.candidate}: {fact.statement}",
)

# The provenance report ---------------------------------------------------------------------

register_filter("candidate", Candidate)

# Version permalinks -----------------------------------------------------------------------

register_version_page(
    Candidate,
    "candidates/candidate_version.html",
    candidate_version,
    parts={
        CareerEntry: "candidate",
        PlatformPosition: "candidate",
        Quote: "candidate",
        Fact: "candidate",
    },
)
register_version_page(Quote, "candidates/quote_version.html", quote_version)
register_version_page(Fact, "candidates/fact_version.html", fact_version)

# Search -----------------------------------------------------------------------------------

for kind in (CANDIDATES, QUOTES, FACTS):
    register_kind(kind)

# Roles ------------------------------------------------------------------------------------

#: What reporters draft and editors publish.
CONTENT = (Party, Candidate, CareerEntry, PlatformPosition, Quote, Fact)

grant(EDITOR, dict.fromkeys(CONTENT, ALL))
grant(REPORTER, dict.fromkeys(CONTENT, DRAFTING))
# What the contest, result, race call and snapshot pages pick from.
grant(RESULTS_CLERK, {Party: VIEW, Candidate: VIEW})
