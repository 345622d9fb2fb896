"""Every download format, read back by the tools reporters use: jsonschema, bibtexparser 2,
rispy, the csv module, pandoc (its BibLaTeX and RIS readers and its citeproc) and Citation.js.

The round trip writes every seed source, quote and fact in BibLaTeX and RIS and reads each
file back with each reader; what comes back is compared field by field with the site's own
CSL-JSON of the same item, which in turn is compared with the source's data. Each reader's
known gaps (fields it never reads from that format) are listed in READER_GAPS and in
docs/citation-exports.md, so a field a reader does read can never silently go missing.
"""

import csv
import io
import json
import subprocess
from pathlib import Path

import bibtexparser
import jsonschema
import pypandoc
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts

from candidates.models import Fact, Quote
from newsroom.citations.formats import write_biblatex, write_ris
from newsroom.citations.names import split_person_name
from newsroom.models import Contributor, Source
from tests.support.factories import ContributorFactory, OutletFactory, QuoteFactory, SourceFactory
from tests.support.reference_readers import (
    bibtexparser_entries,
    citation_js_csl,
    pandoc_csl,
    rispy_entries,
)

SCHEMA = json.loads((Path(__file__).parent.parent / "schemas" / "csl-data.json").read_text())
HEADLINE = "Café “Zoë” & 100% {braces} $5 #1 under_score: Ünïcode — ok"
OUTLET = "Le Monde & Co"
APA = Path(__file__).resolve().parents[2] / "newsroom" / "csl" / "apa.csl"
URL = "https://news.example.org/a?b=1&c=%20d#top"


@pytest.fixture
def tricky_source(db):
    source = SourceFactory(
        headline=HEADLINE,
        outlet=OutletFactory(name=OUTLET),
        url=URL,
        accessed_on="2024-03-07",
        archive_url="https://web.archive.org/web/2024/https://news.example.org/a",
    )
    ContributorFactory(source=source, name="José Müller-Łukasz", position=1)
    ContributorFactory(source=source, name="The Associated Press", is_organisation=True, position=2)
    ContributorFactory(source=source, name="MJ Lee", role=Contributor.Role.CONTRIBUTOR)
    return source


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def download(client, source, fmt: str) -> str:
    response = client.get(f"/cite/source/{source.pk}.{fmt}")
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8")


def pandoc_bibliography(path: Path) -> str:
    completed = subprocess.run(
        [
            pypandoc.get_pandoc_path(),
            "--citeproc",
            f"--bibliography={path}",
            f"--csl={APA}",
            "--from=markdown",
            "--to=plain",
            "--wrap=none",
        ],
        input="---\nnocite: '@*'\n---\n",
        capture_output=True,
        encoding="utf-8",
        check=True,
    )
    return completed.stdout


def test_csl_json_is_valid_against_the_official_schema(client, tricky_source):
    data = json.loads(download(client, tricky_source, "json"))

    jsonschema.validate(data, SCHEMA)


def test_csl_json_keeps_every_field(client, tricky_source):
    (item,) = json.loads(download(client, tricky_source, "json"))

    assert item["type"] == "article-newspaper"
    assert item["title"] == HEADLINE
    assert item["container-title"] == OUTLET
    assert item["author"] == [
        {"family": "Müller-Łukasz", "given": "José"},
        {"literal": "The Associated Press"},
    ]
    assert item["contributor"] == [{"family": "Lee", "given": "MJ"}]
    assert item["issued"] == {"date-parts": [[2024, 3, 6]]}
    assert item["accessed"] == {"date-parts": [[2024, 3, 7]]}
    assert item["URL"] == URL
    assert "https://web.archive.org/web/2024/https://news.example.org/a" in item["note"]


def test_csl_json_of_month_precision_date_has_no_day(client, db):
    source = SourceFactory(published_on="2024-03-01", published_on_precision="month")

    (item,) = json.loads(download(client, source, "json"))

    assert item["issued"] == {"date-parts": [[2024, 3]]}


def test_quote_csl_json_carries_venue_and_verbatim_text(client, db):
    source = SourceFactory(outlet=OutletFactory(name="Fox News"))
    venue = OutletFactory(name="The Associated Press")
    quote = QuoteFactory(
        text="I found out that I had won", speaker_name="Jason Palmer", venue_outlet=venue
    )
    quote.citations.create(source=source, pinpoint="para. 9")

    data = json.loads(b"".join(client.get(f"/cite/quote/{quote.pk}.json").streaming_content))

    jsonschema.validate(data, SCHEMA)
    assert data[0]["id"] == source.slug
    assert data[0]["note"] == (
        "para. 9: Jason Palmer, in an interview with The Associated Press: "
        "“I found out that I had won”\n"
        "Attribution: Jason Palmer said in an interview with The Associated Press, as reported "
        "by Fox News, para. 9."
    )


def test_bibtex_parses_back_into_the_same_fields(client, tricky_source):
    library = bibtexparser.parse_string(
        download(client, tricky_source, "bib"),
        append_middleware=[SeparateCoAuthors(), SplitNameParts(), LatexDecodingMiddleware()],
    )

    (entry,) = library.entries
    assert entry.entry_type == "article"
    assert entry.key == tricky_source.slug
    assert entry["title"] == HEADLINE
    assert entry["journaltitle"] == OUTLET
    assert entry["date"] == "2024-03-06"
    assert entry["urldate"] == "2024-03-07"
    names = entry["author"]
    assert (names[0].first, names[0].last) == (["José"], ["Müller-Łukasz"])
    assert (names[1].first, names[1].last) == ([], ["{The Associated Press}"])  # one name, whole


def test_bibtex_url_is_verbatim_as_biblatex_reads_it(client, tricky_source):
    (entry,) = bibtexparser.parse_string(download(client, tricky_source, "bib")).entries

    assert entry["url"] == URL


def test_bibtex_escapes_every_special_character(client, tricky_source):
    bib = download(client, tricky_source, "bib")

    assert (
        r"title = {{Café} {“Zoë”} \& 100\% \{braces\} \$5 \#1 under\_score: {Ünïcode} — ok}"
    ) in bib
    assert "author = {Müller-Łukasz, José and {The Associated Press}}" in bib


def test_ris_parses_back_into_the_same_fields(client, tricky_source):
    (entry,) = rispy.loads(download(client, tricky_source, "ris"))

    assert entry["type_of_reference"] == "NEWS"
    assert entry["title"] == HEADLINE
    assert entry["secondary_title"] == OUTLET
    assert entry["authors"] == ["Müller-Łukasz, José", "The Associated Press,"]
    assert "subsidiary_authors" not in entry  # A4: Zotero's translators
    assert entry["notes"][0] == "Contributors: MJ Lee."
    assert entry["date"] == "2024/03/06/"
    assert entry["year"] == "2024"
    assert entry["urls"] == [URL]
    assert entry["access_date"] == "2024/03/07/"


def test_ris_of_month_precision_leaves_the_day_empty(client, db):
    source = SourceFactory(published_on="2024-03-01", published_on_precision="month")

    (entry,) = rispy.loads(download(client, source, "ris"))

    assert entry["date"] == "2024/03//"


def test_csv_has_one_row_per_citation(client, tricky_source):
    rows = csv_rows(download(client, tricky_source, "csv"))

    assert len(rows) == 1
    assert rows[0]["title"] == HEADLINE
    assert rows[0]["authors"] == "José Müller-Łukasz; The Associated Press"
    assert rows[0]["container"] == OUTLET
    assert rows[0]["date"] == "2024-03-06"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_cells_a_spreadsheet_would_run_as_formulas(client, db, start):
    source = SourceFactory(headline=f'{start}HYPERLINK("https://evil.example")')

    rows = csv_rows(download(client, source, "csv"))

    assert rows[0]["title"] == f'\'{start}HYPERLINK("https://evil.example")'


def test_pandoc_renders_the_csl_json_into_a_bibliography(client, tricky_source, tmp_path):
    path = tmp_path / "citations.json"
    path.write_text(download(client, tricky_source, "json"), encoding="utf-8")

    bibliography = pandoc_bibliography(path)

    assert "Müller-Łukasz, J., & The Associated Press. (2024, March 6)." in bibliography
    assert "Café “Zoë” & 100% {braces} $5 #1 under_score: Ünïcode — ok" in bibliography


def test_pandoc_renders_the_bibtex_into_a_bibliography(client, tricky_source, tmp_path):
    path = tmp_path / "citations.bib"
    path.write_text(download(client, tricky_source, "bib"), encoding="utf-8")

    bibliography = pandoc_bibliography(path)

    assert "Müller-Łukasz, J., & The Associated Press. (2024, March 6)." in bibliography
    assert "& 100% {braces} $5 #1 under_score: Ünïcode — ok" in bibliography


def test_plain_text_keeps_unicode_and_special_characters(client, tricky_source):
    response = client.get(f"/cite/source/{tricky_source.pk}.txt", {"style": "mla"})

    assert "Müller-Łukasz, José, and The Associated Press." in response.content.decode()
    assert "& 100% {Braces} $5 #1 Under_score" in response.content.decode()


def test_quote_plain_text_shows_the_verbatim_words(client, db):
    source = SourceFactory()
    quote = QuoteFactory(text="We need to pass the torch & more", speaker_name="Jason Palmer")
    quote.citations.create(source=source)

    text = client.get(f"/cite/quote/{quote.pk}.txt").content.decode()

    assert "Jason Palmer, in an interview: “We need to pass the torch & more”" in text
    assert source.headline in text


# Round trip through the readers reference managers use -------------------------------------

FIELDS = ("title", "outlet", "date", "url", "accessed", "authors", "contributors")
#: Fields a reader never takes from a format, whatever we write (checked by hand against
#: each tool; docs/citation-exports.md says the same). "date" as "year": only the year is read.
READER_GAPS = {
    ("bibtexparser", "bib"): set(),
    ("pandoc", "bib"): set(),
    ("citation.js", "bib"): set(),
    ("rispy", "ris"): set(),
    # pandoc's RIS reader reads PY (a year) but not DA, Y2 or N1.
    ("pandoc", "ris"): {"date:year", "accessed", "contributors"},
    # Citation.js reads only PY of a newspaper record (TY NEWS), and its bylines as
    # unparsed "reporter" strings, which `csl_record` reads back.
    ("citation.js", "ris"): {"date:year"},
}


def person(name: dict) -> str:
    if "literal" in name:
        return name["literal"]
    parts = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    return " ".join(name[part] for part in parts if name.get(part))


def csl_date(date: dict | None) -> str:
    if not date or not date.get("date-parts") or not date["date-parts"][0]:
        return ""
    return "-".join(f"{part:02d}" for part in date["date-parts"][0]).lstrip("0")


def notes_of(value) -> str:
    return " ".join(value) if isinstance(value, list) else value or ""


def expected_record(item: dict) -> dict:
    return {
        "title": item.get("title", ""),
        "outlet": item.get("container-title", ""),
        "date": csl_date(item.get("issued")),
        "url": item.get("URL", ""),
        "accessed": csl_date(item.get("accessed")),
        "authors": [person(name) for name in item.get("author", [])],
        "contributors": [person(name) for name in item.get("contributor", [])],
    }


def ris_person(name: str) -> str:
    """ "Last, First, Suffix" (or "Institution,") as it reads: "First Last Suffix"."""
    family, _, rest = name.partition(",")
    given, _, suffix = rest.strip().partition(",")
    return " ".join(filter(None, [given.strip(), family.strip(), suffix.strip()]))


def csl_record(item: dict, notes: str) -> dict:
    """What pandoc or Citation.js gave back, as the fields we compare."""
    reporters = item.get("reporter", [])
    return {
        "title": item.get("title", ""),
        "outlet": item.get("container-title") or item.get("publisher", ""),
        "date": csl_date(item.get("issued")),
        "url": item.get("URL", ""),
        "accessed": csl_date(item.get("accessed")),
        "authors": [person(name) for name in item.get("author", [])]
        + [ris_person(name) for name in ([reporters] if isinstance(reporters, str) else reporters)],
        "notes": notes,
    }


def bibtexparser_record(entry) -> dict:
    def plain(parts) -> str:
        return " ".join(parts).replace("{", "").replace("}", "")

    fields = entry.fields_dict
    return {
        "title": fields["title"].value if "title" in fields else "",
        "outlet": next(
            (fields[key].value for key in ("journaltitle", "organization") if key in fields), ""
        ),
        "date": fields["date"].value if "date" in fields else "",
        "url": fields["url"].value if "url" in fields else "",
        "accessed": fields["urldate"].value if "urldate" in fields else "",
        "authors": [
            plain(name.first + name.von + name.last + name.jr)
            for name in (fields["author"].value if "author" in fields else [])
        ],
        "notes": fields["note"].value if "note" in fields else "",
    }


def rispy_record(entry: dict) -> dict:
    def slashed(date: str) -> str:
        return "-".join(part for part in date.split("/") if part)

    return {
        "title": entry.get("title", ""),
        "outlet": entry.get("secondary_title", ""),
        "date": slashed(entry.get("date", "")),
        "url": (entry.get("urls") or [""])[0],
        "accessed": slashed(entry.get("access_date", "")),
        "authors": [ris_person(name) for name in entry.get("authors", [])],
        "notes": " ".join(entry.get("notes", [])),
    }


def read_back(reader: str, fmt: str, texts: list[str], tmp_path) -> list[list[dict]]:
    if reader == "bibtexparser":
        return [[bibtexparser_record(e) for e in bibtexparser_entries(t)] for t in texts]
    if reader == "rispy":
        return [[rispy_record(e) for e in rispy_entries(t)] for t in texts]
    if reader == "pandoc":
        pandoc_reader = {"bib": "biblatex", "ris": "ris"}[fmt]
        return [
            [csl_record(item, notes_of(item.get("note"))) for item in pandoc_csl(t, pandoc_reader)]
            for t in texts
        ]
    js_reader = {"bib": "bibtex", "ris": "ris"}[fmt]
    return [
        [csl_record(item, notes_of(item.get("note"))) for item in items]
        for items in citation_js_csl(texts, js_reader, tmp_path)
    ]


def assert_same_fields(got: dict, item: dict, gaps: set[str], where: str) -> None:
    expected = expected_record(item)
    for field in FIELDS:
        if field in gaps:
            continue
        if field == "contributors":
            for name in expected["contributors"]:
                assert name in got["notes"], f"{where}: contributor {name} not in the notes"
        elif field == "date" and "date:year" in gaps:
            assert got["date"] == expected["date"][:4], f"{where}: year"
        elif field == "title":
            # A straight apostrophe is LaTeX's right quote, which pandoc writes as ’.
            assert got["title"].replace("’", "'") == expected["title"].replace("’", "'"), where
        else:
            assert got[field] == expected[field], f"{where}: {field}"


@pytest.fixture
def seed_exports(client, seed_newsroom) -> list[tuple[str, list[dict], dict[str, str]]]:
    """(address, CSL-JSON items, {"bib": text, "ris": text}) of every seed source, quote
    and fact."""
    targets = [
        *(("source", pk) for pk in Source.objects.published().values_list("pk", flat=True)),
        *(("quote", pk) for pk in Quote.objects.published().values_list("pk", flat=True)),
        *(("fact", pk) for pk in Fact.objects.published().values_list("pk", flat=True)),
    ]
    exports = []
    for kind, pk in targets:
        address = f"/cite/{kind}/{pk}"
        items = json.loads(fetch(client, f"{address}.json"))
        exports.append(
            (address, items, {fmt: fetch(client, f"{address}.{fmt}") for fmt in ("bib", "ris")})
        )
    return exports


def fetch(client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200, address
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.mark.reference
def test_seed_source_exports_carry_the_sources_data(seed_exports):
    for source in Source.objects.published():
        (_, (item,), _) = next(e for e in seed_exports if e[0] == f"/cite/source/{source.pk}")
        record = expected_record(item)

        assert record["outlet"] == source.outlet.name
        assert record["date"] == (
            source.published_on.isoformat()[
                : {"day": 10, "month": 7, "year": 4}.get(source.published_on_precision, 10)
            ]
            if source.published_on
            else ""
        )
        assert record["url"] == source.url
        credited = [c.name for c in source.contributors.all()]
        assert sorted(record["authors"] + record["contributors"]) == sorted(credited)
        assert source.headline in record["title"]


@pytest.mark.reference
@pytest.mark.parametrize("fmt", ["bib", "ris"])
def test_every_seed_export_reads_back_with_the_same_fields(seed_exports, tmp_path, fmt):
    texts = [files[fmt] for _, _, files in seed_exports]

    for reader in (reader for reader, reader_fmt in READER_GAPS if reader_fmt == fmt):
        read = read_back(reader, fmt, texts, tmp_path)

        assert len(read) == len(seed_exports), reader
        for (address, items, _), records in zip(seed_exports, read, strict=True):
            where = f"{address}.{fmt} read by {reader}"
            assert len(records) == len(items), f"{where}: an entry is lost"
            for item, record in zip(items, records, strict=True):
                assert_same_fields(record, item, READER_GAPS[reader, fmt], where)


@pytest.fixture
def bylined_source(db):
    """A source with a URL, an access date, bylines that trip naive splitters and an
    institution."""
    source = SourceFactory(
        headline="Who is Jason Palmer? Biden loses the American Samoa Democratic caucuses",
        outlet=OutletFactory(name="ABC News"),
        url="https://news.example.org/palmer",
        accessed_on="2024-03-07",
    )
    ContributorFactory(source=source, name="John and Jane } Doe", position=1)
    ContributorFactory(source=source, name="The Associated Press", is_organisation=True, position=2)
    ContributorFactory(source=source, name="MJ Lee", role=Contributor.Role.CONTRIBUTOR)
    return source


@pytest.mark.reference
@pytest.mark.parametrize(("reader", "fmt"), list(READER_GAPS))
def test_urls_dates_bylines_and_contributors_read_back(
    client, bylined_source, tmp_path, reader, fmt
):
    address = f"/cite/source/{bylined_source.pk}"
    (item,) = json.loads(fetch(client, f"{address}.json"))

    ((record,),) = read_back(reader, fmt, [fetch(client, f"{address}.{fmt}")], tmp_path)

    gaps = READER_GAPS[reader, fmt] | {"authors"}
    assert_same_fields(record, item, gaps, f"{address}.{fmt} {reader}")
    # One person and one institution, whatever the byline holds.
    assert len(record["authors"]) == 2
    assert record["authors"][0].startswith("John and Jane")
    assert record["authors"][0].endswith("Doe")
    assert record["authors"][1] == "The Associated Press"


def test_bibtex_title_keeps_its_capitals_through_pandoc(client, bylined_source, tmp_path):
    path = tmp_path / "citations.bib"
    path.write_text(download(client, bylined_source, "bib"), encoding="utf-8")

    bibliography = pandoc_bibliography(path)

    assert (
        "Who is Jason Palmer? Biden loses the American Samoa Democratic caucuses." in bibliography
    )


@pytest.mark.parametrize(
    ("name", "biblatex", "ris"),
    [
        (
            {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
            "King, Jr., Martin Luther",
            "King, Martin Luther, Jr.",
        ),
        (
            {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
            "van Beethoven, Ludwig",
            "van Beethoven, Ludwig",
        ),
        ({"literal": "The Associated Press"}, "{The Associated Press}", "The Associated Press,"),
        (
            {"family": "Doe", "given": "John and Jane }"},
            r"Doe, John {and} Jane \textbraceright{}",
            "Doe, John and Jane }",
        ),
    ],
)
def test_name_parts_are_written_in_each_formats_name_syntax(name, biblatex, ris):
    item = {"id": "n", "type": "article-newspaper", "title": "T", "author": [name]}

    assert f"author = {{{biblatex}}}" in "".join(write_biblatex([item]))
    assert f"AU  - {ris}\r\n" in "".join(write_ris([item]))


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        (
            {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
            ("Martin Luther", "King", "Jr."),
        ),
        ({"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}, None),
    ],
)
def test_biblatex_names_split_as_bibtexparser_splits_them(name, parts):
    item = {"id": "n", "type": "article-newspaper", "title": "T", "author": [name]}

    (entry,) = bibtexparser_entries("".join(write_biblatex([item])))

    (read,) = entry["author"]
    if parts:
        assert (" ".join(read.first), " ".join(read.last), " ".join(read.jr)) == parts
    else:
        assert (read.first, read.von, read.last) == (["Ludwig"], ["van"], ["Beethoven"])


@pytest.mark.parametrize(
    ("byline", "parts"),
    [
        ("Martin Luther King Jr.", {"given": "Martin Luther", "family": "King", "suffix": "Jr."}),
        (
            "Ludwig van Beethoven",
            {"given": "Ludwig", "family": "Beethoven", "non-dropping-particle": "van"},
        ),
        ("MJ Lee", {"given": "MJ", "family": "Lee"}),
        ("Cher", {"family": "Cher"}),
    ],
)
def test_a_byline_splits_into_csl_name_parts(byline, parts):
    assert split_person_name(byline) == parts


def test_a_bylines_suffix_and_particle_reach_the_csl_json(client, db):
    source = SourceFactory()
    ContributorFactory(source=source, name="Martin Luther King Jr.", position=1)
    ContributorFactory(source=source, name="Ludwig van Beethoven", position=2)

    (item,) = json.loads(download(client, source, "json"))

    assert item["author"] == [
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
    ]
