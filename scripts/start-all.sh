#!/usr/bin/env bash
# Builds and starts every paxscreen app in the background against the stack (`npm run stack:up`).
#   scripts/start-all.sh [start|stop|status]     logs and pids in .cache/run/
# Ports: gateway 8080, parser 8081, screening 8082, watchlist 8083, dashboard 8084, records 8085,
# casework 8086, carriers 8087, workbench 8088 (override with <APP>_PORT).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUN_DIR="$ROOT/.cache/run"
if [ -n "${PAXSCREEN_APPS:-}" ]; then APPS=($PAXSCREEN_APPS); else
  APPS=(); for m in apps/*/src/main.ts; do a=${m#apps/}; a=${a%%/*}; [ "$a" = cli ] || APPS+=("$a"); done
fi
mkdir -p "$RUN_DIR"

build() {
  local newest_src newest_out
  if [[ " ${APPS[*]} " == *" workbench "* ]]; then scripts/build-workbench.sh >&2; fi
  newest_src=$(find apps libs -name '*.ts' -not -name '*.spec.ts' -newer "$RUN_DIR/.built" 2>/dev/null | head -1 || true)
  if [ ! -f "$RUN_DIR/.built" ] || [ -n "$newest_src" ]; then
    echo "start-all: building ${APPS[*]}" >&2
    for app in "${APPS[@]}"; do npx nest build "$app" >&2; done
    touch "$RUN_DIR/.built"
  fi
}

start() {
  # A setting that changes decisions has no default: say so here, not only in screening's log.
  if [[ " ${APPS[*]} " == *" screening "* ]] && [ -z "${SCREENING_HOME_ECONOMY:-}" ]; then
    echo "start-all: SCREENING_HOME_ECONOMY is required (ISO alpha-3 of the economy screened for, e.g. SCREENING_HOME_ECONOMY=USA)" >&2
    exit 1
  fi
  build
  # kafkajs 2.2.4 trips Node 24's negative-timeout warning on an idle connection; it is harmless.
  export NODE_OPTIONS="${NODE_OPTIONS:-} --no-warnings=TimeoutNegativeWarning"
  for app in "${APPS[@]}"; do
    local pid_file="$RUN_DIR/$app.pid"
    if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then echo "start-all: $app already running" >&2; continue; fi
    (exec node "dist/apps/$app/apps/$app/src/main.js" >>"$RUN_DIR/$app.log" 2>&1) &
    echo $! >"$pid_file"
    echo "start-all: $app started (pid $!, log .cache/run/$app.log)" >&2
  done
  if [[ " ${APPS[*]} " == *" workbench "* ]]; then
    local how="paste a staff token: npx paxscreen token --role analyst"
    [[ "${WORKBENCH_DEV_LOGIN:-}" =~ ^(1|true|yes|on)$ ]] && how="choose \"Sign in as analyst\" (development login), or $how"
    echo "start-all: workbench at http://127.0.0.1:${WORKBENCH_PORT:-8088}/ ($how)" >&2
  fi
}

stop() {
  for app in "${APPS[@]}"; do
    local pid_file="$RUN_DIR/$app.pid"
    [ -f "$pid_file" ] || continue
    kill "$(cat "$pid_file")" 2>/dev/null || true
    rm -f "$pid_file"
  done
}

status() {
  for app in "${APPS[@]}"; do
    if [ -f "$RUN_DIR/$app.pid" ] && kill -0 "$(cat "$RUN_DIR/$app.pid")" 2>/dev/null; then echo "$app running"; else echo "$app stopped"; fi
  done
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  build) build ;;
  *) echo "usage: scripts/start-all.sh [start|stop|status|build]" >&2; exit 64 ;;
esac
