"""Download formats written from CSL-JSON items: CSL-JSON, BibLaTeX, RIS and CSV.

Each writer takes an iterable of items and yields text, one entry at a time, so a download
of any size streams. The styled formats (plain text and HTML) need a whole reference list
and are written by the views from `render.render_bibliography`.
"""

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass


def iso_date(date: dict | None) -> str:
    """'2024', '2024-03' or '2024-03-06' from CSL date-parts."""
    if not date:
        return ""
    parts = date["date-parts"][0]
    return "-".join([f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])])


def display_name(name: dict) -> str:
    return name.get("literal") or " ".join(filter(None, [name.get("given"), name.get("family")]))


def one_line(text: str) -> str:
    return " ".join(text.split())


# CSL-JSON ------------------------------------------------------------------------------


def write_csl_json(items: Iterable[dict]) -> Iterator[str]:
    yield "["
    for index, item in enumerate(items):
        yield ("," if index else "") + "\n" + json.dumps(item, ensure_ascii=False)
    yield "\n]\n"


# BibLaTeX ------------------------------------------------------------------------------

#: CSL type -> (entry type, entrysubtype, field for the outlet). A newspaper article is the
#: biblatex manual's `@article` with `entrysubtype = {newspaper}` and the paper in
#: `journaltitle`: biber, pandoc (article-newspaper) and JabRef read it so. Citation.js has no
#: BibLaTeX entry it reads as a newspaper article: it reads this one as a journal article
#: with genre "newspaper", keeping the outlet as its container. A web page (APA's "news
#: website" form) is `@online` with the site in `organization`, which pandoc and Citation.js
#: both read as a web page published by that site (JabRef: its Online type).
BIBLATEX_TYPES = {
    "article-newspaper": ("article", "newspaper", "journaltitle"),
    "webpage": ("online", "", "organization"),
    "post": ("online", "", "organization"),
    "interview": ("misc", "interview", "organization"),
    "motion_picture": ("video", "", "organization"),
    "document": ("misc", "", "organization"),
}
LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
LATEX_SPECIALS_PATTERN = re.compile("|".join(re.escape(char) for char in LATEX_SPECIALS))
#: In a name a lone `\}` unbalances the name splitters that count braces (Citation.js
#: then runs the next names into this one); these commands hold no unmatched brace.
NAME_SPECIALS = {**LATEX_SPECIALS, "{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
BIBLATEX_LANGUAGES = {"en": "english", "es": "spanish", "fr": "french", "de": "german"}


def latex_escape(text: str, specials: dict[str, str] = LATEX_SPECIALS) -> str:
    """Escape LaTeX's special characters; other Unicode stays as UTF-8, which biber reads."""
    return LATEX_SPECIALS_PATTERN.sub(lambda match: specials[match.group()], text)


def protect_case(text: str) -> str:
    """Brace each word holding a capital, so no reader changes its case ("{Jason}
    {Palmer}"), while the words left bare may still be title-cased by Chicago and MLA.
    Pandoc otherwise lowercases a BibLaTeX title to turn it into sentence case."""
    return re.sub(
        r"\S+",
        lambda match: (
            "{" + match.group() + "}"
            if any(char.isupper() for char in match.group())
            else match.group()
        ),
        text,
    )


def url_escape(url: str) -> str:
    """A URL is verbatim in biblatex; only characters that would unbalance it are encoded."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def name_part(text: str) -> str:
    """One part of a name, safe inside a name list: a word "and" (any case) or a comma
    would split it, so each is braced, and braces become commands."""
    words = latex_escape(" ".join(text.split()), NAME_SPECIALS).split(" ")
    return " ".join(
        "{" + word + "}" if word.lower() == "and" or "," in word else word for word in words
    )


def biblatex_name(name: dict) -> str:
    """BibLaTeX's "von Last, Jr, First": the particle leads the family name, a suffix
    has its own part, and an institution is one braced name ("{The Associated Press}")."""
    if "literal" in name:
        return "{" + latex_escape(" ".join(name["literal"].split()), NAME_SPECIALS) + "}"
    particle = " ".join(
        filter(None, [name.get("dropping-particle"), name.get("non-dropping-particle")])
    )
    family = name_part(name.get("family", ""))
    if particle:
        # Lower-case words before the family name are what BibLaTeX reads as its "von" part.
        family = f"{name_part(particle)} {family}"
    parts = [family]
    if name.get("suffix"):
        parts.append(name_part(name["suffix"]))
    if name.get("given"):
        parts.append(name_part(name["given"]))
    elif name.get("suffix"):
        parts.append("")
    return ", ".join(parts)


def biblatex_names(names: list[dict]) -> str:
    return " and ".join(biblatex_name(name) for name in names)


def contributors_note(item: dict) -> str:
    """Contributed reporting as a sentence: neither BibLaTeX nor RIS has a field that pandoc,
    Citation.js and Zotero all read as "contributor" for an article, but all keep a note."""
    names = [display_name(name) for name in item.get("contributor", [])]
    return f"Contributors: {'; '.join(names)}." if names else ""


def biblatex_entry(item: dict) -> str:
    entry_type, subtype, container_field = BIBLATEX_TYPES.get(
        item["type"], ("misc", "", "organization")
    )
    note = " ".join(filter(None, [contributors_note(item), one_line(item.get("note", ""))]))
    fields = [
        ("entrysubtype", subtype),
        ("author", biblatex_names(item.get("author", []))),
        ("editor", biblatex_names(item.get("editor", []))),
        ("title", protect_case(latex_escape(item.get("title", "")))),
        (container_field, latex_escape(item.get("container-title", ""))),
        ("date", iso_date(item.get("issued"))),
        ("url", url_escape(item.get("URL", ""))),
        ("urldate", iso_date(item.get("accessed"))),
        ("langid", BIBLATEX_LANGUAGES.get(item.get("language", ""), "")),
        ("note", latex_escape(note)),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{entry_type}{{{item['id']},\n{body}\n}}\n"


def write_biblatex(items: Iterable[dict]) -> Iterator[str]:
    for index, item in enumerate(items):
        yield ("\n" if index else "") + biblatex_entry(item)


# RIS -----------------------------------------------------------------------------------

RIS_TYPES = {
    "article-newspaper": "NEWS",
    "webpage": "ELEC",
    "post": "ELEC",
    "interview": "GEN",
    "motion_picture": "VIDEO",
    "document": "GEN",
}


def ris_date(date: dict | None) -> str:
    """RIS DA: 'YYYY/MM/DD/' with unknown parts left empty, e.g. '2024/03//'."""
    if not date:
        return ""
    parts = [f"{part:02d}" for part in date["date-parts"][0][1:]]
    parts += [""] * (2 - len(parts))
    return f"{date['date-parts'][0][0]:04d}/{parts[0]}/{parts[1]}/"


def ris_name(name: dict) -> str:
    """The RIS form "Last, First, Suffix", particle first ("van Beethoven, Ludwig"). An
    institution ends with a comma, so readers that split at the last space (pandoc) keep
    it whole as a family name with no given name."""
    if "literal" in name:
        return f"{one_line(name['literal'])},"
    family = " ".join(
        filter(
            None,
            [
                name.get("dropping-particle"),
                name.get("non-dropping-particle"),
                name.get("family"),
            ],
        )
    )
    return ", ".join(filter(None, [family, name.get("given", ""), name.get("suffix", "")]))


def ris_entry(item: dict) -> str:
    """One record. Contributed reporting is not under A4, which Zotero reads as translators
    of a newspaper article (A2 as editors, A3 as series editors): it is a note (N1), as is
    what was reported from the source."""
    lines = [("TY", RIS_TYPES.get(item["type"], "GEN")), ("ID", item["id"])]
    lines += [("AU", ris_name(name)) for name in item.get("author", [])]
    lines += [("A2", ris_name(name)) for name in item.get("editor", [])]
    issued = item.get("issued")
    container = item.get("container-title", "")
    lines += [
        ("TI", item.get("title", "")),
        ("T2", container),
        ("JF", container if item["type"] == "article-newspaper" else ""),
        ("PY", f"{issued['date-parts'][0][0]:04d}" if issued else ""),
        ("DA", ris_date(issued)),
        ("UR", item.get("URL", "")),
        ("Y2", ris_date(item.get("accessed"))),
        ("LA", item.get("language", "")),
        ("N1", contributors_note(item)),
        ("N1", item.get("note", "")),
    ]
    body = "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in lines if value)
    return f"{body}ER  - \r\n"


def write_ris(items: Iterable[dict]) -> Iterator[str]:
    for index, item in enumerate(items):
        yield ("\r\n" if index else "") + ris_entry(item)


# CSV -----------------------------------------------------------------------------------

CSV_COLUMNS = [
    "id",
    "type",
    "authors",
    "contributors",
    "title",
    "container",
    "date",
    "url",
    "accessed",
    "language",
    "note",
]
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A spreadsheet would run a cell starting with these as a formula; make it text."""
    return f"'{cell}" if cell.startswith(FORMULA_PREFIXES) else cell


def csv_row(item: dict) -> list[str]:
    row = [
        item["id"],
        item["type"],
        "; ".join(display_name(name) for name in item.get("author", [])),
        "; ".join(display_name(name) for name in item.get("contributor", [])),
        item.get("title", ""),
        item.get("container-title", ""),
        iso_date(item.get("issued")),
        item.get("URL", ""),
        iso_date(item.get("accessed")),
        item.get("language", ""),
        item.get("note", ""),
    ]
    return [neutralise(cell) for cell in row]


def write_csv(items: Iterable[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + flush()
    for item in items:
        writer.writerow(csv_row(item))
        yield flush()


# The formats offered ---------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    content_type: str
    #: Writes items as they come; None for the styled formats, which need the whole list.
    write: Callable[[Iterable[dict]], Iterator[str]] | None = None

    @property
    def is_styled(self) -> bool:
        return self.write is None


CSL_JSON_TYPE = "application/vnd.citationstyles.csl+json"

FORMATS = {
    fmt.key: fmt
    for fmt in (
        Format("json", "CSL-JSON", f"{CSL_JSON_TYPE}; charset=utf-8", write_csl_json),
        Format("bib", "BibTeX (biblatex)", "application/x-bibtex; charset=utf-8", write_biblatex),
        Format("ris", "RIS", "application/x-research-info-systems; charset=utf-8", write_ris),
        Format("csv", "CSV", "text/csv; charset=utf-8", write_csv),
        Format("txt", "Plain text", "text/plain; charset=utf-8"),
        Format("html", "HTML", "text/html; charset=utf-8"),
    )
}
