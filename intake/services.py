"""Saving an intake: the source with its text, and the kept quotes as drafts with their
citations, in one transaction. Every row records that it came from article intake."""

from django.db import transaction
from django.utils.text import slugify

from candidates.models import Quote
from newsroom.models import Citation, Contributor, Source

CHANGE_SOURCE = "from article intake"


def _unique_slug(title: str) -> str:
    base = slugify(title)[:180] or "source"
    slug, number = base, 1
    while Source.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _tracked(row):
    row._change_source = CHANGE_SOURCE
    row._change_reason = "Added by article intake"
    return row


@transaction.atomic
def save_intake(*, article: dict, quotes: list[dict]) -> Source:
    """Create the (draft) source and the kept quotes (drafts), each cited with its pinpoint
    and passage; a kept quote already in the newsroom gets a new citation instead. Nothing
    is published."""
    source = _tracked(
        Source(
            outlet=article["outlet"],
            headline=article["headline"],
            untitled_description=article["untitled_description"],
            standfirst=article["standfirst"],
            published_on=article["published_on"],
            published_on_precision=article["published_on_precision"] or "",
            url=article["url"],
            article_text=article["text"],
            slug=_unique_slug(article["headline"] or article["untitled_description"]),
        )
    )
    source.full_clean()
    source.save()
    for position, name in enumerate(n.strip() for n in article["contributors"].splitlines()):
        if name:
            _tracked(Contributor(source=source, name=name, position=position)).save()
    for kept in quotes:
        quote = kept.get("existing")
        if quote is None:
            quote = _tracked(
                Quote(
                    candidate=kept["candidate"],
                    text=kept["text"],
                    is_partial=kept["is_partial"],
                    speaker_name=kept["speaker_name"],
                )
            )
            quote.save()
        _tracked(
            Citation(
                source=source,
                content_object=quote,
                pinpoint=f"para. {kept['paragraph']}",
                quoted_passage=kept["passage"],
            )
        ).save()
    return source
