#!/usr/bin/env bash
# `npm run demo`: the main job, end to end on a real stack. Brings up Kafka + Redis + PostgreSQL, starts every
# app, imports the UN and OFAC lists (plus sample national list, lost/stolen documents, enrolments
# and rules), streams the sample manifests through the gateway and prints the decisions.
# Leaves the stack running for exploring (http://127.0.0.1:8080/docs); stop it with
# `scripts/start-all.sh stop && npm run stack:down` (and `kill $(cat .cache/run/pglite.pid)` after a PGlite run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/stack.sh up
# The records service files every decision in PostgreSQL (DATABASE_URL, default the local server).
# With no server, no Docker engine and no local PostgreSQL binaries (a bare laptop), PGlite (the
# PostgreSQL source compiled to WebAssembly, in memory) stands in, on a port of its own, and the
# demo says so; the tests never do this.
PGLITE_PID="$ROOT/.cache/run/pglite.pid"
if [ -f "$PGLITE_PID" ]; then kill "$(cat "$PGLITE_PID")" 2>/dev/null || true; rm -f "$PGLITE_PID"; fi
set +e; scripts/postgres.sh start; pg_status=$?; set -e
if [ "$pg_status" -eq 3 ]; then
  PGLITE_PORT="${PGLITE_PORT:-54329}"
  echo "demo: no PostgreSQL server answers and no Docker engine: falling back to PGlite (embedded PostgreSQL, in memory) on 127.0.0.1:$PGLITE_PORT" >&2
  mkdir -p "$ROOT/.cache/run"
  (exec node -r @swc-node/register scripts/pglite-server.ts "$PGLITE_PORT" >>"$ROOT/.cache/run/pglite.log" 2>&1) &
  echo $! >"$PGLITE_PID"
  for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$PGLITE_PORT") 2>/dev/null && break; sleep 0.25; done
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PGLITE_PORT/postgres" PAXSCREEN_DEMO_PGLITE=1
elif [ "$pg_status" -ne 0 ]; then
  exit "$pg_status"
fi
scripts/start-all.sh stop >/dev/null 2>&1 || true
# demo.ts issues demo credentials (one API key per sample carrier, a staff-token secret), starts
# the apps with their hashes, and drives the run.
node -r @swc-node/register scripts/demo.ts
