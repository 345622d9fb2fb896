"""`{% published_versions item as name %}`: an item's citable versions, for the public
"Earlier versions" list (templates/newsroom/editorial/_versions.html)."""

from django import template

from newsroom.editorial.versions import citable_versions

register = template.Library()


@register.simple_tag
def published_versions(item):
    """Newest first, at most versions.LIST_LIMIT; empty for anything not public."""
    if item is None or not hasattr(item, "_meta"):
        return []
    return citable_versions(item)
