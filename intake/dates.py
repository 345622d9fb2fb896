"""Dates an article reports, in its own words ("Tuesday", "early Wednesday", "March 5"),
each with a calendar date only when the article's own date makes it certain (flagged as
derived wherever it is kept):

- a weekday within the six days before the article's date (the article's own weekday is
  left alone: today, or a week ago?);
- "yesterday", "today", "last night", "tonight";
- a month and day with its year; without one, in the article's year when that day is not
  after the article's date.

Only an explicit year is certain unless the article's date is exact to the day.
"""

import datetime
import re
from dataclasses import dataclass

from newsroom.dates import DatePrecision

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_PART = r"(?:morning|afternoon|evening|night)"
DATE_WORDS = re.compile(
    r"\b(?:(?:early|late)\s+)?(?:on\s+)?(?:last\s+)?"
    r"(?:(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:\s+" + _PART + r")?"
    r"|(?P<month>" + "|".join(MONTHS) + r")\s+(?P<day>[1-3]?\d)\b(?:,\s+(?P<year>\d{4}))?"
    r"|(?P<relative>yesterday|today|tonight)(?:\s+" + _PART + r")?"
    r"|(?P<lastnight>last night))",
)
_LEADING = re.compile(r"^(?:on|last)\s+")


@dataclass
class ProposedDate:
    words: str
    date: datetime.date | None
    derivation: str


def _derive(match, published_on: datetime.date | None, exact: bool) -> datetime.date | None:
    if match["month"]:
        month, day = MONTHS.index(match["month"]) + 1, int(match["day"])
        year = int(match["year"]) if match["year"] else None
        if year is None:
            if not (exact and published_on):
                return None
            year = published_on.year
        try:
            date = datetime.date(year, month, day)
        except ValueError:
            return None
        if not match["year"] and date > published_on:
            return None
        return date
    if not (exact and published_on):
        return None
    if match["weekday"]:
        back = (published_on.weekday() - WEEKDAYS.index(match["weekday"])) % 7
        return published_on - datetime.timedelta(days=back) if back else None
    if match["lastnight"] or match["relative"] == "yesterday":
        return published_on - datetime.timedelta(days=1)
    return published_on


def _outside_quotes(text: str) -> str:
    return re.sub(r"[“\"][^”\"]*[”\"]", lambda m: " " * len(m.group(0)), text)


def _proposed(match, published_on, precision: str) -> ProposedDate:
    words = _LEADING.sub("", match.group(0))
    date = _derive(match, published_on, precision == DatePrecision.DAY)
    derivation = (
        f"Date derived from the article's date ({published_on.isoformat()}): “{words}”."
        if date and not match["year"]
        else ""
    )
    return ProposedDate(words, date, derivation)


def find_date(text: str, published_on=None, precision: str = "") -> ProposedDate | None:
    """The first date `text` reports outside quotation marks, with its calendar date when
    certain (the article's date exact to the day)."""
    match = DATE_WORDS.search(_outside_quotes(text))
    return None if match is None else _proposed(match, published_on, precision)


def find_dates(paragraphs: list[str], published_on=None, precision: str = "") -> list[tuple]:
    """(paragraph, ProposedDate) of every date the article reports, para. 1 first."""
    return [
        (number, _proposed(match, published_on, precision))
        for number, text in enumerate(paragraphs, start=1)
        for match in DATE_WORDS.finditer(_outside_quotes(text))
    ]
