"""The site's URLs with /bench/ping in front: the cheapest answer the same stack can give.

It passes through every middleware (request log, security headers, CSP, sessions, CSRF,
the page cache's lookup) but reads nothing and is never stored, so it measures what the
stack costs before any view does work.
"""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ballotdesk.urls import urlpatterns as site_urlpatterns


@never_cache
@require_safe
def ping(request):
    return HttpResponse(b"ok\n", content_type="text/plain")


urlpatterns = [path("bench/ping", ping, name="bench_ping"), *site_urlpatterns]
