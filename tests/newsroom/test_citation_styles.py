"""APA 7, Chicago author-date and MLA 9 citations of the seed articles, as pandoc renders them.

Each pinned string was checked against its style's rules before pinning: APA cites an
unsigned article under its outlet as group author, with the date at its known precision
("2024, March") and "n.d." when unknown; Chicago puts the newspaper in the author position
and the month and day after the title; MLA starts an unsigned article with its title.
"""

import pytest

from newsroom.citations import render
from newsroom.models import Contributor, Source
from tests.support.factories import ContributorFactory, SourceFactory

FOX = "fox-news-palmer-american-samoa"
ABC = "abc-news-who-is-jason-palmer"
CNN = "cnn-who-is-jason-palmer"
FOX_DESCRIPTION = "Report on Jason Palmer’s win in the 2024 American Samoa Democratic caucus"
ABC_TITLE = (
    "Who is Jason Palmer? Biden loses the American Samoa Democratic caucuses to entrepreneur"
)
ABC_TITLE_CASED = (
    "Who Is Jason Palmer? Biden Loses the American Samoa Democratic Caucuses to Entrepreneur"
)
CNN_TITLE = "Who is Jason Palmer, the Democrat who delivered Biden his first primary defeat?"
CNN_TITLE_CASED = "Who Is Jason Palmer, the Democrat Who Delivered Biden His First Primary Defeat?"
FOX_TITLE_CASED = "Report on Jason Palmer’s Win in the 2024 American Samoa Democratic Caucus"

EXPECTED = {
    (FOX, "apa"): f"Fox News. (2024, March). [{FOX_DESCRIPTION}]. Fox News.",
    (FOX, "chicago"): f"Fox News. 2024. “[{FOX_TITLE_CASED}].” March.",
    (FOX, "mla"): f"“[{FOX_TITLE_CASED}].” Fox News, Mar. 2024.",
    (ABC, "apa"): f"ABC News. (2024, March 6). {ABC_TITLE}. ABC News.",
    (ABC, "chicago"): f"ABC News. 2024. “{ABC_TITLE_CASED}.” March 6.",
    (ABC, "mla"): f"“{ABC_TITLE_CASED}.” ABC News, 6 Mar. 2024.",
    (CNN, "apa"): f"CNN. (n.d.). {CNN_TITLE} CNN.",
    (CNN, "chicago"): f"CNN. n.d. “{CNN_TITLE_CASED}”",
    (CNN, "mla"): f"“{CNN_TITLE_CASED}” CNN.",
}


@pytest.mark.parametrize(("slug", "style"), EXPECTED)
def test_seed_article_renders_in_style(client, seed_newsroom, slug, style):
    source = Source.objects.get(slug=slug)

    response = client.get(f"/cite/source/{source.pk}.txt", {"style": style})

    assert response.content.decode().strip() == EXPECTED[slug, style]


def test_cite_page_shows_the_three_styles_as_html(client, seed_newsroom):
    source = Source.objects.get(slug=ABC)

    html = client.get(f"/cite/source/{source.pk}/").content.decode()

    assert f"ABC News. (2024, March 6). {ABC_TITLE}. <em>ABC News</em>." in html
    assert f"<em>ABC News</em>. 2024. <span>“{ABC_TITLE_CASED}.”</span> March 6." in html
    assert f"<span>“{ABC_TITLE_CASED}.”</span> <em>ABC News</em>, 6 Mar. 2024." in html


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
