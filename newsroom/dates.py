"""Dates known only to a year, a month or a day, as news reports give them; and the rule
that a date recording something that already happened cannot lie in the future."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

#: How far ahead of our clock a past event's date or time may lie: a day for dates (a
#: reporter west or east of us, a day-precision date read in another time zone) and a few
#: minutes for times (a clerk's clock running fast).
DATE_ALLOWANCE = datetime.timedelta(days=1)
TIME_ALLOWANCE = datetime.timedelta(minutes=5)


class DatePrecision(models.TextChoices):
    YEAR = "year", "Year only"
    MONTH = "month", "Year and month"
    DAY = "day", "Exact day"


def precision_field(verbose_name: str) -> models.CharField:
    """How much of a partial date is known: its year, month or day; blank with no date."""
    return models.CharField(verbose_name, max_length=5, choices=DatePrecision.choices, blank=True)


def truncate_to_precision(value: datetime.date | None, precision: str) -> datetime.date | None:
    """The first day of the period a partial date names, so equal periods compare equal."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value


def format_partial_date(value: datetime.date | None, precision: str) -> str:
    """'2024', 'March 2024' or 'March 6, 2024'; empty when the date is unknown."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year}"
    if precision == DatePrecision.MONTH:
        return value.strftime("%B %Y")
    return f"{value.strftime('%B')} {value.day}, {value.year}"


def date_parts(value: datetime.date | None, precision: str) -> list[int]:
    """CSL-style date parts: [2024], [2024, 3] or [2024, 3, 6]."""
    if value is None:
        return []
    parts = {DatePrecision.YEAR: 1, DatePrecision.MONTH: 2}.get(precision, 3)
    return [value.year, value.month, value.day][:parts]


def partial_date_constraint(field: str, name: str) -> models.CheckConstraint:
    """A date and its precision are set together or not at all."""
    return models.CheckConstraint(
        condition=(
            models.Q(**{f"{field}__isnull": True, f"{field}_precision": ""})
            | (models.Q(**{f"{field}__isnull": False}) & ~models.Q(**{f"{field}_precision": ""}))
        ),
        name=name,
        violation_error_message="Give a date and its precision together, or leave both empty.",
    )


def not_in_future(value: datetime.date | datetime.datetime | None) -> None:
    """Field validator for dates and times of things that already happened (a report, a
    count, a call, a quote): refused when later than now, give or take the allowance.

    A partial date is entered as the first day of its period (`truncate_to_precision`), so
    "this month" or "this year" passes.
    """
    if value is None:
        return
    if isinstance(value, datetime.datetime):
        latest = timezone.now() + TIME_ALLOWANCE
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        if value > latest:
            raise ValidationError("This time cannot be in the future.", code="future")
    elif value > timezone.localdate() + DATE_ALLOWANCE:
        raise ValidationError("This date cannot be in the future.", code="future")
