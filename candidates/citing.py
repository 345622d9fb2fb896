"""Tells the source page which public candidate rows cite a source, and how to link them."""

from newsroom import citing

from .models import Candidate, CareerEntry, Fact, PlatformPosition, Quote
from .selectors import public_candidates


def _on_profile(anchor: str):
    return lambda item: f"{item.candidate.get_absolute_url()}#{anchor}-{item.pk}"


citing.register(Candidate, label="Candidate", public=public_candidates)
citing.register(
    CareerEntry,
    label="Career",
    public=lambda: CareerEntry.objects.published().select_related("candidate"),
    describe=lambda item: f"{item.candidate}: {item}",
    url=_on_profile("career"),
)
citing.register(
    PlatformPosition,
    label="Platform",
    public=lambda: PlatformPosition.objects.published().select_related("candidate"),
    url=_on_profile("platform"),
)
citing.register(
    Quote,
    label="Quote",
    public=lambda: Quote.objects.published().select_related("candidate"),
)
citing.register(
    Fact,
    label="Fact",
    public=lambda: Fact.objects.published().select_related("candidate"),
    describe=lambda item: f"{item.candidate}: {item}",
)
