"""Structured logging: the current request's id on every record, and one JSON object a line.

The request id lives in a context variable set by `RequestLogMiddleware`, so a record logged
anywhere during a request (a database error, an ignored cache failure) carries it.
"""

import contextvars
import json
import logging
from datetime import UTC, datetime

request_id = contextvars.ContextVar("request_id", default="-")

# Attributes of the request log line (see ballotdesk.middleware) copied into the JSON object.
REQUEST_FIELDS = ("method", "path", "status", "duration_ms", "cache")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        entry.update(
            {field: getattr(record, field) for field in REQUEST_FIELDS if hasattr(record, field)}
        )
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)
