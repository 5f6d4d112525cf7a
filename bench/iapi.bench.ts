import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { Topic, topicName } from '@paxscreen/contracts';
import { Kafka, logLevel } from 'kafkajs';

import { tuningEnv } from './e2e.bench';
import { generateTraffic } from './generator';
import { httpLoad, pacedHttpLoad } from './lib/load';
import { eventLoopDelaysIn, kafkaRequestsIn, processFootprint, scrapeApps } from './lib/pipeline';
import { CACHE } from './lib/services';
import { BENCH_CARRIERS, type BenchStack, benchStack } from './lib/stack';
import { type BenchRow, type BenchSuite, percentile } from './lib/suite';

/**
 * Interactive API round trip: `POST /v1/iapi` with one checking-in traveller (a JSON manifest of
 * one), at a fixed 500 requests/s evenly spaced (`pacedHttpLoad`), through the gateway, the iAPI
 * request topic, screening (UN + OFAC SDN index) and the reply topic back; the time split into
 * legs; then the same rate as autocannon offers it (bursts), for comparison with earlier rows. A
 * request that screening does not answer in time is answered CONTACT_AGENCY (`timedOut`); those
 * are counted apart.
 */
const RATE = 500;
/**
 * `--rate N` (other than RATE: a comparison, no target), `--no-bursts` (the even schedule only),
 * `--warmup S` (seconds of warm-up at 100/s before the measured load; default 2).
 */
function options(args: string[]): { rate: number; bursts: boolean; warmupSeconds: number } {
  const value = (flag: string, fallback: number) => {
    const at = args.indexOf(flag);
    const v = at >= 0 ? Number(args[at + 1]) : fallback;
    if (!(v > 0)) throw new Error(`${flag} takes a positive number`);
    return v;
  };
  return {
    rate: value('--rate', RATE),
    bursts: !args.includes('--no-bursts'),
    warmupSeconds: value('--warmup', 2),
  };
}
const FULL = { seconds: 30, bodies: 3000 };
const SMOKE = { seconds: 3, bodies: 200 };
const CONNECTIONS = 64;
const TARGET_P99_MS = 50;
/**
 * Where a request's time goes, from the answer's request id and the Kafka record timestamps (set
 * when the produce request is built, so after a wait in the producer's queue): the request's and
 * the reply's on their topics, and the bench's own send and receive times (one machine, one clock).
 */
const LEGS = [
  'sent → request produced (HTTP, gateway, its producer queue)',
  'request produced → reply produced (produce ack, screening fetch, screening, its producer queue)',
  'reply produced → answer received (produce ack, gateway reply fetch, HTTP)',
] as const;

export const iapiSuite: BenchSuite = {
  name: 'iapi',
  description: `iAPI round trip (gateway → Kafka → screening → Kafka → gateway) at a fixed ${RATE} requests/s, one traveller per request`,
  async run(ctx) {
    const n = ctx.smoke ? SMOKE : FULL;
    const { rate, bursts, warmupSeconds } = options(ctx.args);
    const stack = benchStack();
    // `--env K=V` (tuning and A/B runs) and `--profile` (CPU profiles in .cache/bench/prof), as in e2e.
    const env = tuningEnv(ctx.args);
    const profile = ctx.args.includes('--profile')
      ? ['--cpu-prof', `--cpu-prof-dir=${join(CACHE, 'prof')}`]
      : undefined;
    if (!stack.runsDefaults || Object.keys(env).length > 0 || profile)
      await stack.startApps({
        mode: ctx.smoke ? 'source' : 'dist',
        log: ctx.log,
        env,
        nodeArgs: profile ? { gateway: profile, screening: profile } : undefined,
      });
    const carrier = BENCH_CARRIERS[0];
    const traffic = await generateTraffic({
      seed: 31,
      manifests: n.bodies,
      travellers: 1,
      hitRate: 0.01,
      carriers: [carrier],
      formats: { JSON: 1, PAXLST: 0, PNRGOV: 0 },
      offset: 2_000_000,
    });
    const bodies = traffic.manifests.map((m) => m.bytes);
    const headers = { 'content-type': 'application/json', 'x-api-key': stack.carrierKeys.get(carrier)! };
    const url = `${stack.gateway.url}/v1/iapi`;
    // Warm-up (connections, JIT, the reply listener's first fetch), not counted.
    await httpLoad({
      url,
      method: 'POST',
      headers,
      bodies,
      connections: 8,
      seconds: warmupSeconds,
      rate: 100,
    });
    // The target: RATE requests/s on an even schedule. Every answer is kept with its request id,
    // for the timed-out count and the legs (below).
    const answers: { requestId: string; sentAt: number; doneAt: number }[] = [];
    let timedOut = 0;
    const before = processFootprint(stack);
    // Also starts every app's event-loop delay histogram anew (read from the scrape after the load).
    const requestsBefore = kafkaRequestsIn(await scrapeApps(stack));
    const paced = await pacedHttpLoad({
      url,
      method: 'POST',
      headers,
      bodies,
      connections: CONNECTIONS,
      seconds: n.seconds,
      rate,
      onResponse: (r) => {
        if (r.status !== 200) return;
        const body = JSON.parse(r.body) as { requestId: string; timedOut?: boolean };
        if (body.timedOut) timedOut++;
        answers.push({ requestId: body.requestId, sentAt: r.sentAt, doneAt: r.doneAt });
      },
    });
    ctx.log(
      `iAPI at ${rate}/s (even): ${Math.round(paced.perS)}/s answered, p50 ${paced.p50.toFixed(1)} ms, p99 ${paced.p99.toFixed(1)} ms, ${paced.errors} errors, ${timedOut} timed out`,
    );
    // CPU per answered request, per process (the machine's load moves latency, much less this).
    const after = processFootprint(stack);
    const scrape = await scrapeApps(stack);
    const kafkaPerRequest = perAnswered(kafkaRequestsIn(scrape), requestsBefore, paced.requests);
    const loopDelays = eventLoopDelaysIn(scrape);
    const cpuMs = Object.fromEntries(
      Object.entries(after)
        .filter(([k]) => k !== 'watchlist' && k !== 'parser')
        .map(([k, v]) => [k, ((v.cpu - (before[k]?.cpu ?? 0)) * 1000) / Math.max(1, paced.requests)]),
    );
    ctx.log(
      `CPU ms per request: ${Object.entries(cpuMs)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', ')}`,
    );
    const kafkaTotal = [...kafkaPerRequest.values()].reduce((a, b) => a + b, 0);
    ctx.log(
      `Kafka requests per request: ${kafkaTotal.toFixed(2)} (${[...kafkaPerRequest]
        .map(([k, v]) => `${k} ${v.toFixed(3)}`)
        .join(', ')})`,
    );
    ctx.log(
      `event-loop delay p99 / max ms: ${[...loopDelays]
        .map(([k, v]) => `${k} ${v.p99.toFixed(1)} / ${v.max.toFixed(1)}`)
        .join(', ')}`,
    );
    const legs = await iapiLegs(stack, answers);
    ctx.log(
      `legs p50 / p99 ms: ${LEGS.map((l, i) => `${l} ${legs[i].p50} / ${legs[i].p99}`).join('; ')} (${legs[0].samples} requests)`,
    );
    const rows: BenchRow[] = [
      {
        name: `iAPI round trip at ${rate} requests/s, evenly spaced (up to ${CONNECTIONS} connections, one traveller each)`,
        values: {
          requests: paced.requests,
          'per s': paced.perS,
          'p50 ms': paced.p50,
          'p99 ms': paced.p99,
          'max ms': paced.max,
          errors: paced.errors,
          'timed out': timedOut,
        },
        target: {
          text: `p99 < ${TARGET_P99_MS} ms at ${rate}/s`,
          met: rate === RATE && paced.p99 < TARGET_P99_MS && paced.perS >= RATE * 0.95,
        },
      },
      ...Object.entries(cpuMs).map(([k, v]): BenchRow => ({
        name: `— ${k}: CPU per answered request`,
        values: { 'CPU ms/request': v },
      })),
      {
        name: '— Kafka requests per answered request, all apps (their paxscreen_kafka_requests_total)',
        values: { 'Kafka requests/request': kafkaTotal },
      },
      ...[...kafkaPerRequest].map(([k, v]): BenchRow => ({
        name: `— Kafka requests: ${k}`,
        values: { 'Kafka requests/request': v },
      })),
      ...[...loopDelays]
        .filter(([k]) => k === 'gateway' || k === 'screening')
        .map(([k, v]): BenchRow => ({
          name: `— ${k}: event-loop delay during the load (prom-client, sampled every 10 ms)`,
          values: { 'p99 ms': v.p99, 'max ms': v.max },
        })),
      ...LEGS.map((leg, i): BenchRow => ({
        name: `— leg: ${leg}`,
        values: { requests: legs[i].samples, 'p50 ms': legs[i].p50, 'p99 ms': legs[i].p99 },
      })),
    ];
    if (bursts) rows.push(await burstRow(ctx, { url, headers, bodies, seconds: n.seconds, rate }));
    if (profile) await stack.stopApps();
    return rows;
  },
};

/**
 * The same rate as autocannon's overallRate offers it (bursts: see pacedHttpLoad), as the rows
 * before 2026-12-06 were measured; for comparison, no target.
 */
async function burstRow(
  ctx: { log: (line: string) => void },
  o: {
    url: string;
    headers: Record<string, string>;
    bodies: (string | Buffer)[];
    seconds: number;
    rate: number;
  },
): Promise<BenchRow> {
  const burst = await httpLoad({ ...o, method: 'POST', connections: CONNECTIONS });
  ctx.log(
    `iAPI at ${o.rate}/s (autocannon bursts): ${Math.round(burst.perS)}/s answered, p50 ${burst.p50.toFixed(1)} ms, p99 ${burst.p99.toFixed(1)} ms, ${burst.errors} errors`,
  );
  return {
    name: `iAPI at ${o.rate} requests/s as autocannon offers it (${CONNECTIONS} connections, each its share back to back at the top of every second)`,
    values: {
      requests: burst.requests,
      'per s': burst.perS,
      'p50 ms': burst.p50,
      'p99 ms': burst.p99,
      'max ms': burst.max,
      errors: burst.errors,
    },
  };
}

/**
 * Kafka requests per answered request by `app client api`, from two readings of kafkaRequestsSent
 * (those under 0.01 per request, e.g. metadata refreshes, left out), most first.
 */
function perAnswered(
  after: Map<string, number>,
  before: Map<string, number>,
  answered: number,
): Map<string, number> {
  const out: [string, number][] = [];
  for (const [k, v] of after) {
    const per = (v - (before.get(k) ?? 0)) / Math.max(1, answered);
    if (per >= 0.01) out.push([k, per]);
  }
  return new Map(out.sort((a, b) => b[1] - a[1]));
}

/** p50 / p99 of each of LEGS over `answers`, from the request and reply records' timestamps. */
async function iapiLegs(
  stack: BenchStack,
  answers: { requestId: string; sentAt: number; doneAt: number }[],
): Promise<{ p50: number; p99: number; samples: number }[]> {
  const wanted = new Set(answers.map((a) => a.requestId));
  const [requests, replies] = await Promise.all(
    [Topic.IapiRequests, Topic.IapiReplies].map((t) =>
      recordTimes(stack, topicName(t, stack.prefix), wanted),
    ),
  );
  const legs: number[][] = [[], [], []];
  for (const a of answers) {
    const produced = requests.get(a.requestId);
    const replied = replies.get(a.requestId);
    if (produced === undefined || replied === undefined) continue;
    legs[0].push(produced - a.sentAt);
    legs[1].push(replied - produced);
    legs[2].push(a.doneAt - replied);
  }
  return legs.map((l) => {
    l.sort((a, b) => a - b);
    return { p50: percentile(l, 50), p99: percentile(l, 99), samples: l.length };
  });
}

/** Record timestamp by key, for the keys in `wanted`, read from the start of `topic` (a private group). */
async function recordTimes(
  stack: BenchStack,
  topic: string,
  wanted: Set<string>,
): Promise<Map<string, number>> {
  const kafka = new Kafka({
    clientId: 'bench-iapi-legs',
    brokers: [stack.kafka.brokers],
    logLevel: logLevel.ERROR,
  });
  const consumer = kafka.consumer({ groupId: `bench-iapi-legs-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const times = new Map<string, number>();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages) {
        const key = m.key?.toString('utf8');
        if (key && wanted.has(key) && !times.has(key)) times.set(key, Number(m.timestamp));
      }
    },
  });
  // Every wanted record was written before the load ended; a few seconds cover reading them.
  const deadline = Date.now() + 20_000;
  while (times.size < wanted.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await consumer.disconnect();
  return times;
}
