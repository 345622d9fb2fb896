"""Every download format, read back by the tools reporters use: jsonschema, bibtexparser 2,
rispy, the csv module and pandoc's citeproc."""

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

from newsroom.models import Contributor
from tests.support.factories import ContributorFactory, OutletFactory, QuoteFactory, SourceFactory

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
        "“I found out that I had won”"
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

    assert r"title = {Café “Zoë” \& 100\% \{braces\} \$5 \#1 under\_score: Ünïcode — ok}" in bib
    assert "author = {Müller-Łukasz, José and {The Associated Press}}" in bib


def test_ris_parses_back_into_the_same_fields(client, tricky_source):
    (entry,) = rispy.loads(download(client, tricky_source, "ris"))

    assert entry["type_of_reference"] == "NEWS"
    assert entry["title"] == HEADLINE
    assert entry["secondary_title"] == OUTLET
    assert entry["authors"] == ["Müller-Łukasz, José", "The Associated Press"]
    assert entry["subsidiary_authors"] == ["Lee, MJ"]
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
