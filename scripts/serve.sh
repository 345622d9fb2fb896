#!/usr/bin/env bash
# `make serve`: the production configuration on this machine. DEBUG off, PostgreSQL from
# DATABASE_URL, Redis from CACHE_URL (local servers that are down are started), migrations,
# the seed newsroom, hashed and compressed static files, then gunicorn.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

export DEBUG=off
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/ballotdesk}
export CACHE_URL=${CACHE_URL:-rediscache://127.0.0.1:6379/1}
# Plain HTTP on this machine: nothing in front terminates TLS. In production leave it on.
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-off}
if [ -z "${SECRET_KEY:-}" ]; then
  mkdir -p var
  if [ ! -s var/secret-key ]; then
    (umask 077 && $PY -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret-key)
  fi
  SECRET_KEY=$(cat var/secret-key)
  export SECRET_KEY
  echo "SECRET_KEY is not set: using this machine's key in var/secret-key."
fi

# host, port and database name of a URL, or nothing when it is not PostgreSQL / Redis.
read -r pg_host pg_port pg_name < <($PY - <<'PY'
import os
from urllib.parse import urlsplit
url = urlsplit(os.environ["DATABASE_URL"])
if url.scheme.startswith("postgres"):
    print(url.hostname or "127.0.0.1", url.port or 5432, url.path.lstrip("/") or "postgres")
else:
    print("- - -")
PY
)
read -r redis_host redis_port < <($PY - <<'PY'
import os
from urllib.parse import urlsplit
url = urlsplit(os.environ["CACHE_URL"])
print(*((url.hostname or "127.0.0.1", url.port or 6379) if "redis" in url.scheme else "--"))
PY
)

if [ "$pg_host" != "-" ]; then
  case "$pg_host" in
    127.0.0.1|localhost|::1)
      PGHOST_CHECK=$pg_host PGPORT_CHECK=$pg_port scripts/ensure-postgres.sh || {
        echo "ERROR: the local PostgreSQL in DATABASE_URL ($pg_host:$pg_port) could not be started." >&2
        exit 1
      } ;;
    *)
      if ! pg_isready -q -h "$pg_host" -p "$pg_port"; then
        echo "ERROR: PostgreSQL at $pg_host:$pg_port (DATABASE_URL) is not answering." >&2
        exit 1
      fi ;;
  esac
  # Create the database on first use.
  $PY - "$pg_name" <<'PY'
import os, sys
import psycopg
from psycopg import sql
from urllib.parse import urlsplit
name = sys.argv[1]
server = urlsplit(os.environ["DATABASE_URL"])._replace(path="/postgres").geturl()
with psycopg.connect(server, autocommit=True) as db:
    if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print(f"Created the PostgreSQL database {name}.")
PY
fi
if [ "$redis_host" != "-" ]; then
  scripts/ensure-redis.sh "$redis_host" "$redis_port"
fi

$PY manage.py migrate --no-input
$PY manage.py seed_newsroom
$PY manage.py ensure_admin
$PY manage.py collectstatic --no-input --verbosity 0
echo "Serving the production configuration on http://${GUNICORN_BIND:-127.0.0.1:${PORT:-8000}}/ (WEB_CONCURRENCY=${WEB_CONCURRENCY:-auto})"
exec .venv/bin/gunicorn --config ballotdesk/gunicorn.conf.py
