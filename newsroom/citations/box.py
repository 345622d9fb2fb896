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
from .csl import citation_items
from .render import STYLES, Entry, render_entries

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


def styled(items: list[dict]) -> list[dict]:
    """[{style, label, entries}] in the order the styles are offered."""
    rendered = render_entries(items)
    return [
        {"style": key, "label": STYLES[key].label, "entries": entries}
        for key, entries in rendered.items()
    ]


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
        data = {
            "kind": kind,
            "pk": obj.pk,
            "label": citable.cite_label,
            "note": citable.note(obj) if citable.note else "",
            "styles": [
                {**group, "entries": [vars(entry) for entry in group["entries"]]}
                for group in styled(citation_items(citable, obj))
            ],
        }
        cache.set(key, data, BOX_TIMEOUT)
    return {
        **data,
        "styles": [
            {**group, "entries": [Entry(**entry) for entry in group["entries"]]}
            for group in data["styles"]
        ],
    }
