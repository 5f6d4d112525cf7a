#!/usr/bin/env bash
# The whole suite: unit tests, then end-to-end tests on real Kafka + Redis (libs/testing picks
# KAFKA_BROKERS / REDIS_URL, testcontainers, or the local broker script and Redis).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
npx jest --selectProjects unit "$@"
# The dashboard's browser test needs Chromium; without it that test fails and says how to install it.
scripts/ensure-chromium.sh || echo "test: no Chromium; the dashboard browser test will fail" >&2
npx jest --selectProjects e2e --runInBand "$@"
