"""Golden strings: every seed source, quote and fact, in every style, as two independent
CSL processors print them from the site's own CSL-JSON export.

For each item the test downloads its CSL-JSON (`/cite/<kind>/<pk>.json`) and its styled text
(`.txt?style=…`), then renders the export with citeproc-js (Citation.js under Node,
`tests/tools/`, installed by `make test-tools`) and with pandoc's citeproc (pypandoc's
pandoc, on the command line), each use cited with the locator of its citation's pinpoint.
The site's reference-list entries and its in-text citations (or notes) must equal both.
Nothing here is pinned from our own output: the references are computed at test time.

One known difference between the processors is not the site's to settle: after a title
ending in "?" or "!", citeproc-js keeps the comma that follows it inside the quotation
marks (`Defeat?,”`) where pandoc drops it (`Defeat?”`), as the three manuals
ask. The comparison with citeproc-js forgives that comma alone.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType

from candidates.models import Fact, Quote
from newsroom.models import Citation, Source

TOOLS = Path(__file__).resolve().parent.parent / "tools"
CITEPROC_JS = TOOLS / "citeproc.js"
PANDOC_CITEPROC = TOOLS / "pandoc-citeproc.lua"
STYLE_DIR = Path(__file__).resolve().parents[2] / "newsroom" / "csl"
STYLES = {
    "apa": ("apa.csl", "In the text"),
    "chicago": ("chicago-author-date.csl", "In the text"),
    "chicago-notes": ("chicago-notes-bibliography.csl", "Note"),
    "mla": ("modern-language-association.csl", "In the text"),
}
KINDS = {"source": Source, "quote": Quote, "fact": Fact}

# The strings do not depend on the database: run once a `make test`, in the SQLite pass.
pytestmark = pytest.mark.reference
PINPOINT = re.compile(r"para\. (\d+)")
CITEPROC_JS_TITLE_COMMA = re.compile(r"([?!]),”")


def pandoc() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


@pytest.fixture(scope="module")
def citeproc_js():
    """Run citeproc-js over many jobs in one Node process."""
    if not (TOOLS / "node_modules" / "citeproc").is_dir():
        pytest.fail(
            "citeproc-js is not installed: run `make test-tools` "
            "(npm ci in tests/tools, which `make test` does)"
        )

    def run(jobs: list[dict]) -> list[dict]:
        completed = subprocess.run(
            [shutil.which("node") or "node", str(CITEPROC_JS)],
            input=json.dumps({"jobs": jobs}),
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        return json.loads(completed.stdout)["jobs"]

    return run


def pandoc_documents(style: str, items: list[dict], cites: list[dict], tmp_path):
    """The documents pandoc renders for one export: each cites every item of the export
    (`nocite`) and some of the cites, each cite in a paragraph of its own; a document cites
    an item at most once, so each cite is the first of its item, as the site renders it."""
    bibliography = tmp_path / f"export-{len(list(tmp_path.iterdir()))}.json"
    bibliography.write_text(json.dumps(items), encoding="utf-8")
    rounds = []
    for cite in cites:
        free = next((r for r in rounds if all(c["id"] != cite["id"] for c in r)), None)
        if free is None:
            rounds.append(free := [])
        free.append(cite)
    for cited in rounds or [[]]:
        paragraphs = [
            f"[@{cite['id']}" + (f", para. {cite['locator']}" if "locator" in cite else "") + "]"
            for cite in cited
        ]
        markdown = "---\nnocite: '@*'\n---\n\n" + "\n\n".join(paragraphs) + "\n"
        yield (
            cited,
            {
                "markdown": markdown,
                "bibliography": str(bibliography),
                "csl": str(STYLE_DIR / STYLES[style][0]),
            },
        )


def pandoc_strings(style: str, items: list[dict], outputs: list[tuple[list, str]]) -> dict:
    """Pandoc's entries (the export as one reference list) and its citations."""
    entries, citations = [], []
    for number, (cited, plain) in enumerate(outputs):
        blocks = [block.strip() for block in plain.split("\n\n") if block.strip()]
        # In the text: the citations, then the entries. In a note style: a marker "[1]" per
        # citation, the entries, then the notes "[1] …".
        body, listed = blocks[: len(cited)], blocks[len(cited) : len(cited) + len(items)]
        if STYLES[style][1] == "Note":
            body = [re.sub(r"^\[\d+\] ", "", note) for note in blocks[len(cited) + len(items) :]]
        citations += body
        if number == 0:
            entries = listed
    return {"entries": sorted(entries), "citations": sorted(citations)}


def run_pandoc(documents: list[dict]) -> list[str]:
    completed = subprocess.run(
        [pandoc(), "lua", str(PANDOC_CITEPROC)],
        input=json.dumps({"documents": documents}),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(completed.stdout)["documents"]


def site_strings(text: str, label: str) -> dict:
    """The site's styled text: entries at the margin, each use's citation indented under its
    entry after "<label>: "."""
    entries, citations = [], []
    for line in text.splitlines():
        if line and not line.startswith(" "):
            entries.append(line)
        elif line.startswith(f"    {label}: "):
            citations.append(line.removeprefix(f"    {label}: "))
    return {"entries": sorted(entries), "citations": sorted(citations)}


def cites_of(obj) -> list[dict]:
    """The locators of the item's current citations of published sources, from the data."""
    if isinstance(obj, Source):
        return []
    citations = Citation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        source__in=Source.objects.published(),
    ).select_related("source")
    cites = []
    for citation in citations:
        number = PINPOINT.fullmatch(citation.pinpoint)
        cite = {"id": citation.source.slug}
        if number:
            cite |= {"locator": number.group(1), "label": "paragraph"}
        cites.append(cite)
    return cites


def download(client, path: str, **params) -> str:
    response = client.get(path, params)
    assert response.status_code == 200, path
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode()


@pytest.mark.parametrize("kind", KINDS)
def test_site_strings_equal_citeproc_js_and_pandoc(
    client, seed_newsroom, citeproc_js, tmp_path, kind
):
    """Every published item of the kind in every style: one citeproc-js process and one
    pandoc process for all of them (each process start costs seconds)."""
    rows = list(KINDS[kind].objects.published().order_by("pk"))
    assert rows, f"the seed has published {kind}s"
    cases = []
    for obj in rows:
        # The item's Cite page renders every style in one pandoc process, and the styled
        # downloads below read those strings from the cache.
        assert client.get(f"/cite/{kind}/{obj.pk}/").status_code == 200
        items = json.loads(download(client, f"/cite/{kind}/{obj.pk}.json"))
        for style in STYLES:
            text = download(client, f"/cite/{kind}/{obj.pk}.txt", style=style)
            site = site_strings(text, STYLES[style][1])
            cases.append((style, obj, items, cites_of(obj), site))

    style_xml = {
        style: (STYLE_DIR / STYLES[style][0]).read_text(encoding="utf-8") for style in STYLES
    }
    references = citeproc_js(
        [
            {"style": style_xml[style], "items": items, "cites": cites}
            for style, _, items, cites, _ in cases
        ]
    )
    documents = [
        [*pandoc_documents(style, items, cites, tmp_path)] for style, _, items, cites, _ in cases
    ]
    plain = iter(run_pandoc([document for per_case in documents for _, document in per_case]))

    mismatches = []
    for (style, obj, items, cites, site), reference, per_case in zip(
        cases, references, documents, strict=True
    ):
        by_citeproc_js = {
            "entries": sorted(reference["bibliography"].values()),
            "citations": sorted(reference["citations"]),
        }
        outputs = [(cited, next(plain)) for cited, _ in per_case]
        by_pandoc = pandoc_strings(style, items, outputs)
        forgiven = {
            part: sorted(CITEPROC_JS_TITLE_COMMA.sub(r"\1”", text) for text in strings)
            for part, strings in by_citeproc_js.items()
        }
        assert len(site["citations"]) == len(cites), obj
        if site != by_pandoc:
            mismatches.append((style, kind, obj.pk, "pandoc", site, by_pandoc))
        if site != forgiven:
            mismatches.append((style, kind, obj.pk, "citeproc-js", site, by_citeproc_js))
    assert not mismatches, json.dumps(mismatches, ensure_ascii=False, indent=1)


def test_every_seed_quote_and_fact_has_a_paragraph_locator(seed_newsroom):
    """The golden test cites each use with a paragraph: check it is given one."""
    for model in (Quote, Fact):
        for obj in model.objects.published():
            cites = cites_of(obj)
            assert cites and all(cite.get("label") == "paragraph" for cite in cites), obj
