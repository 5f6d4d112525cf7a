#!/usr/bin/env bash
# PostgreSQL for paxscreen (the records service's system of record, the e2e tests).
#   scripts/postgres.sh check|start|stop|url
# Looks for a server at DATABASE_URL's host and port (default 127.0.0.1:5432). `start` uses, in
# this order: a server that already answers; Docker Compose's `postgres` service when a Docker
# engine answers; a cluster of its own from the local PostgreSQL binaries (initdb / pg_ctl, trust
# auth on 127.0.0.1; data in .cache/postgres, or /tmp as root). Exits 3 when none of these is possible (a bare
# laptop): `npm run demo` then falls back to PGlite and says so; the tests never do.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
hostport="${URL#*://}"; hostport="${hostport#*@}"; hostport="${hostport%%/*}"; hostport="${hostport%%\?*}"
PGHOST_="${hostport%%:*}"; PGPORT_="${hostport##*:}"; [ "$PGPORT_" = "$hostport" ] && PGPORT_=5432
# As root the cluster belongs to the `postgres` user, who may not reach a checkout under /root:
# its data then lives in /tmp (PAXSCREEN_PG_DATA overrides either).
if [ "$(id -u)" = 0 ]; then DATA="${PAXSCREEN_PG_DATA:-/tmp/paxscreen-postgres-$PGPORT_}"; else DATA="${PAXSCREEN_PG_DATA:-$ROOT/.cache/postgres/data-$PGPORT_}"; fi

answers() { (exec 3<>"/dev/tcp/$PGHOST_/$PGPORT_") 2>/dev/null; }
docker_answers() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }
pg_bin() {
  local b
  for b in "$(command -v pg_ctl 2>/dev/null || true)" /usr/lib/postgresql/*/bin/pg_ctl; do
    [ -n "$b" ] && [ -x "$b" ] && { dirname "$b"; return 0; }
  done
  return 1
}
# PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

wait_up() { for _ in $(seq 1 80); do answers && return 0; sleep 0.25; done; return 1; }

start() {
  if answers; then echo "postgres: answers on $PGHOST_:$PGPORT_" >&2; return 0; fi
  if docker_answers && [ -z "${PAXSCREEN_NO_DOCKER:-}" ]; then
    docker compose up -d postgres
    wait_up && { echo "postgres: started (Docker Compose) on $PGHOST_:$PGPORT_" >&2; return 0; }
  fi
  local bin
  if [ "$PGHOST_" = 127.0.0.1 ] || [ "$PGHOST_" = localhost ]; then
    if bin=$(pg_bin); then
      if [ ! -f "$DATA/PG_VERSION" ]; then
        mkdir -p "$DATA"
        if [ "$(id -u)" = 0 ]; then chown postgres "$DATA"; chmod 700 "$DATA"; fi
        as_owner "$bin/initdb" -D "$DATA" -U postgres --auth=trust >/dev/null
      fi
      as_owner "$bin/pg_ctl" -D "$DATA" -l "$DATA/postgres.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PGPORT_ -k $DATA" start >/dev/null
      wait_up && { echo "postgres: started from $bin on $PGHOST_:$PGPORT_ (data in $DATA)" >&2; return 0; }
    fi
  fi
  echo "postgres: nothing answers on $PGHOST_:$PGPORT_; no Docker engine; no local PostgreSQL binaries to start one there" >&2
  return 3
}

stop() {
  # Only a server this script started is stopped; a system PostgreSQL is left alone.
  local bin
  if [ -f "$DATA/postmaster.pid" ] && bin=$(pg_bin); then as_owner "$bin/pg_ctl" -D "$DATA" -m fast stop >/dev/null || true; fi
  if docker_answers && [ -z "${PAXSCREEN_NO_DOCKER:-}" ]; then docker compose stop postgres >/dev/null 2>&1 || true; fi
}

case "${1:-}" in
  check) if answers; then echo "postgres: answers on $PGHOST_:$PGPORT_"; else echo "postgres: down ($PGHOST_:$PGPORT_)" >&2; exit 1; fi ;;
  start) start ;;
  stop) stop ;;
  url) echo "$URL" ;;
  *) echo "usage: scripts/postgres.sh check|start|stop|url" >&2; exit 64 ;;
esac
