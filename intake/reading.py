"""What intake accepts as an article's text, and its numbered paragraphs.

Pasted or uploaded text is refused, with a message for the form field, when it is empty,
larger than `MAX_TEXT_BYTES`, not UTF-8 text (a binary file), mostly in a script the
parsers do not read (they look for English words, names and quotation marks), or has no
paragraph after the headline. Paragraphs are numbered by `newsroom.paragraphs`, the rule
the provenance checks use, so the pinpoints intake proposes are the ones they check.
"""

import unicodedata

from django.core.exceptions import ValidationError

from newsroom.paragraphs import split_paragraphs

MAX_TEXT_BYTES = 1_000_000
_LATIN_SHARE = 0.6


def decode_upload(content: bytes) -> str:
    """An uploaded file's text, or a ValidationError saying why it is not text."""
    if len(content) > MAX_TEXT_BYTES:
        raise ValidationError(_too_large(len(content)))
    if b"\x00" in content:
        raise ValidationError(
            "This file is not text (it looks like a binary file): upload a UTF-8 .txt file."
        )
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            "This file is not UTF-8 text: save it as UTF-8 .txt and upload it again."
        ) from error


def article_paragraphs(text: str, *, headline: str = "", standfirst: str = "") -> list[str]:
    """The body paragraphs of an acceptable text, or a ValidationError saying what is wrong."""
    if not text.strip():
        raise ValidationError("Paste the article's text or upload it: it is empty.")
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise ValidationError(_too_large(size))
    letters = [char for char in text if char.isalpha()]
    latin = sum(1 for char in letters if unicodedata.name(char, "").startswith("LATIN"))
    if letters and latin / len(letters) < _LATIN_SHARE:
        raise ValidationError(
            "Intake reads articles in the Latin alphabet (its rules look for English words "
            "and names); most of this text is in another script. Add the source and its "
            "quotes by hand instead."
        )
    paragraphs = split_paragraphs(text, headline=headline, standfirst=standfirst)
    if not paragraphs:
        raise ValidationError(
            "No paragraph after the headline: separate the article's paragraphs with blank "
            "lines, headline first."
        )
    return paragraphs


def _too_large(size: int) -> str:
    return (
        f"This text is {size // 1000:,} kB; intake takes articles up to "
        f"{MAX_TEXT_BYTES // 1000:,} kB. Paste one article at a time."
    )
