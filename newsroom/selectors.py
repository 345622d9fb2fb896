"""Public reads of outlets, sources and citations, for every app's pages."""

from django.db.models import Prefetch

from .models import Citation, Source


def public_citations():
    """Current citations (of the values shown now, newsroom.cited_values) whose source is
    public, with the source and outlet a footnote shows."""
    # `Citation.objects` reads current citations only.
    return Citation.objects.published().select_related("source__outlet")


def prefetch_citations(lookup: str = "citations") -> Prefetch:
    """Prefetch a model's public citations, for any model with a `citations` relation."""
    return Prefetch(lookup, queryset=public_citations())


def public_sources():
    return Source.objects.published().select_related("outlet").prefetch_related("contributors")


def latest_sources(limit: int):
    return public_sources()[:limit]
