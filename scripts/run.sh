#!/usr/bin/env bash
# The entry point behind every npm script: Node >= 22 (bootstrapping Node 24 when needed), the
# project's dependencies, then the task. `scripts/run.sh <task> [args]`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PAXSCREEN_ROOT"
ensure_deps

# Jest loads NestJS 12 (ESM-only packages) through Node's require(esm), which Jest 30 supports on
# Node >= 24.9 with VM modules enabled.
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings=ExperimentalWarning"
export KAFKAJS_NO_PARTITIONER_WARNING=1

task="${1:-}"; shift || true
case "$task" in
  jest) exec npx jest "$@" ;;
  test) exec scripts/test.sh "$@" ;;
  lint) exec scripts/lint.sh "$@" ;;
  build) scripts/build-workbench.sh; exec npx nest build --all "$@" ;;
  build-workbench) exec scripts/build-workbench.sh "$@" ;;
  paxscreen) exec node -r @swc-node/register apps/cli/src/main.ts "$@" ;;
  bench) exec node -r @swc-node/register bench/run.ts "$@" ;;
  eval) exec node -r @swc-node/register eval/run.ts "$@" ;;
  # --expose-gc: the fuzzer measures live heap after a forced GC (workers inherit the flag).
  fuzz) exec node --expose-gc -r @swc-node/register fuzz/run.ts "$@" ;;
  demo) exec scripts/demo.sh "$@" ;;
  start-all) exec scripts/start-all.sh "$@" ;;
  node) exec node "$@" ;;
  npx) exec npx "$@" ;;
  *) echo "usage: scripts/run.sh jest|test|lint|build|build-workbench|paxscreen|bench|eval|fuzz|demo|start-all|node|npx [args]" >&2; exit 64 ;;
esac
