"""APA 7, Chicago (author-date, notes and bibliography) and MLA 9 citations of the seed
articles: the manuals' rules for unsigned online news, checked on the site's strings.

The exact strings are compared with citeproc-js and pandoc in test_citation_golden.py; these
tests name the rules those strings must follow: no author the article does not give (APA
moves the title to the author position), MLA's "with" for contributors the export carries,
an untitled article's description neither quoted nor title-cased, pinpoints as locators.
"""

import csv
import io
import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from candidates.models import Quote
from newsroom.citations import render
from newsroom.models import Contributor, Source
from tests.support.factories import (
    CitationFactory,
    ContributorFactory,
    QuoteFactory,
    SourceFactory,
)

FOX = "fox-news-palmer-american-samoa"
ABC = "abc-news-who-is-jason-palmer"
CNN = "cnn-who-is-jason-palmer"
FOX_DESCRIPTION = "Report on Jason Palmer’s win in the 2024 American Samoa Democratic caucus"
ABC_TITLE = (
    "Who is Jason Palmer? Biden loses the American Samoa Democratic caucuses to entrepreneur"
)
CNN_TITLE = "Who is Jason Palmer, the Democrat who delivered Biden his first primary defeat?"


def styled(client, slug: str, style: str) -> str:
    source = Source.objects.get(slug=slug)
    return client.get(f"/cite/source/{source.pk}.txt", {"style": style}).content.decode().strip()


@pytest.mark.parametrize(
    ("slug", "title"), [(ABC, ABC_TITLE), (CNN, CNN_TITLE), (FOX, f"[{FOX_DESCRIPTION}]")]
)
def test_apa_puts_the_title_first_when_no_author_is_given(client, seed_newsroom, slug, title):
    assert styled(client, slug, "apa").startswith(title)


@pytest.mark.parametrize(
    ("slug", "credit"),
    [(ABC, "with Libby Cathey et al."), (CNN, "with MJ Lee"), (FOX, "with The Associated Press")],
)
def test_mla_names_the_contributors_the_export_carries(client, seed_newsroom, slug, credit):
    assert credit in styled(client, slug, "mla")


@pytest.mark.parametrize("style", ["chicago", "chicago-notes", "mla"])
def test_untitled_description_is_neither_quoted_nor_title_cased(client, seed_newsroom, style):
    text = styled(client, FOX, style)

    assert FOX_DESCRIPTION in text
    assert "“[" not in text and "“Report" not in text


def test_apa_brackets_the_untitled_description(client, seed_newsroom):
    assert f"[{FOX_DESCRIPTION}]. (2024, March). Fox News." in styled(client, FOX, "apa")


def test_cite_page_shows_every_style_as_html(client, seed_newsroom):
    source = Source.objects.get(slug=ABC)

    html = client.get(f"/cite/source/{source.pk}/").content.decode()

    for style in render.STYLES.values():
        assert f">{style.label}<" in html
    assert f"{ABC_TITLE}. (2024, March 6). <em>ABC News</em>." in html


def test_quote_in_text_citations_carry_the_paragraph(client, seed_newsroom):
    quote = Quote.objects.get(text__startswith="I found out that I had won")

    texts = {
        style: client.get(f"/cite/quote/{quote.pk}.txt", {"style": style}).content.decode()
        for style in render.STYLES
    }

    assert "In the text: ([" in texts["apa"] and ", 2024, para. 9)" in texts["apa"]
    assert "In the text: (Fox News 2024, para. 9)" in texts["chicago"]
    assert "Note: Fox News, Report on" in texts["chicago-notes"]
    assert "March 2024, para. 9." in texts["chicago-notes"]
    assert "caucus, par. 9)" in texts["mla"]


def test_quote_has_a_ready_to_paste_attribution_line(client, seed_newsroom):
    quote = Quote.objects.get(text__startswith="I found out that I had won")

    html = client.get(f"/cite/quote/{quote.pk}/").content.decode()
    text = client.get(f"/cite/quote/{quote.pk}.txt").content.decode()

    line = (
        f"{quote.speaker_name} said in an interview with The Associated Press, "
        f"{quote.said_on_display}, as reported by Fox News, para. 9."
    )
    assert line in html
    assert f"Attribution: {line}" in text


def read_notes(fmt: str, body: str) -> list[str]:
    """The note of each entry, as each format's own reader reads the download."""
    if fmt == "json":
        return [item.get("note", "") for item in json.loads(body)]
    if fmt == "ris":
        return [" ".join(entry.get("notes", [])) for entry in rispy.loads(body)]
    if fmt == "bib":
        library = bibtexparser.parse_string(body, append_middleware=[LatexDecodingMiddleware()])
        return [entry["note"] for entry in library.entries]
    return [row["note"] for row in csv.DictReader(io.StringIO(body))]


@pytest.mark.parametrize("fmt", ["json", "ris", "bib", "csv"])
def test_every_data_download_of_a_quote_carries_its_attribution_line(client, seed_newsroom, fmt):
    quote = Quote.objects.get(text__startswith="I found out that I had won")

    body = b"".join(client.get(f"/cite/quote/{quote.pk}.{fmt}").streaming_content).decode()

    line = (
        f"{quote.speaker_name} said in an interview with The Associated Press, "
        f"{quote.said_on_display}, as reported by Fox News, para. 9."
    )
    notes = read_notes(fmt, body)
    assert len(notes) == 1
    assert f"Attribution: {line}" in " ".join(notes[0].split())


def test_plain_text_gives_the_attribution_line_once(client, seed_newsroom):
    quote = Quote.objects.get(text__startswith="I found out that I had won")

    text = client.get(f"/cite/quote/{quote.pk}.txt").content.decode()

    assert text.count("Attribution: ") == 1


def test_institutional_author_is_kept_whole(client, db):
    source = SourceFactory(headline="Palmer wins American Samoa", url="")
    ContributorFactory(
        source=source,
        name="The Associated Press",
        role=Contributor.Role.AUTHOR,
        is_organisation=True,
    )

    text = client.get(f"/cite/source/{source.pk}.txt", {"style": "apa"}).content.decode()

    assert text.startswith("The Associated Press. (2024, March 6). Palmer wins American Samoa.")


def test_person_author_is_inverted_with_initials_in_apa(client, db):
    source = SourceFactory(headline="Palmer wins", url="")
    ContributorFactory(source=source, name="Libby Cathey", role=Contributor.Role.AUTHOR)

    text = client.get(f"/cite/source/{source.pk}.txt", {"style": "apa"}).content.decode()

    assert text.startswith("Cathey, L. (2024, March 6). Palmer wins.")


def test_cached_citation_renders_without_pandoc(client, db, monkeypatch):
    source = SourceFactory()
    client.get(f"/cite/source/{source.pk}/")

    def no_pandoc(jobs):
        raise AssertionError("pandoc ran for a cached citation")

    monkeypatch.setattr(render, "run_pandoc", no_pandoc)
    response = client.get(f"/cite/source/{source.pk}/")

    assert source.headline in response.content.decode()


def test_edited_source_renders_afresh(client, db):
    source = SourceFactory(headline="First headline")
    client.get(f"/cite/source/{source.pk}/")
    source.headline = "Corrected headline"
    source.save()

    response = client.get(f"/cite/source/{source.pk}/")

    assert "Corrected headline" in response.content.decode()


def test_quote_page_cite_box_shows_citations_and_the_attribution(client, seed_newsroom):
    quote = Quote.objects.get(text__startswith="I found out that I had won")

    html = client.get(quote.get_absolute_url()).content.decode()
    box = html[html.index('<aside class="cite-box"') :]

    assert box.count('<li class="csl-citation">') == len(render.STYLES)
    assert "(<em>Fox News</em> 2024, para. 9)" in box
    assert "caucus, par. 9)" in box
    assert (
        f'<li class="attribution">{quote.speaker_name} said in an interview with The '
        "Associated Press"
    ) in box


@pytest.mark.parametrize(
    ("pinpoint", "in_mla"),
    [("¶ 4", "par. 4)"), ("paras. 3-4", "pars. 3–4)"), ("p. 12", "” 12)")],
)
def test_pinpoints_become_csl_locators(client, db, pinpoint, in_mla):
    quote = QuoteFactory()
    CitationFactory(content_object=quote, pinpoint=pinpoint)

    text = client.get(f"/cite/quote/{quote.pk}.txt", {"style": "mla"}).content.decode()

    assert in_mla in text


def test_a_pinpoint_with_no_csl_label_stays_in_the_note_only(client, db):
    quote = QuoteFactory()
    citation = CitationFactory(content_object=quote, pinpoint="caption of the second photo")

    text = client.get(f"/cite/quote/{quote.pk}.txt", {"style": "apa"}).content.decode()

    assert "    caption of the second photo: " in text
    assert f"{citation.source.headline}. (2024, March 6)." in text
    assert "In the text: (“" in text and ",” 2024)" in text
    assert "caption of the second photo)" not in text


def test_html_download_carries_citations_and_attribution(client, seed_newsroom):
    quote = Quote.objects.get(text__startswith="I found out that I had won")

    html = client.get(f"/cite/quote/{quote.pk}.html", {"style": "chicago-notes"}).content.decode()

    assert 'Note: <span class="csl-citation"><em>Fox News</em>, Report on' in html
    assert "as reported by Fox News, para. 9.</span>" in html
