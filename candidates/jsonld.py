"""schema.org descriptions of candidates (Person), quotes (Quotation) and facts (Claim).

Each cited article carries the passages the page cites from it (`newsroom.jsonld`).
"""

from newsroom.jsonld import absolute, graph, identified, iso_date, news_article
from newsroom.models import Source

from .models import Candidate, Fact, Quote


def person(candidate: Candidate, sources: list[Source], identifiers: list[dict]) -> dict:
    data = {
        "@type": "Person",
        "name": candidate.full_name,
        "url": absolute(candidate.get_absolute_url()),
        "subjectOf": [news_article(source) for source in sources],
    }
    if candidate.given_name:
        data["givenName"] = candidate.given_name
    if candidate.family_name:
        data["familyName"] = candidate.family_name
    if candidate.summary:
        data["description"] = candidate.summary
    if candidate.occupation:
        data["jobTitle"] = candidate.occupation
    if candidate.hometown:
        data["homeLocation"] = {"@type": "Place", "name": candidate.hometown}
    if candidate.party:
        data["affiliation"] = {"@type": "PoliticalParty", "name": candidate.party.name}
    if candidate.website:
        data["sameAs"] = [candidate.website]
    return graph(identified(data, identifiers))


def quotation(quote: Quote, sources: list[Source]) -> dict:
    data = {
        "@type": "Quotation",
        "text": quote.text,
        "url": absolute(quote.get_absolute_url()),
        "creator": {"@type": "Person", "name": quote.speaker_name},
        "citation": [news_article(source) for source in sources],
    }
    if quote.speaker_name == quote.candidate.full_name:
        data["creator"]["url"] = absolute(quote.candidate.get_absolute_url())
    if quote.said_on:
        data["dateCreated"] = iso_date(quote.said_on, quote.said_on_precision)
    return graph(data)


def claim(fact: Fact, sources: list[Source]) -> dict:
    data = {
        "@type": "Claim",
        "text": fact.statement,
        "url": absolute(fact.get_absolute_url()),
        "about": {
            "@type": "Person",
            "name": fact.candidate.full_name,
            "url": absolute(fact.candidate.get_absolute_url()),
        },
        "citation": [news_article(source) for source in sources],
    }
    if fact.occurred_on:
        data["temporalCoverage"] = iso_date(fact.occurred_on, fact.occurred_on_precision)
    return graph(data)
