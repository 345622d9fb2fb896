"""Paths of the routes that take one slug or id, reversed once per route instead of once
per link.

A profile, a contest page or a page of the API links every row it shows (its page, its API
resource, its candidate, each cited source): dozens of `reverse()` calls a page, each
walking the resolver's patterns. `route_path()` reverses a route once with a stand-in
argument, keeps the path, and puts each value in its place; the answer is the path
`reverse()` gives. Values that are not plain slugs or ids (which need quoting or may
not match the route) go through `reverse()` itself.

The kept paths belong to the URLconf and script prefix they were reversed under, and are
dropped when tests change ROOT_URLCONF.
"""

import functools
import re

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse

#: Stands for the argument while a route is reversed: digits, so an id route and a slug
#: route both accept it.
_STAND_IN = "907150226039184"
_PLAIN = re.compile(r"[-a-zA-Z0-9_]+")


@functools.cache
def _path_around(name: str, keyword: str | None, urlconf, prefix: str) -> tuple[str, str]:
    """The route's path before and after its argument."""
    if keyword is None:
        path = reverse(name, args=[_STAND_IN], urlconf=urlconf)
    else:
        path = reverse(name, kwargs={keyword: _STAND_IN}, urlconf=urlconf)
    before, stand_in, after = path.partition(_STAND_IN)
    if not stand_in or _STAND_IN in after:
        raise ValueError(f"Route {name!r} does not take one argument as its own path segment.")
    return before, after


def route_path(name: str, value, *, keyword: str | None = None) -> str:
    """`reverse(name, args=[value])` (or `kwargs={keyword: value}`) for a route with that
    one argument."""
    text = str(value)
    if not _PLAIN.fullmatch(text):
        if keyword is None:
            return reverse(name, args=[value])
        return reverse(name, kwargs={keyword: value})
    before, after = _path_around(name, keyword, get_urlconf(), get_script_prefix())
    return f"{before}{text}{after}"


def fixed_path(name: str) -> str:
    """`reverse(name)` for a route without arguments."""
    return _fixed_path(name, get_urlconf(), get_script_prefix())


@functools.cache
def _fixed_path(name: str, urlconf, prefix: str) -> str:
    return reverse(name, urlconf=urlconf)


@receiver(setting_changed)
def _forget_paths(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _path_around.cache_clear()
        _fixed_path.cache_clear()
