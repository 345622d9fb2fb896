#!/usr/bin/env bash
# Makes sure the Redis server at host $1, port $2 answers. A local one that is down is
# started (in memory, no persistence: it only holds the cache and session copies); a remote
# one is reported, never started.
set -u
host=${1:-127.0.0.1}
port=${2:-6379}
answers() { [ "$(redis-cli -h "$host" -p "$port" ping 2>/dev/null)" = "PONG" ]; }
if answers; then exit 0; fi
case "$host" in
  127.0.0.1|localhost|::1)
    if ! command -v redis-server >/dev/null 2>&1; then
      echo "ERROR: Redis is not answering on $host:$port and redis-server is not installed." >&2
      echo "Install it (apt-get install redis-server) or set CACHE_URL to a running Redis." >&2
      exit 1
    fi
    echo "Redis is not answering on $host:$port; starting a local one..."
    redis-server --daemonize yes --bind "$host" --port "$port" --save "" --appendonly no >/dev/null
    for _ in $(seq 1 20); do
      if answers; then echo "Redis is up."; exit 0; fi
      sleep 0.5
    done
    ;;
esac
echo "ERROR: Redis cannot be reached on $host:$port (CACHE_URL). Start it or point CACHE_URL at a running Redis." >&2
exit 1
