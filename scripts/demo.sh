#!/usr/bin/env bash
# `npm run demo`: the main job, end to end on a real stack. Brings up Kafka + Redis + PostgreSQL, starts every
# app, imports the UN and OFAC lists (plus sample national list, lost/stolen documents, enrolments
# and rules), streams the sample manifests through the gateway and prints the decisions.
# Leaves the stack running for exploring (http://127.0.0.1:8080/docs); stop it with
# `scripts/start-all.sh stop && npm run stack:down`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/stack.sh up
# The records service files every decision in PostgreSQL (DATABASE_URL, default the local server).
scripts/postgres.sh start
scripts/start-all.sh stop >/dev/null 2>&1 || true
# demo.ts issues demo credentials (one API key per sample carrier, a staff-token secret), starts
# the apps with their hashes, and drives the run.
node -r @swc-node/register scripts/demo.ts
