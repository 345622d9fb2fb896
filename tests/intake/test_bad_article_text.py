"""Intake refuses text it cannot read, saying why (the message the form field shows)."""

import pytest
from django.core.exceptions import ValidationError

from intake.reading import MAX_TEXT_BYTES, article_paragraphs, decode_upload


def refusal(call, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as error:
        call(*args, **kwargs)
    return " ".join(error.value.messages)


def test_empty_text_is_refused():
    assert "it is empty" in refusal(article_paragraphs, "  \n\n ")


def test_text_with_no_paragraph_after_the_headline_is_refused():
    assert "No paragraph after the headline" in refusal(
        article_paragraphs, "Synthetic headline", headline="Synthetic headline"
    )


def test_five_megabytes_of_text_is_refused():
    text = ("Synthetic paragraph of filler words.\n\n" * 140_000)[: 5 * 1024 * 1024]
    assert "up to 1,000 kB" in refusal(article_paragraphs, text)


def test_binary_upload_is_refused():
    assert "not text" in refusal(decode_upload, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_upload_not_in_utf8_is_refused():
    assert "not UTF-8" in refusal(decode_upload, "Synthetic caf\u00e9 text".encode("latin-1"))


def test_upload_over_the_limit_is_refused_before_decoding():
    assert "up to 1,000 kB" in refusal(decode_upload, b"a" * (MAX_TEXT_BYTES + 1))


def test_text_in_another_script_is_refused():
    assert "another script" in refusal(article_paragraphs, "Заголовок\n\nЭто синтетический текст.")


def test_plain_article_text_is_numbered_from_the_first_paragraph_after_the_headline():
    text = "Synthetic headline\n\nFirst paragraph.\n\nSecond\nparagraph."
    assert article_paragraphs(text, headline="Synthetic headline") == [
        "First paragraph.",
        "Second paragraph.",
    ]
