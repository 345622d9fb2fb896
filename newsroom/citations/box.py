"""The Cite box shown on every public page, cached so a page view costs no query and no pandoc.

A box is cached under a generation number that any save or delete of a cited model bumps,
and for a few minutes at most, so a scheduled item going live shows up without a save.
"""

import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from newsroom.bulk import rows_written
from newsroom.models import Citation, Contributor, Outlet, Source

from . import registry
from .csl import citations_of
from .render import STYLES, Entry, render_all

GENERATION_KEY = "citations:generation"
BOX_TIMEOUT = 60 * 10


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        cache.add(GENERATION_KEY, value, None)
    return value


def bump_generation(**kwargs) -> None:
    cache.set(GENERATION_KEY, time.time_ns(), None)


def invalidate_on_change() -> None:
    """Connect every model a citation reads to the generation bump."""
    models = {Source, Outlet, Contributor, Citation}
    models.update(registry.get(kind).model for kind in registry.kinds())
    for model in models:
        uid = f"citations-box-{model._meta.label_lower}"
        post_save.connect(bump_generation, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(bump_generation, sender=model, weak=False, dispatch_uid=uid)
        rows_written.connect(bump_generation, sender=model, weak=False, dispatch_uid=uid)


def styled(items: list[dict], uses=()) -> list[dict]:
    """[{style, label, citation_label, entries, citations}] in the order the styles are
    offered: the reference-list entry of each work, and each use cited with its locator."""
    return [
        {
            "style": key,
            "label": STYLES[key].label,
            "citation_label": STYLES[key].citation_label,
            "entries": entries,
            "citations": citations,
        }
        for key, (entries, citations) in render_all(items, list(uses)).items()
    ]


def attributions(uses) -> list[str]:
    """The ready-to-paste attribution line of each use that has one, once each."""
    return [*dict.fromkeys(use.attribution for use in uses if use.attribution)]


def cite_box(kind: str, pk) -> dict | None:
    """What the Cite box shows for one item, or None when it is not published."""
    key = f"citations:box:{generation()}:{kind}:{pk}"
    data = cache.get(key)
    if data is None:
        try:
            citable = registry.get(kind)
            obj = citable.published().filter(pk=pk).first()
        except (registry.UnknownKind, ValueError, TypeError):
            return None
        if obj is None:
            return None
        citations = citations_of(citable, obj)
        data = {
            "kind": kind,
            "pk": obj.pk,
            "label": citable.cite_label,
            "note": citable.note(obj) if citable.note else "",
            "attributions": attributions(citations.uses),
            "styles": [
                {
                    **group,
                    "entries": [vars(entry) for entry in group["entries"]],
                    "citations": [vars(entry) for entry in group["citations"]],
                }
                for group in styled(citations.items, citations.uses)
            ],
        }
        cache.set(key, data, BOX_TIMEOUT)
    return {
        **data,
        "styles": [
            {
                **group,
                "entries": [Entry(**entry) for entry in group["entries"]],
                "citations": [Entry(**entry) for entry in group["citations"]],
            }
            for group in data["styles"]
        ],
    }
