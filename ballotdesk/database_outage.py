"""A page that cannot be built because the database is away answers 503, not 500.

While PostgreSQL restarts or fails over, requests that need it fail with OperationalError
(or InterfaceError on a connection cut mid-request). That is a passing condition, not a
bug in the page: readers get "Service Unavailable" with Retry-After, load balancers and
caches in front may keep serving their copy, and nothing stores the error page. Pages
already in the page cache are served without the database meanwhile.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    """Turns a view's database connection error into a 503 page with Retry-After."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("The database is unavailable: %s", exception, exc_info=exception)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
