#!/usr/bin/env bash
# The gateway's queue ingest tests need an AMQP broker. AMQP_URL set: that one is used. Else the
# local RabbitMQ on 127.0.0.1:5672 (guest/guest): started with `rabbitmq-server -detached` when it
# does not answer, installed first with Debian's apt-get when missing (as root, or passwordless sudo).
set -euo pipefail
[ -n "${AMQP_URL:-}" ] && exit 0
answers() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }
if answers; then echo "ensure-rabbitmq: RabbitMQ answers on 127.0.0.1:5672" >&2; exit 0; fi
if [ "$(id -u)" -eq 0 ]; then as_root=(); elif sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(false); fi
if ! command -v rabbitmq-server >/dev/null 2>&1 && [ ! -x /usr/sbin/rabbitmq-server ]; then
  if [ "${as_root[0]:-}" = false ] || ! command -v apt-get >/dev/null; then
    echo "ensure-rabbitmq: no RabbitMQ on 127.0.0.1:5672; install rabbitmq-server or set AMQP_URL" >&2; exit 1
  fi
  echo "ensure-rabbitmq: installing Debian's rabbitmq-server (apt-get)" >&2
  "${as_root[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq rabbitmq-server >&2
fi
PATH="$PATH:/usr/sbin" rabbitmq-server -detached >&2
for _ in $(seq 1 120); do answers && { echo "ensure-rabbitmq: RabbitMQ started" >&2; exit 0; }; sleep 0.5; done
echo "ensure-rabbitmq: rabbitmq-server started but 127.0.0.1:5672 does not answer after 60 s" >&2
exit 1
