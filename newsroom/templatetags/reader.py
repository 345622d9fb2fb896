"""Template helpers for the public reader site: absolute URLs and JSON-LD script blocks."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from newsroom.site_address import absolute

register = template.Library()

# Inside <script>, only these characters can end the block or open a comment.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


@register.filter
def absolute_url(path: str) -> str:
    return absolute(path)


@register.filter
def web_url(value: str) -> str:
    """The URL if it is an http(s) address, else "": stored text never becomes a script link."""
    value = (value or "").strip()
    return value if value.lower().startswith(("https://", "http://")) else ""


@register.simple_tag
def json_ld(data: dict) -> str:
    """A JSON-LD script block; editor text cannot close the script element."""
    payload = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_SCRIPT_SAFE)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


_CREDITS = {
    "author": "By {}",
    "contributor": "{} contributed reporting",
    "wire": "{} contributed (wire)",
    "editor": "Edited by {}",
}


@register.filter
def credit(contributor) -> str:
    """A contributor as a byline reads: “By Jane Doe”, “MJ Lee contributed reporting”."""
    return _CREDITS.get(contributor.role, "{}").format(contributor.name)
