#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft, combined broker + controller) without Docker.
# The broker jars come from Maven Central through tools/kafka/pom.xml (cached in ~/.m2 and .cache/kafka).
#
#   scripts/kafka.sh fetch|start|stop|status|restart
#
# Settings (environment): KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT + 1),
# KAFKA_DATA_DIR (.cache/kafka/data-<port>), KAFKA_HEAP (512m), KAFKA_START_TIMEOUT (seconds, 90).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$ROOT/tools/kafka/pom.xml")"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((PORT + 1))}"
DATA_DIR="${KAFKA_DATA_DIR:-$ROOT/.cache/kafka/data-$PORT}"
LIBS="$ROOT/.cache/kafka/libs-$KAFKA_VERSION"
HEAP="${KAFKA_HEAP:-512m}"
PID_FILE="$DATA_DIR/kafka.pid"
TIMEOUT="${KAFKA_START_TIMEOUT:-90}"

log() { echo "kafka.sh: $*" >&2; }

fetch() {
  [ -f "$LIBS/.complete" ] && return 0
  log "fetching Apache Kafka $KAFKA_VERSION from Maven Central"
  mkdir -p "$LIBS"
  mvn -q -B -f "$ROOT/tools/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$LIBS" -DincludeScope=runtime "$@"
  touch "$LIBS/.complete"
}

running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

write_config() {
  mkdir -p "$DATA_DIR/logs"
  cat >"$DATA_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR/kafka-logs
num.partitions=4
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.backoff.ms=1000
PROPS
  cat >"$DATA_DIR/log4j.properties" <<PROPS
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$DATA_DIR/logs/server.log
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
PROPS
}

java_run() {
  exec java "-Xms$HEAP" "-Xmx$HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
    "-Dlog4j.configuration=file:$DATA_DIR/log4j.properties" "-Dkafka.logs.dir=$DATA_DIR/logs" -cp "$LIBS/*" "$@"
}

start() {
  if running; then log "already running on 127.0.0.1:$PORT (pid $(cat "$PID_FILE"))"; return 0; fi
  if port_open; then log "port $PORT is taken by another process"; exit 1; fi
  fetch
  write_config
  if [ ! -f "$DATA_DIR/kafka-logs/meta.properties" ]; then
    local cluster_id
    # A Kafka cluster id is 16 random bytes in URL-safe base64. Like Kafka's own Uuid.randomUuid,
    # draw again when it starts with '-': the id would otherwise be read as an option.
    cluster_id="-"
    while [ "${cluster_id#-}" != "$cluster_id" ]; do
      cluster_id="$(head -c16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    done
    (java_run kafka.tools.StorageTool format "--cluster-id=$cluster_id" -c "$DATA_DIR/server.properties" \
      --ignore-formatted) >"$DATA_DIR/logs/format.log" 2>&1 || { cat "$DATA_DIR/logs/format.log" >&2; exit 1; }
  fi
  # The subshell execs java, so $! is the broker itself; it outlives this script until `stop`.
  (java_run kafka.Kafka "$DATA_DIR/server.properties" </dev/null >"$DATA_DIR/logs/stdout.log" 2>&1) &
  echo $! >"$PID_FILE"
  local waited=0
  until port_open && grep -q "Kafka Server started" "$DATA_DIR/logs/server.log" 2>/dev/null; do
    if ! running; then log "broker exited during start-up:"; tail -n 30 "$DATA_DIR/logs/stdout.log" "$DATA_DIR/logs/server.log" >&2 || true; exit 1; fi
    if [ "$waited" -ge "$((TIMEOUT * 4))" ]; then log "broker did not answer within ${TIMEOUT}s"; stop; exit 1; fi
    sleep 0.25; waited=$((waited + 1))
  done
  log "Kafka $KAFKA_VERSION ready on 127.0.0.1:$PORT (pid $(cat "$PID_FILE"), data $DATA_DIR)"
}

stop() {
  if ! running; then rm -f "$PID_FILE"; return 0; fi
  local pid; pid="$(cat "$PID_FILE")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then log "broker did not stop in 30s; killing"; kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$PID_FILE"
  log "stopped (pid $pid)"
}

case "${1:-}" in
  fetch) shift; fetch "$@" ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) if running; then echo "running pid $(cat "$PID_FILE") port $PORT"; else echo "stopped"; exit 3; fi ;;
  clean) stop; rm -rf "$DATA_DIR" ;;
  *) echo "usage: $0 fetch|start|stop|restart|status|clean" >&2; exit 64 ;;
esac
