#!/usr/bin/env bash
# `make bench`: build the bench newsroom in its own PostgreSQL database, serve it with the
# production stack of `make serve`, load it with wrk, and write bench/results.md.
# Run `bench/run.sh --help` for the options; the measuring itself is bench/run.py.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

usage() {
  cat <<'USAGE'
Usage: bench/run.sh [--fresh] [--duration SECONDS] [--help]   (or: make bench)

Generates the synthetic newsroom (2,000 candidates, 200,000 quotes, 50,000 sources, 5,000
contests with 20,000 results) in BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/ballotdesk_bench, created if missing; generated only once
unless --fresh or BENCH_FRESH=1), serves it with gunicorn as `make serve` does (DEBUG off,
whitenoise, psycopg pool, Redis cache BENCH_CACHE_URL, default rediscache://127.0.0.1:6379/7)
on 127.0.0.1:8300 (page cache on) and 127.0.0.1:8310 (page cache off; BENCH_PORT moves both), loads each endpoint
with wrk for --duration seconds (default 10) after a short warm-up, requests every kind of
public page one at a time from the cache-off server (compared with /healthz; sizes),
measures the citation export, the results import, the admin changelist, the full
provenance report (checks per second) and a 500-item citation basket in every format,
prints the table and writes it to bench/results.md.

  --fresh             Drop the bench database and generate it again.
  --duration SECONDS  Load time per endpoint (default 10, or BENCH_DURATION).
  --election-night SECONDS
                      Each election-night load: 256 readers on the contest page and the
                      profile without, then with, an import every 10 s (default 120, or
                      BENCH_NIGHT_SECONDS; 0 leaves it out).
  --help              This text.
USAGE
}

fresh=${BENCH_FRESH:-0}
run_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --fresh) fresh=1 ;;
    --duration) run_args+=(--duration "$2"); shift ;;
    --election-night) run_args+=(--election-night "$2"); shift ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

export DEBUG=off
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/ballotdesk_bench}
export CACHE_URL=${BENCH_CACHE_URL:-rediscache://127.0.0.1:6379/7}
export SECURE_SSL_REDIRECT=off
# The bench app (generate_bench_data, bench_export, bench_import, bench_admin,
# bench_provenance) and the baseline view exist only under these settings; run.py's
# commands inherit them.
export DJANGO_SETTINGS_MODULE=bench.settings
if [ -z "${SECRET_KEY:-}" ]; then
  mkdir -p var
  if [ ! -s var/secret-key ]; then
    (umask 077 && $PY -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret-key)
  fi
  SECRET_KEY=$(cat var/secret-key)
  export SECRET_KEY
fi

read -r pg_host pg_port pg_name < <($PY -c '
import os; from urllib.parse import urlsplit
u = urlsplit(os.environ["DATABASE_URL"])
assert u.scheme.startswith("postgres"), "make bench needs PostgreSQL in BENCH_DATABASE_URL"
print(u.hostname or "127.0.0.1", u.port or 5432, u.path.lstrip("/"))')
read -r redis_host redis_port redis_db < <($PY -c '
import os; from urllib.parse import urlsplit
u = urlsplit(os.environ["CACHE_URL"])
print(u.hostname or "127.0.0.1", u.port or 6379, u.path.lstrip("/") or 0)')

PGHOST_CHECK=$pg_host PGPORT_CHECK=$pg_port scripts/ensure-postgres.sh
scripts/ensure-redis.sh "$redis_host" "$redis_port"
scripts/ensure-wrk.sh

echo "== Database $pg_name on $pg_host:$pg_port"
$PY - "$pg_name" "$fresh" <<'PYCODE'
import os, sys
from urllib.parse import urlsplit
import psycopg
from psycopg import sql
name, fresh = sys.argv[1], sys.argv[2] == "1"
server = urlsplit(os.environ["DATABASE_URL"])._replace(path="/postgres").geturl()
with psycopg.connect(server, autocommit=True) as db:
    exists = db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if exists and fresh:
        db.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
        print(f"Dropped {name} (--fresh).")
        exists = None
    if not exists:
        db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print(f"Created the PostgreSQL database {name}.")
PYCODE
$PY manage.py migrate --no-input -v0
$PY manage.py generate_bench_data
# VACUUM ANALYZE: fresh statistics and visibility map after the bulk load, as autovacuum
# would give a database that has been running for a while.
psql -q -h "$pg_host" -p "$pg_port" -U "$(
  $PY -c 'import os; from urllib.parse import urlsplit; print(urlsplit(os.environ["DATABASE_URL"]).username or "postgres")'
)" -d "$pg_name" -c "VACUUM ANALYZE"
$PY manage.py collectstatic --no-input --verbosity 0
redis-cli -h "$redis_host" -p "$redis_port" -n "$redis_db" flushdb >/dev/null

exec $PY bench/run.py "${run_args[@]}"
