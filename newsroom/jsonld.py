"""schema.org descriptions of sources, for the JSON-LD of every page that cites them.

A source listed by a page's `SourceNotes` carries the passages the page cites from it
(`cited_here`); each with recorded words becomes a `hasPart` CreativeWork whose `text` is
the passage and whose `name` is its pinpoint ("para. 9").
"""

from .dates import date_parts
from .models import Source
from .site_address import absolute


def news_article(source: Source) -> dict:
    article = {
        "@type": "NewsArticle" if source.kind == Source.Kind.NEWS_ARTICLE else "CreativeWork",
        "name": source.title,
        "publisher": {"@type": "Organization", "name": source.outlet.name},
        "mainEntityOfPage": absolute(source.get_absolute_url()),
    }
    if source.headline:
        article["headline"] = source.headline
    if source.url:
        article["url"] = source.url
    if source.published_on:
        article["datePublished"] = iso_date(source.published_on, source.published_on_precision)
    if source.archive_url:
        article["archivedAt"] = source.archive_url
    parts = [
        {"@type": "CreativeWork", "name": passage.pinpoint, "text": passage.text}
        if passage.pinpoint
        else {"@type": "CreativeWork", "text": passage.text}
        for passage in getattr(source, "cited_here", ())
        if passage.text
    ]
    if parts:
        article["hasPart"] = parts
    return article


def iso_date(value, precision: str) -> str:
    """ISO 8601 to the known precision: "2024", "2024-03" or "2024-03-06"."""
    parts = date_parts(value, precision)
    return "-".join([f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])]) if parts else ""


def graph(thing: dict) -> dict:
    return {"@context": "https://schema.org", **thing}


def identified(data: dict, identifiers: list[dict]) -> dict:
    """`data` with the item's ids (newsroom.models.identifiers_of): every one as a
    PropertyValue `identifier`, and the registries' pages in `sameAs` (after any given)."""
    if identifiers:
        data["identifier"] = [
            {"@type": "PropertyValue", "propertyID": row["name"], "value": row["value"]}
            for row in identifiers
        ]
    pages = [row["url"] for row in identifiers if row["url"]]
    if pages:
        data["sameAs"] = [*data.get("sameAs", []), *pages]
    return data
