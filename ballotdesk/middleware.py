"""Project-wide middleware: a request id and one structured log line per request."""

import logging
import re
import time
import uuid

from . import logs

logger = logging.getLogger("ballotdesk.requests")

REQUEST_ID_HEADER = "X-Request-ID"
# An id handed over by the proxy is kept when it is short and plain; anything else could
# forge log lines, so it is replaced.
_TRUSTABLE_ID = re.compile(r"[A-Za-z0-9._-]{8,128}\Z")


class RequestLogMiddleware:
    """Outermost middleware: gives the request an id, times it, logs it, echoes the id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request.id = incoming if _TRUSTABLE_ID.match(incoming) else uuid.uuid4().hex
        token = logs.request_id.set(request.id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            response[REQUEST_ID_HEADER] = request.id
            if request.method == "HEAD" and not response.streaming:
                # HEAD answers carry the headers of GET and no body (RFC 9110); gunicorn
                # would drop the body itself, with a warning each time.
                response.content = b""
            logger.info(
                "%s %s %s %sms",
                request.method,
                request.path,
                response.status_code,
                duration_ms,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                    "cache": getattr(response, "page_cache", "-"),
                },
            )
            return response
        finally:
            logs.request_id.reset(token)
