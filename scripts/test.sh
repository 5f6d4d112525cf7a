#!/usr/bin/env bash
# The whole suite: unit tests, then end-to-end tests on real Kafka + Redis (libs/testing picks
# KAFKA_BROKERS / REDIS_URL, testcontainers, or the local broker script and Redis).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
npx jest --selectProjects unit "$@"
npx jest --selectProjects e2e --runInBand "$@"
