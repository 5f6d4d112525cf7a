import { parseArgs } from 'node:util';

import type { RedisPersistence } from './infra';

export interface ChaosOptions {
  travellers: number;
  perManifest: number;
  quick: boolean;
  /** How many times the whole fault sequence is played. */
  rounds: number;
  concurrency: number;
  /** Travellers per second the carrier aims at. */
  rate: number;
  kafkaPort: number;
  redisPort: number;
  /** The run's own PostgreSQL cluster (local binaries), restarted by a fault (issue 15). */
  postgresPort: number;
  /** Seconds PostgreSQL stays down; records is killed halfway. */
  postgresDownSeconds: number;
  /** gateway = base, parser +1, screening +2, watchlist +3, records +5, casework +6. */
  portBase: number;
  /** Seconds a killed app stays down before it is started again. */
  appDownSeconds: number;
  /** Seconds the broker stays down between its stop and start. */
  kafkaDownSeconds: number;
  redisOutageSeconds: number;
  redisPersistence: RedisPersistence;
  /** How Redis is stopped: kill -9 (crash) or SIGTERM (clean shutdown). */
  redisStop: 'kill' | 'term';
  /** Seconds between the recovery of one fault and the next fault. */
  gapSeconds: number;
  warmupSeconds: number;
  settleTimeoutSeconds: number;
  /** Every n-th manifest carries two true hits (watchlisted person, stolen passport). */
  hitEvery: number;
  seed: number;
  faults: boolean;
  /** Manifests drained from a queue and a folder while the gateway is killed (issue 21); 0: none. */
  transportManifests: number;
  amqpUrl: string;
  results: string;
}

const USAGE = `npm run test:chaos -- [--travellers N] [--quick] [options]
  --travellers N          travellers to stream (default 100000; --quick 5000)
  --per-manifest N        travellers per manifest (default 500; --quick 100)
  --quick                 the CI version: one round of faults, short outages
  --rounds N              how many times the fault sequence is played (default 1)
  --rate N                travellers per second at most (default 2000; --quick 500)
  --concurrency N         parallel carrier connections (default 4)
  --redis-outage S        seconds Redis stays down (default 10; --quick 6)
  --redis-persistence aof|none   private Redis persistence (default aof: appendfsync always)
  --redis-stop kill|term  kill -9 or a clean SIGTERM (default kill)
  --no-faults             stream and verify without injecting anything (baseline)
  --transport-manifests N manifests of 5 drained from an AMQP queue and a drop folder while the
                          gateway is killed (default 400; --quick 100; 0: none)
  --amqp-url URL          AMQP broker for that (default $AMQP_URL or amqp://guest:guest@127.0.0.1:5672)
  --kafka-port N --redis-port N --port-base N   private ports (29092, 16379, 18080; apps use
                          port-base … port-base + 6: +4 the second screening instance, +5
                          records, +6 casework)
  --postgres-port N       the run's own PostgreSQL cluster (default port-base + 7; local binaries,
                          data under /tmp as root, else .cache/chaos); restarted by a fault
  --postgres-down S       seconds PostgreSQL stays down, records killed halfway (default 10; --quick 4)
  --settle-timeout S      bound on waiting for the pipeline to drain (default 600; --quick 120)
  --results FILE          where the JSON goes (default chaos/results/chaos.json;
                          --quick chaos/results/tmp/chaos-quick.json, ignored by git)`;

export function parseOptions(argv: string[]): ChaosOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      travellers: { type: 'string' },
      'per-manifest': { type: 'string' },
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      rate: { type: 'string' },
      concurrency: { type: 'string' },
      'redis-outage': { type: 'string' },
      'redis-persistence': { type: 'string' },
      'redis-stop': { type: 'string' },
      'no-faults': { type: 'boolean', default: false },
      'transport-manifests': { type: 'string' },
      'amqp-url': { type: 'string' },
      'kafka-port': { type: 'string' },
      'redis-port': { type: 'string' },
      'port-base': { type: 'string' },
      'postgres-port': { type: 'string' },
      'postgres-down': { type: 'string' },
      'settle-timeout': { type: 'string' },
      'hit-every': { type: 'string' },
      seed: { type: 'string' },
      results: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const num = (v: string | undefined, fallback: number, name: string): number => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0, got ${v}`);
    return n;
  };
  const persistence = values['redis-persistence'] ?? 'aof';
  if (persistence !== 'aof' && persistence !== 'none') throw new Error('--redis-persistence is aof or none');
  const stop = values['redis-stop'] ?? 'kill';
  if (stop !== 'kill' && stop !== 'term') throw new Error('--redis-stop is kill or term');
  const travellers = num(values.travellers, quick ? 5000 : 100_000, 'travellers');
  const perManifest = Math.min(travellers, num(values['per-manifest'], quick ? 100 : 500, 'per-manifest'));
  return {
    travellers,
    perManifest,
    quick,
    rounds: num(values.rounds, 1, 'rounds'),
    concurrency: num(values.concurrency, 4, 'concurrency'),
    rate: num(values.rate, quick ? 500 : 2000, 'rate'),
    kafkaPort: num(values['kafka-port'], 29092, 'kafka-port'),
    redisPort: num(values['redis-port'], 16379, 'redis-port'),
    portBase: num(values['port-base'], 18080, 'port-base'),
    postgresPort: num(
      values['postgres-port'],
      num(values['port-base'], 18080, 'port-base') + 7,
      'postgres-port',
    ),
    postgresDownSeconds: num(values['postgres-down'], quick ? 4 : 10, 'postgres-down'),
    appDownSeconds: quick ? 2 : 5,
    kafkaDownSeconds: quick ? 2 : 5,
    redisOutageSeconds: num(values['redis-outage'], quick ? 6 : 10, 'redis-outage'),
    redisPersistence: persistence,
    redisStop: stop,
    gapSeconds: quick ? 4 : 10,
    warmupSeconds: quick ? 4 : 10,
    settleTimeoutSeconds: num(values['settle-timeout'], quick ? 120 : 600, 'settle-timeout'),
    hitEvery: num(values['hit-every'], quick ? 5 : 10, 'hit-every'),
    seed: num(values.seed, 20_250_101, 'seed'),
    faults: !values['no-faults'],
    transportManifests: num(values['transport-manifests'], quick ? 100 : 400, 'transport-manifests'),
    amqpUrl: values['amqp-url'] ?? process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    results: values.results ?? (quick ? 'chaos/results/tmp/chaos-quick.json' : 'chaos/results/chaos.json'),
  };
}
