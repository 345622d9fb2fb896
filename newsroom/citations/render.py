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
from collections.abc import Callable
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


def _rendered(requests: list[tuple[str, dict]]) -> dict[str, list[dict]]:
    """What each (cache key, render.lua job) renders, from the cache or, for every job not
    cached, from one pandoc process per BATCH_SIZE jobs (`_together` first makes one
    citeproc run of many jobs that cannot affect one another)."""
    found = cache.get_many([key for key, _ in requests])
    missing = list({key: job for key, job in requests if key not in found}.items())
    runs = _together(missing)
    for start in range(0, len(runs), BATCH_SIZE):
        batch = runs[start : start + BATCH_SIZE]
        rendered = {}
        for (_, split), output in zip(batch, run_pandoc([job for job, _ in batch]), strict=True):
            rendered.update(split(output))
        cache.set_many(rendered, CACHE_TIMEOUT)
        found.update(rendered)
    return found


#: The most entries and citations one citeproc run renders together for `_together`.
APART_LIMIT = 200
_NO_NAMES = "\0no names"


def _names(item: dict) -> set[str]:
    """What can make citeproc render a work differently beside another in one run
    (disambiguation by initials, more names or a year suffix; a repeated author's
    substitute in a list): the family or literal names of every name variable, or, for a
    work with none, its title beside the token every such work shares."""
    names = set()
    for value in item.values():
        if isinstance(value, list) and value and all(isinstance(name, dict) for name in value):
            for name in value:
                token = name.get("family") or name.get("literal")
                if token:
                    names.add(" ".join(str(token).casefold().split()))
    if not names:
        names = {_NO_NAMES, " ".join(str(item.get("title", "")).casefold().split())}
    return names


def _together(missing: list[tuple[str, dict]]) -> list[tuple[dict, Callable]]:
    """The jobs to run for `missing` (cache key, job), each with how to split its output
    into the strings of its keys.

    A job of one work alone (an entry, or one citation of a use) costs a citeproc run of
    its own, most of it citeproc's start on the style. Such jobs of one style are run
    together, as one document of a paragraph per cite followed by the reference list of the
    entries, in groups where each work is cited at most once and listed at most once and no
    two works share a name (`_names`): nothing then lets citeproc tell them apart or
    shorten a later cite, so each string is the one it renders alone
    (tests/newsroom/test_citation_render.py compares both). Every other job runs as it is."""
    runs = []
    groups: dict[str, list[_Group]] = {}
    for key, job in missing:
        items = json.loads(job["items"])
        single = len(items) == 1 and (
            job["mode"] == "entries" or (job["mode"] == "citations" and len(job["cites"]) == 1)
        )
        if not single:
            runs.append((job, lambda output, key=key: {key: output}))
            continue
        item, names = items[0], _names(items[0])
        part = "entry" if job["mode"] == "entries" else "citation"
        cite = job["cites"][0] if part == "citation" else None
        batches = groups.setdefault(job["style"], [])
        for group in batches:
            if group.takes(item["id"], names, part):
                break
        else:
            group = _Group()
            batches.append(group)
        group.add(key, item, names, part, cite)
    for style, batches in groups.items():
        runs.extend((group.job(style), group.split) for group in batches)
    return runs


class _Group:
    """Entries and citations of works that can share a citeproc run (`_together`)."""

    def __init__(self):
        self.names: set[str] = set()
        self.items: dict[str, dict] = {}
        self.parts: set[tuple[str, str]] = set()  # (work id, "entry" or "citation")
        self.entries: list[tuple[str, str]] = []  # (cache key, work id)
        self.cites: list[tuple[str, dict]] = []  # (cache key, cite)

    def takes(self, work, names: set[str], part: str) -> bool:
        if len(self.parts) >= APART_LIMIT or (work, part) in self.parts:
            return False
        return work in self.items or not self.names & names

    def add(self, key: str, item: dict, names: set[str], part: str, cite: dict | None) -> None:
        if item["id"] not in self.items:
            self.items[item["id"]] = item
            self.names |= names
        self.parts.add((item["id"], part))
        if part == "entry":
            self.entries.append((key, item["id"]))
        else:
            self.cites.append((key, cite))

    def job(self, style: str) -> dict:
        return {
            "style": style,
            "mode": "apart",
            "items": json.dumps(list(self.items.values()), ensure_ascii=False),
            "cites": [cite for _, cite in self.cites],
            "entry_ids": [work for _, work in self.entries],
        }

    def split(self, output: list[dict]) -> dict[str, list[dict]]:
        parts = [(entry.pop("part"), entry) for entry in output]
        citations = [entry for part, entry in parts if part == "citation"]
        listed = {entry["id"]: entry for part, entry in parts if part == "entry"}
        strings = {key: [entry] for (key, _), entry in zip(self.cites, citations, strict=True)}
        strings.update((key, [listed[str(work)]]) for key, work in self.entries)
        return strings


def _entry_request(item: dict, style: Style) -> tuple[str, dict]:
    item = style.prepare(item)
    key = f"citations:entry:{style.key}:{_digest(item, style.digest)}"
    return key, {"style": str(style.path), "mode": "entries", "items": json.dumps([item])}


def _citation_request(item: dict, cite: dict, style: Style) -> tuple[str, dict]:
    item = style.prepare(item)
    key = f"citations:citation:{style.key}:{_digest(item, cite, style.digest)}"
    job = {"style": str(style.path), "mode": "citations", "items": json.dumps([item])}
    return key, {**job, "cites": [cite]}


def _bibliography_request(items: list[dict], style: Style) -> tuple[str, dict]:
    if len(items) == 1:
        # A list of one work is its entry alone: the same string under the same key, so the
        # Cite box a page view rendered serves the work's downloads without pandoc.
        return _entry_request(items[0], style)
    prepared = [style.prepare(item) for item in items]
    key = f"citations:bibliography:{style.key}:{_digest(prepared, style.digest)}"
    return key, {"style": str(style.path), "mode": "bibliography", "items": json.dumps(prepared)}


def _cited(items: list[dict], uses: list) -> list[tuple[dict, dict]]:
    by_id = {item["id"]: item for item in items}
    return [(by_id[use.id], use.cite) for use in uses if use.id in by_id]


def render_all(items: list[dict], uses: list = ()) -> dict[str, tuple[list, list]]:
    """In every style: each item rendered alone, and each use (a `csl.Use`) of the items
    cited alone, as the in-text citation or, in a note style, the note. From the cache or
    from one pandoc batch."""
    requests = {
        style.key: (
            [_entry_request(item, style) for item in items],
            [_citation_request(item, cite, style) for item, cite in _cited(items, uses)],
        )
        for style in STYLES.values()
    }
    found = _rendered([request for pair in requests.values() for part in pair for request in part])
    return {
        key: tuple([Entry(**found[request][0]) for request, _ in part] for part in pair)
        for key, pair in requests.items()
    }


def render_entries(items: list[dict], styles: list[str] | None = None) -> dict[str, list[Entry]]:
    """Each item rendered alone in each style, from the cache or from one pandoc batch."""
    chosen = [STYLES[key] for key in styles or STYLES]
    requests = [(style, _entry_request(item, style)) for style in chosen for item in items]
    found = _rendered([request for _, request in requests])
    result = {style.key: [] for style in chosen}
    for style, (key, _) in requests:
        result[style.key].append(Entry(**found[key][0]))
    return result


def render_bibliography(items: list[dict], style_key: str) -> list[Entry]:
    """The items as one reference list, sorted and disambiguated by the style."""
    return render_references(items, [], style_key)[0]


def render_references(
    items: list[dict], uses: list, style_key: str
) -> tuple[list[Entry], list[Entry]]:
    """The items as one reference list, and each use cited alone, in one pandoc batch."""
    if not items:
        return [], []
    style = STYLES[style_key]
    listing = _bibliography_request(items, style)
    citations = [_citation_request(item, cite, style) for item, cite in _cited(items, uses)]
    found = _rendered([listing, *citations])
    return (
        [Entry(**entry) for entry in found[listing[0]]],
        [Entry(**found[key][0]) for key, _ in citations],
    )
