"""How a source's text on file is split into numbered paragraphs, and how a pinpoint names one.

One rule, the one docs/provenance.md states for editors:

- The text is split into blocks at blank lines; whitespace inside a block collapses to one
  space.
- The front matter is not numbered: every block up to and including the headline (the
  block that is the source's headline, with whatever stands above it: a kicker, a date
  line, a standfirst printed above the headline). When the source's headline is unknown or
  is not one of the blocks, the first block is taken to be the headline (or what stands in
  its place at the top of the page). A block right after that which is the source's
  standfirst is front matter too.
- Every block after the front matter is numbered from 1, whatever it is: paragraphs,
  subheadings, photo captions, quoted posts and the closing credit lines alike. One block,
  one number, as a reader counting down the page would count.

A pinpoint "para. 9" (also "paras. 9–10", "paragraph 9", "¶ 9") names the ninth body
paragraph; `cited_paragraphs` returns the paragraphs it names.
"""

import re

_BLANK_LINE = re.compile(r"\n[ \t\f\v\r]*\n")
_SPACE = re.compile(r"\s+")
_PINPOINT = re.compile(
    r"^\s*(?:paras?\.?|paragraphs?|¶¶?)\s*(\d+)(?:\s*[-–—]\s*(\d+))?\s*$", re.IGNORECASE
)


def _blocks(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = (_SPACE.sub(" ", block).strip() for block in _BLANK_LINE.split(text))
    return [block for block in blocks if block]


def _same(block: str, line: str) -> bool:
    line = _SPACE.sub(" ", line).strip()
    return bool(line) and block == line


def split_paragraphs(text: str, *, headline: str = "", standfirst: str = "") -> list[str]:
    """The body paragraphs of `text`, para. 1 first (see the module's rule)."""
    blocks = _blocks(text)
    if not blocks:
        return []
    body_from = 1
    for index, block in enumerate(blocks):
        if _same(block, headline):
            body_from = index + 1
            break
    if body_from < len(blocks) and _same(blocks[body_from], standfirst):
        body_from += 1
    return blocks[body_from:]


def paragraph_numbers(pinpoint: str) -> list[int]:
    """The paragraph numbers a pinpoint names ("para. 9" → [9], "paras. 3–4" → [3, 4]), or
    [] when it names none (a page, a timestamp, nothing)."""
    match = _PINPOINT.match(pinpoint or "")
    if not match:
        return []
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if last < first or last - first > 50:
        return []
    return list(range(first, last + 1))


def cited_paragraphs(paragraphs: list[str], pinpoint: str) -> list[str] | None:
    """The paragraphs `pinpoint` names, or None when it names no paragraph or one past the
    end of the text."""
    numbers = paragraph_numbers(pinpoint)
    if not numbers or numbers[-1] > len(paragraphs):
        return None
    return [paragraphs[number - 1] for number in numbers]
