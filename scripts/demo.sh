#!/usr/bin/env bash
# `npm run demo`: the main job, end to end on a real stack. Brings up Kafka + Redis, starts every
# app, submits the sample manifests as a carrier would, waits for the outcome and prints a summary.
# Leaves the stack running for exploring (http://127.0.0.1:8080/docs); `npm run stack:down` and
# `scripts/start-all.sh stop` stop it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/stack.sh up

scripts/start-all.sh stop >/dev/null 2>&1 || true
# demo.ts issues one API key per carrier of the samples, starts the apps with their hashes and
# submits each sample with its carrier's key.
node -r @swc-node/register scripts/demo.ts
