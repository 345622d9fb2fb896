"""Registers sources with the citation desk: a source is cited as itself."""

from newsroom.citations import registry

from .models import Source

registry.register(
    "source",
    label="Source",
    model=Source,
    published=lambda: Source.objects.published(),
    sources=lambda source: Source.objects.published().filter(pk=source.pk),
)
