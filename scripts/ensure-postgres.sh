#!/usr/bin/env bash
# Makes sure the PostgreSQL server in DATABASE_URL answers, starting a local cluster if it is
# down. Fails (never skips) when it still cannot be reached.
set -u
host=${PGHOST_CHECK:-127.0.0.1}
port=${PGPORT_CHECK:-5432}
if pg_isready -q -h "$host" -p "$port" 2>/dev/null; then exit 0; fi
echo "PostgreSQL is not answering on $host:$port; trying to start the local cluster..."
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  for version in $(ls /etc/postgresql); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>&1 || true
  done
fi
for _ in $(seq 1 30); do
  if pg_isready -q -h "$host" -p "$port" 2>/dev/null; then echo "PostgreSQL is up."; exit 0; fi
  sleep 1
done
echo "ERROR: PostgreSQL cannot be reached on $host:$port. The PostgreSQL test run needs it." >&2
exit 1
