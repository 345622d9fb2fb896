"""Styled citations in APA 7, Chicago (author-date, and notes and bibliography) and MLA 9,
rendered by pandoc's citeproc.

The styles are the official CSL files in `newsroom/csl/`, applied to the items exactly as
they are exported: no author is added, nothing is rewritten (bar making "<" inert), so the
site's strings are what any CSL processor prints from its own CSL-JSON. Two kinds of string:
reference-list *entries* (one per work) and *citations* of one use of a work with its
locator (APA's "(…, 2024, para. 9)", MLA's "(…, par. 9)", Chicago's note).

Pandoc runs once per batch (every missing string in every style in one process, driven by
`render.lua`), and each string is cached under a digest of what it renders (item, locator)
and the style file: an edited source renders afresh, an unchanged one never spawns pandoc
again.
"""

import functools
import hashlib
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache
from django.utils.safestring import mark_safe

STYLE_DIR = Path(__file__).resolve().parent.parent / "csl"
LUA_SCRIPT = Path(__file__).resolve().parent / "render.lua"
CACHE_TIMEOUT = 60 * 60 * 24 * 30
BATCH_SIZE = 200


@dataclass(frozen=True)
class Style:
    key: str
    label: str
    filename: str
    #: A note style cites in footnotes: its citation of a use is the note's text.
    cites_in_notes: bool = False

    @property
    def citation_label(self) -> str:
        return "Note" if self.cites_in_notes else "In the text"

    @property
    def path(self) -> Path:
        return STYLE_DIR / self.filename

    @functools.cached_property
    def digest(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()

    def prepare(self, item: dict) -> dict:
        return inert_markup(item)


#: A word joiner after "<" keeps the text as it reads but stops citeproc's tag parser, which
#: formats <b>, <i>, <sup>… in fields and takes exponential time on nested unclosed tags.
WORD_JOINER = "\u2060"


def inert_markup(value):
    """`value` with every "<" in its strings made inert for citeproc, recursively."""
    if isinstance(value, str):
        return value.replace("<", "<" + WORD_JOINER)
    if isinstance(value, dict):
        return {key: inert_markup(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [inert_markup(inner) for inner in value]
    return value


STYLES = {
    style.key: style
    for style in (
        Style("apa", "APA 7th edition", "apa.csl"),
        Style("chicago", "Chicago author-date", "chicago-author-date.csl"),
        Style(
            "chicago-notes",
            "Chicago notes and bibliography",
            "chicago-notes-bibliography.csl",
            cites_in_notes=True,
        ),
        Style("mla", "MLA 9th edition", "modern-language-association.csl"),
    )
}


@dataclass(frozen=True)
class Entry:
    """One reference-list entry. `html` comes from pandoc's HTML writer, which escapes text."""

    id: str
    html: str
    text: str

    @property
    def markup(self) -> str:
        return mark_safe(self.html)  # pandoc escaped every field it wrote


class RenderError(RuntimeError):
    """Pandoc failed to render a batch."""


@functools.cache
def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def run_pandoc(jobs: list[dict]) -> list[list[dict]]:
    """Run render.lua over the jobs in one pandoc process."""
    if not jobs:
        return []
    try:
        completed = subprocess.run(
            [pandoc_path(), "lua", str(LUA_SCRIPT)],
            input=json.dumps({"jobs": jobs}, ensure_ascii=False),
            capture_output=True,
            encoding="utf-8",
            timeout=300,
            check=True,
        )
    except subprocess.CalledProcessError as error:
        raise RenderError(error.stderr.strip()) from error
    return [list(entries or []) for entries in json.loads(completed.stdout)["jobs"]]


def _digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _entry_key(item: dict, style: Style) -> str:
    return f"citations:entry:{style.key}:{_digest(item, style.digest)}"


def render_entries(items: list[dict], styles: list[str] | None = None) -> dict[str, list[Entry]]:
    """Each item rendered alone in each style, from the cache or from one pandoc batch."""
    chosen = [STYLES[key] for key in styles or STYLES]
    wanted = [(style, style.prepare(item)) for style in chosen for item in items]
    keys = [_entry_key(item, style) for style, item in wanted]
    found = cache.get_many(keys)
    missing = [(key, pair) for key, pair in zip(keys, wanted, strict=True) if key not in found]
    for start in range(0, len(missing), BATCH_SIZE):
        batch = missing[start : start + BATCH_SIZE]
        jobs = [
            {"style": str(style.path), "mode": "entries", "items": json.dumps([item])}
            for _, (style, item) in batch
        ]
        rendered = {
            key: entries[0] for (key, _), entries in zip(batch, run_pandoc(jobs), strict=True)
        }
        cache.set_many(rendered, CACHE_TIMEOUT)
        found.update(rendered)
    result = {style.key: [] for style in chosen}
    for key, (style, _) in zip(keys, wanted, strict=True):
        result[style.key].append(Entry(**found[key]))
    return result


def _citation_key(item: dict, cite: dict, style: Style) -> str:
    return f"citations:citation:{style.key}:{_digest(item, cite, style.digest)}"


def render_citations(
    items: list[dict], uses: list, styles: list[str] | None = None
) -> dict[str, list[Entry]]:
    """Each use (a `csl.Use`) cited alone in each style, as the in-text citation or, in a
    note style, the note: from the cache or from one pandoc batch."""
    chosen = [STYLES[key] for key in styles or STYLES]
    by_id = {item["id"]: item for item in items}
    wanted = [
        (style, style.prepare(by_id[use.id]), use.cite)
        for style in chosen
        for use in uses
        if use.id in by_id
    ]
    keys = [_citation_key(item, cite, style) for style, item, cite in wanted]
    found = cache.get_many(keys)
    missing = [(key, job) for key, job in zip(keys, wanted, strict=True) if key not in found]
    for start in range(0, len(missing), BATCH_SIZE):
        batch = missing[start : start + BATCH_SIZE]
        jobs = [
            {
                "style": str(style.path),
                "mode": "citations",
                "items": json.dumps([item]),
                "cites": [cite],
            }
            for _, (style, item, cite) in batch
        ]
        rendered = {
            key: entries[0] for (key, _), entries in zip(batch, run_pandoc(jobs), strict=True)
        }
        cache.set_many(rendered, CACHE_TIMEOUT)
        found.update(rendered)
    result = {style.key: [] for style in chosen}
    for key, (style, _, _) in zip(keys, wanted, strict=True):
        result[style.key].append(Entry(**found[key]))
    return result


def render_bibliography(items: list[dict], style_key: str) -> list[Entry]:
    """The items as one reference list, sorted and disambiguated by the style."""
    style = STYLES[style_key]
    prepared = [style.prepare(item) for item in items]
    key = f"citations:bibliography:{style.key}:{_digest(prepared, style.digest)}"
    entries = cache.get(key)
    if entries is None:
        job = {"style": str(style.path), "mode": "bibliography", "items": json.dumps(prepared)}
        entries = run_pandoc([job])[0] if prepared else []
        cache.set(key, entries, CACHE_TIMEOUT)
    return [Entry(**entry) for entry in entries]
