"""Short text readers see (names, titles, headlines) never carries invisible characters that
change the direction of the text around them.

A right-to-left override in a name ("Jason Palmer" followed by U+202E) turns what follows on
the page around: a spoof readers cannot see. The Unicode bidirectional controls (embeddings,
overrides, isolates and the directional marks) are removed from every one-line text field
(CharField) of a model that inherits `DirectionSafeText`: in the admin's forms (so the
change recorded for a public correction is the clean name), when a form or import validates
the row (so uniqueness is checked on the cleaned name) and again on every save (so the shell
and scripts obey too). Long texts (TextField: verbatim quotes, summaries) are left alone.
"""

import re

from django.db import models

DIRECTION_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def without_direction_controls(text: str) -> str:
    return DIRECTION_CONTROLS.sub("", text)


def one_line_text_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField) and not isinstance(field, models.TextField)
    ]


def clean_text_values(model, values: dict) -> None:
    """Remove direction controls from the one-line texts of `model` in a form's values."""
    for field in one_line_text_fields(model):
        value = values.get(field.name)
        if isinstance(value, str):
            values[field.name] = without_direction_controls(value)


class DirectionSafeText(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._remove_direction_controls()
        return super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        self._remove_direction_controls()
        super().clean_fields(exclude=exclude)

    def _remove_direction_controls(self) -> None:
        for field in one_line_text_fields(type(self)):
            value = getattr(self, field.attname)
            if isinstance(value, str) and DIRECTION_CONTROLS.search(value):
                setattr(self, field.attname, without_direction_controls(value))
