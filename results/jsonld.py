"""schema.org descriptions of a contest (Event) and a place (AdministrativeArea)."""

from newsroom.jsonld import absolute, graph, identified, iso_date, news_article
from newsroom.models import Source

from .models import Contest, Jurisdiction


def event(contest: Contest, sources: list[Source], identifiers: list[dict]) -> dict:
    data = {
        "@type": "Event",
        "name": contest.name,
        "url": absolute(contest.get_absolute_url()),
        "location": {
            "@type": "Place",
            "name": contest.jurisdiction.name,
            "url": absolute(contest.jurisdiction.get_absolute_url()),
            "identifier": {
                "@type": "PropertyValue",
                "propertyID": "OCD division id",
                "value": contest.jurisdiction.ocd_id,
            },
        },
        "organizer": {"@type": "PoliticalParty", "name": contest.party.name},
        "eventStatus": "https://schema.org/EventScheduled",
        "subjectOf": [news_article(source) for source in sources],
    }
    if contest.held_on:
        data["startDate"] = iso_date(contest.held_on, contest.held_on_precision)
    if contest.summary:
        data["description"] = contest.summary
    return graph(identified(data, identifiers))


def place(jurisdiction: Jurisdiction, identifiers: list[dict]) -> dict:
    data = {
        "@type": "AdministrativeArea",
        "name": jurisdiction.name,
        "url": absolute(jurisdiction.get_absolute_url()),
    }
    if jurisdiction.description:
        data["description"] = jurisdiction.description
    return graph(identified(data, identifiers))
