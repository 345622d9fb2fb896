"""The readers a reporter's reference manager would use on our downloads, each turning a
BibLaTeX or RIS file back into CSL-JSON-like records: bibtexparser 2, rispy, pandoc (the
binary pypandoc ships) and Citation.js under Node (tests/tools/, `make test-tools`)."""

import json
import subprocess
from pathlib import Path

import bibtexparser
import pypandoc
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts

TOOLS = Path(__file__).resolve().parents[1] / "tools"
READ_REFERENCES = TOOLS / "read-references.js"


def bibtexparser_entries(text: str) -> list:
    library = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts(), LatexDecodingMiddleware()]
    )
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    return library.entries


def rispy_entries(text: str) -> list[dict]:
    return rispy.loads(text)


def pandoc_csl(text: str, reader: str) -> list[dict]:
    """pandoc -f biblatex|ris -t csljson."""
    completed = subprocess.run(
        [pypandoc.get_pandoc_path(), f"--from={reader}", "--to=csljson"],
        input=text,
        capture_output=True,
        encoding="utf-8",
        check=True,
    )
    return json.loads(completed.stdout)


def citation_js_csl(texts: list[str], reader: str, tmp_path: Path) -> list[list[dict]]:
    """Citation.js's BibLaTeX ("bibtex") or RIS ("ris") reader, as CSL-JSON: one list of
    items for each text, read in one Node process."""
    assert (TOOLS / "node_modules" / "@citation-js" / "core").is_dir(), (
        "Citation.js is not installed: run `make test-tools` (npm ci in tests/tools/)."
    )
    paths = []
    for index, text in enumerate(texts):
        path = tmp_path / f"references-{index}.{reader}"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    completed = subprocess.run(
        ["node", str(READ_REFERENCES), reader, *paths],
        capture_output=True,
        encoding="utf-8",
        check=True,
    )
    return json.loads(completed.stdout)
