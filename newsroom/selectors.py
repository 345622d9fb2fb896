"""Public reads of outlets, sources and citations, for every app's pages."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q

from .models import Citation, Source


def public_citations():
    """Current citations (of the values shown now, newsroom.cited_values) whose source is
    public, with the source and outlet a footnote shows."""
    # `Citation.objects` reads current citations only.
    return Citation.objects.published().select_related("source__outlet")


def prefetch_citations(lookup: str = "citations") -> Prefetch:
    """Prefetch a model's public citations, for any model with a `citations` relation."""
    return Prefetch(lookup, queryset=public_citations())


def attach_citations(*groups) -> None:
    """Give every row of `groups` (lists of rows of any models with `citations`: a
    candidate, its quotes, its facts…) its public citations, as `prefetch_citations()`
    would, in one query for them all where a prefetch takes one per model."""
    rows = [row for group in groups for row in group]
    if not rows:
        return
    types = ContentType.objects.get_for_models(*{type(row) for row in rows})
    wanted = defaultdict(set)
    for row in rows:
        wanted[types[type(row)].pk].add(row.pk)
    condition = Q()
    for content_type, pks in wanted.items():
        condition |= Q(content_type_id=content_type, object_id__in=sorted(pks))
    found = defaultdict(list)
    for citation in public_citations().filter(condition):
        found[citation.content_type_id, citation.object_id].append(citation)
    for row in rows:
        citations = row.citations.all()
        citations._result_cache = found[types[type(row)].pk, row.pk]
        citations._prefetch_done = True
        row._prefetched_objects_cache = getattr(row, "_prefetched_objects_cache", {})
        row._prefetched_objects_cache["citations"] = citations


def public_sources():
    return Source.objects.published().select_related("outlet").prefetch_related("contributors")


def latest_sources(limit: int):
    return public_sources()[:limit]
