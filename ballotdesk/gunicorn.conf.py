"""Gunicorn settings for `make serve` and production, read from the environment.

WEB_CONCURRENCY sets the worker processes (default: two per CPU plus one, at most 8),
GUNICORN_THREADS the threads per worker, PORT (as platforms set it) or GUNICORN_BIND where
to listen; without them, 127.0.0.1:8000. BEHIND_TLS_PROXY=on (as for Django's settings)
trusts the proxy's X-Forwarded-Proto from FORWARDED_ALLOW_IPS (default: this host).
"""

import os

wsgi_app = "ballotdesk.wsgi:application"

if "GUNICORN_BIND" in os.environ:
    bind = os.environ["GUNICORN_BIND"].split(",")
elif "PORT" in os.environ:
    bind = [f"0.0.0.0:{int(os.environ['PORT'])}"]
else:
    bind = ["127.0.0.1:8000"]

workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * (os.cpu_count() or 1) + 1, 8))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak cannot grow on results night.
max_requests = 2000
max_requests_jitter = 200

# A trusted X-Forwarded-Proto makes a request https to gunicorn and so to Django, which then
# sends HSTS and secure cookies. Gunicorn trusts 127.0.0.1 (and any Unix socket peer) by
# default: without our TLS proxy, anything on this host could claim https over plain HTTP.
BEHIND_TLS_PROXY = os.environ.get("BEHIND_TLS_PROXY", "").strip().lower() in {
    "true",
    "on",
    "ok",
    "y",
    "yes",
    "1",
}
if BEHIND_TLS_PROXY:
    forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}

# Django writes one structured line per request (ballotdesk.middleware); no second access log.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()

# The request line and headers a newsroom page needs are short; longer ones are refused.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# No control socket in the home directory: nothing here uses it.
control_socket_disable = True
