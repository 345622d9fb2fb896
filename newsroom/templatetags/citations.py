"""The Cite box tag: `{% cite_box kind pk as box %}` reads the cached box for one item."""

from django import template

from newsroom.citations.box import cite_box as cached_cite_box
from newsroom.citations.formats import FORMATS
from newsroom.citations.render import STYLES

register = template.Library()


@register.simple_tag
def cite_box(kind, pk):
    box = cached_cite_box(kind, pk)
    if box is not None:
        box["formats"] = [fmt for fmt in FORMATS.values() if not fmt.is_styled]
        box["style_choices"] = STYLES.values()
    return box
