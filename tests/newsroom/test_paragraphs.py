"""The one rule splitting a source's text into numbered paragraphs (newsroom.paragraphs),
and the proof that every seed citation's pinpoint names the paragraph holding its passage."""

import pytest

from newsroom.paragraphs import cited_paragraphs, paragraph_numbers, split_paragraphs
from seed import data
from tests.support import seed_articles

ARTICLE = """Kicker line

Council race goes to a recount

The count was closer than expected.

First paragraph
runs over two lines.

A subheading

Photo: the count at the town hall. Staff photographer

Last paragraph."""


def test_blocks_after_the_headline_are_numbered_from_one_and_the_front_matter_is_not():
    paragraphs = split_paragraphs(
        ARTICLE,
        headline="Council race goes to a recount",
        standfirst="The count was closer than expected.",
    )

    assert paragraphs == [
        "First paragraph runs over two lines.",
        "A subheading",
        "Photo: the count at the town hall. Staff photographer",
        "Last paragraph.",
    ]


def test_without_a_known_headline_the_first_block_stands_for_it():
    paragraphs = split_paragraphs("Page top\n\nOne.\n\n\n\nTwo.\n \nThree.")

    assert paragraphs == ["One.", "Two.", "Three."]


def test_a_standfirst_printed_after_the_headline_is_not_numbered():
    paragraphs = split_paragraphs(
        "Headline\n\nStandfirst.\n\nOne.", headline="Headline", standfirst="Standfirst."
    )

    assert paragraphs == ["One."]


def test_windows_line_endings_split_the_same_way():
    assert split_paragraphs("Headline\r\n\r\nOne.\r\n\r\nTwo.") == ["One.", "Two."]


@pytest.mark.parametrize(
    ("pinpoint", "numbers"),
    [
        ("para. 9", [9]),
        ("para 9", [9]),
        ("paragraph 12", [12]),
        ("paras. 3–4", [3, 4]),
        ("¶ 2", [2]),
        ("p. 9", []),
        ("", []),
        ("00:14:03", []),
    ],
)
def test_a_pinpoint_names_paragraphs(pinpoint, numbers):
    assert paragraph_numbers(pinpoint) == numbers


def test_a_pinpoint_past_the_end_names_nothing():
    assert cited_paragraphs(["One.", "Two."], "para. 3") is None
    assert cited_paragraphs(["One.", "Two."], "paras. 1-2") == ["One.", "Two."]


def _walk(value, where):
    if isinstance(value, dict):
        if {"source", "pinpoint", "passage"} <= value.keys():
            yield where, value
        for inner in value.values():
            yield from _walk(inner, where)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _walk(inner, where)


def _all_seed_citations():
    seen = []
    for name in dir(data):
        if name.isupper():
            seen += list(_walk(getattr(data, name), name))
    return seen


def test_the_seed_data_has_citations_of_every_seed_article():
    keys = {citation["source"] for _, citation in _all_seed_citations()}

    assert keys == set(seed_articles.FILES)
    assert len(_all_seed_citations()) > 100


@pytest.mark.parametrize("key", sorted(seed_articles.FILES))
def test_every_seed_citation_passage_is_in_the_paragraph_its_pinpoint_names(key):
    spec = seed_articles.SOURCES[key]
    paragraphs = split_paragraphs(
        seed_articles.text_of(key),
        headline=spec.get("headline", ""),
        standfirst=spec.get("standfirst", ""),
    )
    wrong = []
    for where, citation in _all_seed_citations():
        if citation["source"] != key:
            continue
        cited = cited_paragraphs(paragraphs, citation["pinpoint"])
        if cited is None or citation["passage"] not in " ".join(cited):
            wrong.append((where, citation["pinpoint"], citation["passage"]))

    assert wrong == []
