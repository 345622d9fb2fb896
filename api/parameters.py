"""What a query parameter's value may look like, enforced exactly as the OpenAPI schema says.

A value is read as given, never tidied up first: Python's `str.strip()` also removes control
characters such as U+001E, which once let `candidate=2%1E` through as the slug `2`. So:

* a slug is 1 to 200 ASCII letters, digits, hyphens and underscores (200 is the longest slug
  any resource has);
* a whole number is ASCII digits without sign, spaces, decimal point or leading zeros, within
  the minimum and maximum its schema states (`²`, `٢٠٢٤`, `+2024`, `2024.0` are refused);
* a choice is one of the listed values, character for character.

Anything else is a 400 whose body names the parameter, like every bad query parameter of the
API (see `conventions`).
"""

import re

from django import forms
from django.core.validators import validate_slug

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
SLUG_MAX_LENGTH = 200
SLUG_SCHEMA = {"type": "string", "pattern": SLUG_PATTERN, "maxLength": SLUG_MAX_LENGTH}

WHOLE_NUMBER = re.compile(r"0|[1-9][0-9]*", re.ASCII)
WHOLE_NUMBER_HELP = "ASCII digits, without sign, spaces or leading zeros."


class SlugParameterField(forms.CharField):
    default_validators = [validate_slug]
    default_error_messages = {
        "invalid": "Enter a slug: ASCII letters, digits, hyphens and underscores only.",
    }

    def __init__(self, **kwargs):
        kwargs["strip"] = False
        kwargs.setdefault("max_length", SLUG_MAX_LENGTH)
        super().__init__(**kwargs)


class WholeNumberField(forms.IntegerField):
    """An integer written the one way the schema's examples write it; bounded, so that a
    string of thousands of digits is refused by its length before any conversion."""

    default_error_messages = {"invalid": f"Enter a whole number: {WHOLE_NUMBER_HELP}"}

    def __init__(self, *, min_value: int, max_value: int, **kwargs):
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value)
        if not WHOLE_NUMBER.fullmatch(value):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if len(value) > len(str(self.max_value)):
            raise forms.ValidationError(
                "Ensure this value is less than or equal to %(limit_value)s.",
                code="max_value",
                params={"limit_value": self.max_value},
            )
        return int(value)


def select_one_of(values) -> str:
    """A choice error that lists what is allowed instead of echoing what was sent."""
    return f"Select one of: {', '.join(values)}."


def choice_messages(choices) -> dict:
    return {"invalid_choice": select_one_of(value for value, _label in choices)}
