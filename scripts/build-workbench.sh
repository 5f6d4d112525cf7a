#!/usr/bin/env bash
# Builds the workbench UI (apps/workbench/web → apps/workbench/dist) with Vite when it is missing or
# older than its sources; about a second. `--force` rebuilds anyway.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=apps/workbench/dist/index.html
if [ "${1:-}" != "--force" ] && [ -f "$out" ] && [ -z "$(find apps/workbench/web libs/contracts/src/model -newer "$out" -type f | head -1)" ]; then
  exit 0
fi
echo "build-workbench: building the workbench UI (Vite)" >&2
# NODE_ENV: Vite keeps one already set (jest sets `test`), which would bundle React's development build.
NODE_ENV=production VITE_CONFIG_NATIVE_IGNORE_WARNING=true npx vite build --config apps/workbench/web/vite.config.mts
