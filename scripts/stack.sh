#!/usr/bin/env bash
# Kafka + Redis for paxscreen: Docker Compose where a Docker engine answers, else the local scripts
# (a real KRaft broker from Maven artifacts, and the local redis-server).
#   scripts/stack.sh up|down|status
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
REDIS_PORT="${REDIS_PORT:-6379}"

docker_answers() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }
redis_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null; }

redis_up() {
  if redis_answers; then echo "stack: Redis answers on 127.0.0.1:$REDIS_PORT" >&2; return 0; fi
  command -v redis-server >/dev/null 2>&1 || { echo "stack: no Redis on 127.0.0.1:$REDIS_PORT and no redis-server installed" >&2; exit 1; }
  mkdir -p "$ROOT/.cache/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$ROOT/.cache/redis" --logfile "$ROOT/.cache/redis/redis.log" --pidfile "$ROOT/.cache/redis/redis.pid"
  for _ in $(seq 1 40); do redis_answers && break; sleep 0.25; done
  echo "stack: Redis started on 127.0.0.1:$REDIS_PORT" >&2
}

case "${1:-}" in
  up)
    if docker_answers && [ -z "${PAXSCREEN_NO_DOCKER:-}" ]; then
      docker compose up -d kafka redis
    else
      scripts/kafka.sh start
      redis_up
    fi
    ;;
  down)
    if docker_answers && [ -z "${PAXSCREEN_NO_DOCKER:-}" ]; then
      docker compose down
    else
      scripts/kafka.sh stop
      # Only a Redis this script started is stopped; a system Redis is left alone.
      if [ -f "$ROOT/.cache/redis/redis.pid" ]; then kill "$(cat "$ROOT/.cache/redis/redis.pid")" 2>/dev/null || true; rm -f "$ROOT/.cache/redis/redis.pid"; fi
    fi
    ;;
  status)
    scripts/kafka.sh status || true
    if redis_answers; then echo "redis up 127.0.0.1:$REDIS_PORT"; else echo "redis down"; fi
    ;;
  *) echo "usage: scripts/stack.sh up|down|status" >&2; exit 64 ;;
esac
