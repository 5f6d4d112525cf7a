#!/usr/bin/env bash
# The whole suite: unit tests, then end-to-end tests on real Kafka + Redis + PostgreSQL (libs/testing
# picks KAFKA_BROKERS / REDIS_URL / DATABASE_URL, testcontainers, or the local broker script, Redis
# and PostgreSQL).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
npx jest --selectProjects unit "$@"
# The dashboard's browser test needs Chromium; without it that test fails and says how to install it.
scripts/ensure-chromium.sh || echo "test: no Chromium; the dashboard browser test will fail" >&2
# The records tests need PostgreSQL (a run database each, see libs/testing): checked or started here.
scripts/postgres.sh start || echo "test: no PostgreSQL; the records tests will fail" >&2
# The workbench's tests serve its built UI (about a second to build when missing or stale).
scripts/build-workbench.sh
npx jest --selectProjects e2e --runInBand "$@"
