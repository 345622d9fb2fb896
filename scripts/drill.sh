#!/usr/bin/env bash
# The scale-out drill (`make drill-up`, `make drill-down`): a PostgreSQL primary and its
# streaming replica (pg_basebackup), Redis, two gunicorn app processes with the production
# settings of `make serve`, haproxy in front of them and Varnish in front of haproxy (grace
# mode, purges by surrogate key sent by the apps on commit), all on this machine and all of
# the drill's own: the machine's PostgreSQL (5432) and Redis (6379) are never touched.
#
#   scripts/drill.sh up        start everything (databases first; idempotent)
#   scripts/drill.sh up-db     only the primary and its replica
#   scripts/drill.sh status    what runs, replication state and lag
#   scripts/drill.sh demo      which server serves what, replication lag, one app stopped
#   scripts/drill.sh down      stop everything and remove the drill's data
#
# Ports and place (environment): DRILL_DIR (var/drill), DRILL_PRIMARY_PORT (5433),
# DRILL_REPLICA_PORT (5434), DRILL_REDIS_PORT (6380), DRILL_APP_PORTS ("8201 8202"),
# DRILL_LB_PORT (8200), DRILL_CACHE_PORT (8210, Varnish).
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECT=$(pwd)
PY=$PROJECT/.venv/bin/python

DIR=${DRILL_DIR:-$PROJECT/var/drill}
case "$DIR" in /*) ;; *) DIR=$PROJECT/$DIR ;; esac
PRIMARY_PORT=${DRILL_PRIMARY_PORT:-5433}
REPLICA_PORT=${DRILL_REPLICA_PORT:-5434}
REDIS_PORT=${DRILL_REDIS_PORT:-6380}
APP_PORTS=${DRILL_APP_PORTS:-8201 8202}
LB_PORT=${DRILL_LB_PORT:-8200}
CACHE_PORT=${DRILL_CACHE_PORT:-8210}
DB_NAME=ballotdesk
PG_BIN=${PG_BIN:-/usr/lib/postgresql/$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)/bin}

say() { echo "drill: $*"; }
fail() { echo "drill: ERROR: $*" >&2; exit 1; }

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
psql_at() { # port, SQL
  psql -X -q -At -h 127.0.0.1 -p "$1" -U postgres -d "${3:-postgres}" -c "$2"
}
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

need_tools() {
  for tool in initdb pg_ctl pg_basebackup; do
    [ -x "$PG_BIN/$tool" ] || fail "$PG_BIN/$tool is missing (apt-get install postgresql)."
  done
  command -v psql >/dev/null || fail "psql is missing (apt-get install postgresql-client)."
}

start_cluster() { # name, port
  local data=$DIR/$1 port=$2
  if as_postgres "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    say "PostgreSQL $1 already runs on port $port."
    return
  fi
  port_busy "$port" && fail "port $port is taken by something else; set DRILL_${1^^}_PORT."
  as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$DIR/$1.log" -w -t 30 start >/dev/null \
    || { tail -20 "$DIR/$1.log" >&2; fail "PostgreSQL $1 did not start (log above)."; }
  say "PostgreSQL $1 is up on 127.0.0.1:$port."
}

primary_up() {
  mkdir -p "$DIR/sockets"
  [ "$(id -u)" = 0 ] && chown postgres: "$DIR" "$DIR/sockets"
  if [ ! -s "$DIR/primary/PG_VERSION" ]; then
    say "initdb: a new primary cluster in $DIR/primary"
    as_postgres "$PG_BIN/initdb" -D "$DIR/primary" -U postgres --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; fail "initdb failed."; }
    cat >>"$DIR/primary/postgresql.conf" <<EOF

# Scale-out drill: a primary that streams its WAL to a replica.
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$DIR/sockets'
wal_level = replica
max_wal_senders = 5
wal_keep_size = 64MB
hot_standby = on
fsync = off
full_page_writes = on
shared_buffers = 32MB
# Every statement, with the client's name: shows which server served which app request.
log_statement = 'all'
log_line_prefix = '%m [%p] %a '
EOF
    # trust: a drill on loopback only. A real primary uses scram-sha-256 and TLS.
    echo "host replication postgres 127.0.0.1/32 trust" >>"$DIR/primary/pg_hba.conf"
  fi
  start_cluster primary "$PRIMARY_PORT"
  if [ -z "$(psql_at "$PRIMARY_PORT" "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ]; then
    psql_at "$PRIMARY_PORT" "CREATE DATABASE $DB_NAME"
    say "Created database $DB_NAME on the primary."
  fi
}

replica_up() {
  if [ ! -s "$DIR/replica/PG_VERSION" ]; then
    say "pg_basebackup: copying the primary into $DIR/replica (-R writes the standby settings)"
    as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres \
      -D "$DIR/replica" -R -X stream -c fast --no-sync >"$DIR/basebackup.log" 2>&1 \
      || { cat "$DIR/basebackup.log" >&2; fail "pg_basebackup failed."; }
    printf '\n# The replica listens on its own port.\nport = %s\n' "$REPLICA_PORT" \
      >>"$DIR/replica/postgresql.conf"
  fi
  start_cluster replica "$REPLICA_PORT"
  [ "$(psql_at "$REPLICA_PORT" "SELECT pg_is_in_recovery()")" = t ] \
    || fail "the replica on port $REPLICA_PORT is not in recovery: it is not a standby."
  for _ in $(seq 1 50); do
    [ -n "$(psql_at "$PRIMARY_PORT" "SELECT 1 FROM pg_stat_replication WHERE state = 'streaming'")" ] \
      && { say "The replica streams from the primary (pg_is_in_recovery() = t)."; return; }
    sleep 0.2
  done
  fail "the replica does not stream from the primary (see $DIR/replica.log)."
}

app_env() { # port -> the environment of one app process
  local name=app-$1
  echo DEBUG=off
  echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PRIMARY_PORT/$DB_NAME?application_name=$name"
  echo "REPLICA_DATABASE_URL=postgres://postgres@127.0.0.1:$REPLICA_PORT/$DB_NAME?application_name=$name"
  echo "CACHE_URL=rediscache://127.0.0.1:$REDIS_PORT/1"
  echo SECURE_SSL_REDIRECT=off
  echo SECURE_COOKIES=off
  echo "SITE_URL=http://127.0.0.1:$CACHE_PORT"
  # After each commit, the keys of the changed rows' pages are purged from Varnish.
  echo "PURGE_URLS=http://127.0.0.1:$CACHE_PORT/"
  echo "GUNICORN_BIND=127.0.0.1:$1"
  echo "WEB_CONCURRENCY=${DRILL_WEB_CONCURRENCY:-2}"
}

manage() { # runs manage.py against the drill's primary, as the apps see it (nothing to purge yet)
  env $(app_env "${APP_PORTS%% *}") PURGE_URLS= SECRET_KEY="$SECRET_KEY" "$PY" manage.py "$@"
}

secret_key() {
  if [ -z "${SECRET_KEY:-}" ]; then
    mkdir -p "$PROJECT/var"
    if [ ! -s "$PROJECT/var/secret-key" ]; then
      (umask 077 && "$PY" -c "import secrets; print(secrets.token_urlsafe(50))" >"$PROJECT/var/secret-key")
    fi
    SECRET_KEY=$(cat "$PROJECT/var/secret-key")
  fi
  export SECRET_KEY
}

redis_up() {
  if [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; then
    say "Redis already answers on port $REDIS_PORT."
    return
  fi
  command -v redis-server >/dev/null || fail "redis-server is missing (apt-get install redis-server)."
  port_busy "$REDIS_PORT" && fail "port $REDIS_PORT is taken by something else; set DRILL_REDIS_PORT."
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" >/dev/null
  for _ in $(seq 1 20); do
    [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ] && { say "Redis is up on port $REDIS_PORT."; return; }
    sleep 0.25
  done
  fail "Redis did not start on port $REDIS_PORT (see $DIR/redis.log)."
}

start_app() { # port: one gunicorn, as make serve runs it, in the background
  local port=$1
  if [ -s "$DIR/app-$port.pid" ] && kill -0 "$(cat "$DIR/app-$port.pid")" 2>/dev/null; then
    say "gunicorn app-$port already runs."
    return
  fi
  port_busy "$port" && fail "port $port is taken by something else; set DRILL_APP_PORTS."
  env $(app_env "$port") SECRET_KEY="$SECRET_KEY" setsid "$PROJECT/.venv/bin/gunicorn" \
    --config ballotdesk/gunicorn.conf.py --pid "$DIR/app-$port.pid" \
    >>"$DIR/app-$port.log" 2>&1 </dev/null &
}

wait_app() { # port
  local port=$1
  for _ in $(seq 1 60); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
    sleep 0.5
  done
  curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" \
    || { tail -20 "$DIR/app-$port.log" >&2; fail "app-$port does not answer /healthz."; }
  say "gunicorn app-$port answers on 127.0.0.1:$port (reads: replica for readers, primary for staff)."
}

apps_up() {
  secret_key
  say "Migrating the primary, loading the seed newsroom, collecting static files."
  manage migrate --no-input -v0
  manage seed_newsroom -v0
  manage collectstatic --no-input -v0
  for port in $APP_PORTS; do start_app "$port"; done
  for port in $APP_PORTS; do wait_app "$port"; done
}

through_lb() { # count: requests to the home page, a line of "status served-by" each
  for _ in $(seq 1 "$1"); do
    curl -s -o /dev/null -w '%{http_code} %header{x-served-by}\n' "http://127.0.0.1:$LB_PORT/"
    sleep 0.2
  done | sort | uniq -c | sed 's/^ */      /'
}

failover_demo() {
  secret_key
  local first=${APP_PORTS%% *}
  echo
  echo "5. app-$first stopped: haproxy retries on the other and takes it out of rotation"
  stop_pidfile "app-$first" "$DIR/app-$first.pid" >/dev/null
  through_lb 20
  start_app "$first"
  wait_app "$first" >/dev/null
  sleep 3  # haproxy's next health check puts it back (inter 2s, rise 1)
  echo "   app-$first started again:"
  through_lb 10
}

haproxy_up() {
  command -v haproxy >/dev/null || scripts/ensure-haproxy.sh
  if [ -s "$DIR/haproxy.pid" ] && kill -0 "$(cat "$DIR/haproxy.pid")" 2>/dev/null; then
    say "haproxy already runs on port $LB_PORT."
    return
  fi
  port_busy "$LB_PORT" && fail "port $LB_PORT is taken by something else; set DRILL_LB_PORT."
  {
    cat <<EOF
# Written by scripts/drill.sh: the load balancer in front of the drill's app processes.
global
    maxconn 512

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    option forwardfor
    # A request sent to a process that has just gone away is retried on another one.
    retries 2
    option redispatch

frontend ballotdesk
    bind 127.0.0.1:$LB_PORT
    default_backend apps

backend apps
    balance roundrobin
    # A process whose /healthz fails (database away) gets no traffic until it answers again.
    option httpchk
    http-check send meth GET uri /healthz hdr Host 127.0.0.1
    http-check expect status 200
    http-response set-header X-Served-By %[srv_name]
EOF
    for port in $APP_PORTS; do
      echo "    server app-$port 127.0.0.1:$port check inter 2s fall 2 rise 1"
    done
  } >"$DIR/haproxy.cfg"
  haproxy -c -q -f "$DIR/haproxy.cfg" || fail "haproxy refused $DIR/haproxy.cfg."
  haproxy -D -f "$DIR/haproxy.cfg" -p "$DIR/haproxy.pid"
  for _ in $(seq 1 40); do
    curl -fsS -o /dev/null "http://127.0.0.1:$LB_PORT/healthz" 2>/dev/null \
      && { say "haproxy balances app-${APP_PORTS// /, app-} on http://127.0.0.1:$LB_PORT/"; return; }
    sleep 0.25
  done
  fail "haproxy does not answer on port $LB_PORT."
}

varnish_up() {
  command -v varnishd >/dev/null && dpkg -s varnish-modules >/dev/null 2>&1 \
    || scripts/ensure-varnish.sh
  if [ -s "$DIR/varnish.pid" ] && kill -0 "$(cat "$DIR/varnish.pid")" 2>/dev/null; then
    say "Varnish already runs on port $CACHE_PORT."
    return
  fi
  port_busy "$CACHE_PORT" && fail "port $CACHE_PORT is taken by something else; set DRILL_CACHE_PORT."
  local admin=${ADMIN_URL:-admin/}
  admin=${admin#/}
  sed -e "s/@BACKEND_PORT@/$LB_PORT/" -e "s#@ADMIN_PATH@#${admin%/}/#" \
    scripts/drill-varnish.vcl >"$DIR/varnish.vcl"
  # -j none: no jail, so the drill's own folder serves as the working directory.
  varnishd -j none -a "127.0.0.1:$CACHE_PORT" -T none -f "$DIR/varnish.vcl" \
    -n "$DIR/varnish" -s malloc,64m -P "$DIR/varnish.pid" >"$DIR/varnish.log" 2>&1 \
    || { cat "$DIR/varnish.log" >&2; fail "varnishd did not start (log above)."; }
  for _ in $(seq 1 40); do
    curl -fsS -o /dev/null "http://127.0.0.1:$CACHE_PORT/healthz" 2>/dev/null \
      && { say "Varnish caches readers' pages on http://127.0.0.1:$CACHE_PORT/ (grace, xkey purges)"; return; }
    sleep 0.25
  done
  fail "Varnish does not answer on port $CACHE_PORT."
}

stop_pidfile() { # name, pidfile
  local pid
  pid=$(cat "$2" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    say "Stopped $1."
  fi
  rm -f "$2"
}

down() {
  [ -d "$DIR" ] || { say "Nothing to stop: $DIR does not exist."; return; }
  stop_pidfile Varnish "$DIR/varnish.pid"
  stop_pidfile haproxy "$DIR/haproxy.pid"
  for pidfile in "$DIR"/app-*.pid; do
    [ -e "$pidfile" ] && stop_pidfile "$(basename "$pidfile" .pid)" "$pidfile"
  done
  stop_pidfile Redis "$DIR/redis.pid"
  for cluster in replica primary; do
    if [ -s "$DIR/$cluster/PG_VERSION" ] \
      && as_postgres "$PG_BIN/pg_ctl" -D "$DIR/$cluster" status >/dev/null 2>&1; then
      as_postgres "$PG_BIN/pg_ctl" -D "$DIR/$cluster" -m fast -w stop >/dev/null
      say "Stopped PostgreSQL $cluster."
    fi
  done
  rm -rf "$DIR"
  say "Removed $DIR."
}

status() {
  local primary replica
  primary=$(pg_isready -q -h 127.0.0.1 -p "$PRIMARY_PORT" && echo up || echo down)
  replica=$(pg_isready -q -h 127.0.0.1 -p "$REPLICA_PORT" && echo up || echo down)
  say "PostgreSQL primary 127.0.0.1:$PRIMARY_PORT: $primary"
  say "PostgreSQL replica 127.0.0.1:$REPLICA_PORT: $replica"
  if [ "$primary" = up ] && [ "$replica" = up ]; then
    say "replica in recovery: $(psql_at "$REPLICA_PORT" "SELECT pg_is_in_recovery()")"
    psql_at "$PRIMARY_PORT" "SELECT 'drill: streaming to ' || application_name || ': ' || state
      || ', replay lag ' || coalesce(replay_lag::text, '0 (idle)')
      || ', bytes behind ' || pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)
      FROM pg_stat_replication"
    psql_at "$REPLICA_PORT" "SELECT 'drill: replica connections from ' ||
      coalesce(string_agg(DISTINCT application_name, ', '), 'none')
      FROM pg_stat_activity WHERE datname = '$DB_NAME'"
  fi
  say "Redis 127.0.0.1:$REDIS_PORT: $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null || echo down)"
  for port in $APP_PORTS; do
    say "app-$port: $(curl -s "http://127.0.0.1:$port/healthz" 2>/dev/null || echo down)"
  done
  say "haproxy 127.0.0.1:$LB_PORT: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$LB_PORT/healthz" 2>/dev/null || echo down)"
  say "Varnish 127.0.0.1:$CACHE_PORT: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$CACHE_PORT/healthz" 2>/dev/null || echo down)"
}

case "${1:-}" in
  up)
    need_tools
    primary_up
    replica_up
    redis_up
    apps_up
    haproxy_up
    varnish_up
    say "Up. Readers: http://127.0.0.1:$CACHE_PORT/ (Varnish), http://127.0.0.1:$LB_PORT/ (haproxy) (scripts/drill.sh status | demo | down)"
    ;;
  up-db)
    need_tools
    primary_up
    replica_up
    ;;
  status) status ;;
  demo) secret_key; env $(app_env "${APP_PORTS%% *}") SECRET_KEY="$SECRET_KEY" \
    DRILL_LB_URL="http://127.0.0.1:$LB_PORT" DRILL_CACHE_URL="http://127.0.0.1:$CACHE_PORT" DRILL_REPLICA_PORT="$REPLICA_PORT" \
    DRILL_PRIMARY_PORT="$PRIMARY_PORT" DRILL_DIR="$DIR" "$PY" scripts/drill_demo.py
    failover_demo ;;
  down) down ;;
  *)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
