"""Registers quotes, facts and candidate profiles with the citation desk (newsroom.citations).

A quote or fact is cited as the articles that reported it, with a note of what they
reported: for a quote, the speaker, where it was said and the verbatim words.
"""

from newsroom.citations import registry
from newsroom.citations.registry import published_sources_citing

from .models import Candidate, Fact, Quote

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


def candidate_sources(candidate: Candidate):
    return published_sources_citing(
        candidate,
        candidate.quotes.published(),
        candidate.facts.published(),
        candidate.career.published(),
        candidate.platform.published(),
    )


registry.register(
    "quote",
    label="Quote",
    model=Quote,
    published=lambda: Quote.objects.published().select_related("venue_outlet"),
    sources=published_sources_citing,
    note=quote_note,
)
registry.register(
    "fact",
    label="Fact",
    model=Fact,
    published=lambda: Fact.objects.published().select_related("candidate"),
    sources=published_sources_citing,
    note=lambda fact: f"{fact.candidate}: {fact.statement}",
)
registry.register(
    "candidate",
    label="Candidate profile",
    model=Candidate,
    published=lambda: Candidate.objects.published(),
    sources=candidate_sources,
    page_title=lambda candidate: candidate.full_name,
)
