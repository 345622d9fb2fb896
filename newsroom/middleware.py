"""Answers a 404 whose path has a `Redirect` (left by merging duplicates) with a 301
(`RedirectFallbackMiddleware`), and one whose path has a `Tombstone` (left by deleting a
public item, newsroom.editorial.removals) with 410 Gone and the public note
(`GoneFallbackMiddleware`, outside the first in MIDDLEWARE, so a redirect wins).

Like django.contrib.redirects' fallback middleware, it only looks at responses that are
already 404, so a live page is never shadowed by an old redirect. It sits near the top of
MIDDLEWARE so it sees the final 404, whatever produced it.

It is not django.contrib.redirects itself, on purpose: that needs django.contrib.sites, whose
Site row ("example.com") would then stand in for the site's address in feeds and the admin's
"View on site" (newsroom.site_address gives SITE_URL or the served address instead); it keys
a redirect by path and query string together (here the query string is passed on); it
answers every method; and a lookup the database cannot answer becomes an error, not the 404
the page would have been.
"""

import logging

from django.db import DatabaseError
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render

from .editorial.records import Redirect, Tombstone

logger = logging.getLogger(__name__)


class RedirectFallbackMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        try:
            target = (
                Redirect.objects.filter(old_path=request.path).values_list("new_path", flat=True)
            ).first()
        except DatabaseError:
            # A missing page stays a 404 while the database is away, not an error.
            logger.warning("Redirect lookup failed for %s; answering 404", request.path)
            return response
        if not target or target == request.path:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)


class GoneFallbackMiddleware:
    """A page readers could see, deleted with a public note: 410 Gone, the note and date."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        try:
            tombstone = Tombstone.objects.filter(old_path=request.path).first()
        except DatabaseError:
            logger.warning("Tombstone lookup failed for %s; answering 404", request.path)
            return response
        if tombstone is None:
            return response
        return render(request, "newsroom/gone.html", {"tombstone": tombstone}, status=410)
