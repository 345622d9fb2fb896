"""The /healthz endpoint for load balancers and uptime checks.

The database is essential: without it the answer is 503. The cache is not: pages are served
from the database while Redis is away, so a lost cache is reported but the answer stays 200
and the load balancer keeps sending traffic.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database does not answer")
        return False


def cache_answers() -> bool:
    # Cache errors are ignored and logged by django-redis; a value that does not come back
    # is how a missing Redis shows here.
    key, token = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, token, timeout=10)
    answered = cache.get(key) == token
    cache.delete(key)
    return answered


@never_cache
@require_safe
def healthz(request):
    database, cache_ok = database_answers(), cache_answers()
    status = "ok" if database and cache_ok else ("degraded" if database else "unavailable")
    return JsonResponse(
        {
            "status": status,
            "database": "ok" if database else "unavailable",
            "cache": "ok" if cache_ok else "unavailable",
        },
        status=200 if database else 503,
    )
