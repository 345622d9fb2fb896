"""Template helpers for the public reader site: absolute URLs, JSON-LD script blocks, source
note markers and bylines."""

import json

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from newsroom.site_address import absolute

register = template.Library()

# Inside <script>, only these characters can end the block or open a comment. Three
# `str.replace` calls: `str.translate` with a table walks the payload in Python-level
# steps, a few milliseconds for a profile's JSON-LD.
_SCRIPT_SAFE = (("&", "\\u0026"), ("<", "\\u003C"), (">", "\\u003E"))


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
    payload = json.dumps(data, ensure_ascii=False, sort_keys=False)
    for character, escaped in _SCRIPT_SAFE:
        payload = payload.replace(character, escaped)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag
def notes(markers) -> str:
    """The source note markers of one value ("[1][2]", `newsroom.footnotes.Note`s), each a
    link to its entry in the page's source list; nothing when the value has none. A tag,
    not an include: a profile or contest page draws a hundred of them. Each ends with the
    newline the include it replaced had, so pages stay byte for byte the same."""
    if not markers:
        return "\n"
    links = format_html_join(
        "",
        '<a href="#source-{}" aria-label="Source {}: {}">[{}]</a>',
        ((note.number, note.number, note.label, note.number) for note in markers),
    )
    return format_html('<sup class="notes">{}</sup>\n', links)


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
