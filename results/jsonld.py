"""schema.org description of a contest (Event)."""

from newsroom.jsonld import absolute, graph, iso_date, news_article
from newsroom.models import Source

from .models import Contest


def event(contest: Contest, sources: list[Source]) -> dict:
    data = {
        "@type": "Event",
        "name": contest.name,
        "url": absolute(contest.get_absolute_url()),
        "location": {
            "@type": "Place",
            "name": contest.jurisdiction.name,
            "url": absolute(contest.jurisdiction.get_absolute_url()),
        },
        "organizer": {"@type": "PoliticalParty", "name": contest.party.name},
        "eventStatus": "https://schema.org/EventScheduled",
        "subjectOf": [news_article(source) for source in sources],
    }
    if contest.held_on:
        data["startDate"] = iso_date(contest.held_on, contest.held_on_precision)
    if contest.summary:
        data["description"] = contest.summary
    return graph(data)
