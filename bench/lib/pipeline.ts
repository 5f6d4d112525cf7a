import { randomUUID } from 'node:crypto';

import { DecisionMade, Topic } from '@paxscreen/contracts';
import { BATCH_WAITS, type BatchWait } from '@paxscreen/observability';
import { type Consumer, Kafka, logLevel } from 'kafkajs';

import { type GeneratedManifest, generateTraffic, type Traffic } from '../generator';
import { AppProcess, cpuSecondsOf } from './services';
import { BENCH_CARRIERS, type BenchStack } from './stack';
import { metricSamples, readMetrics } from './server-stats';

/**
 * Driving the pipeline through its public interfaces (carrier manifests into the gateway) and
 * reading what comes out (the decisions topic, the services' /metrics), as a deployment would.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Submission {
  /** Receipt id → the manifest it acknowledged. */
  receipts: Map<string, GeneratedManifest>;
  /** Epoch ms of the first request and of the last 202. */
  startedAt: number;
  endedAt: number;
  failures: number;
  /** Why the first few failed (status and error code). */
  failureReasons: string[];
  /** Round trip of each POST (ms). */
  postMs: number[];
}

/**
 * POSTs manifests to the gateway with `concurrency` requests in flight. With `travellersPerS`, the
 * manifests are paced so that travellers arrive at that rate (open loop: a late answer does not
 * delay the next manifest while fewer than `concurrency` are in flight).
 */
export async function submitManifests(
  stack: BenchStack,
  manifests: GeneratedManifest[],
  options: { concurrency: number; travellersPerS?: number },
): Promise<Submission> {
  const receipts = new Map<string, GeneratedManifest>();
  const postMs: number[] = [];
  let failures = 0;
  const failureReasons: string[] = [];
  let next = 0;
  let travellersSent = 0;
  const startedAt = Date.now();
  const url = `${stack.gateway.url}/v1/messages`;
  const worker = async () => {
    while (next < manifests.length) {
      const m = manifests[next++];
      if (options.travellersPerS) {
        const due = startedAt + (travellersSent * 1000) / options.travellersPerS;
        travellersSent += m.travellers.length;
        const wait = due - Date.now();
        if (wait > 0) await sleep(wait);
      }
      const began = performance.now();
      for (let attempt = 1; ; attempt++) {
        const res = await fetch(url, {
          method: 'POST',
          body: m.bytes,
          headers: { 'content-type': m.contentType, 'x-api-key': stack.carrierKeys.get(m.carrier as never)! },
        }).catch(() => undefined);
        const body = res ? ((await res.json()) as { receiptId?: string; code?: string }) : {};
        if (res?.status === 202 && body.receiptId) {
          receipts.set(body.receiptId, m);
          break;
        }
        // A client error will not go away by retrying.
        const final = attempt >= 5 || (res !== undefined && res.status < 500 && res.status !== 429);
        if (final) {
          failures++;
          if (failureReasons.length < 5)
            failureReasons.push(`${res?.status ?? 'no answer'} ${body.code ?? ''} (${m.format})`);
          break;
        }
        await sleep(200 * attempt);
      }
      postMs.push(performance.now() - began);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { receipts, startedAt, endedAt: Date.now(), failures, failureReasons, postMs };
}

/** Decisions published so far by every screening instance (their /metrics counters). */
export async function decisionsCounted(stack: BenchStack): Promise<number> {
  let total = 0;
  for (const app of stack.apps.values()) {
    if (app.app !== 'screening') continue;
    const text = await (await fetch(`${app.url}/metrics`)).text();
    for (const m of text.matchAll(/^paxscreen_decisions_total\{[^}]*\} ([\d.e+]+)/gm)) total += Number(m[1]);
  }
  return total;
}

/**
 * Every app's `/metrics` text, by app name. A scrape also starts each app's event-loop delay
 * histogram anew (prom-client resets it when collected): read every figure of a phase from the
 * same scrape (kafkaRequestsIn, eventLoopDelaysIn).
 */
export async function scrapeApps(stack: BenchStack): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [name, app] of stack.apps) out.set(name, await (await fetch(`${app.url}/metrics`)).text());
  return out;
}

/**
 * Kafka requests every app has sent so far, by `app client api` (their
 * `paxscreen_kafka_requests_total` counters): subtract two readings for a phase's requests.
 */
export function kafkaRequestsIn(scrape: Map<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, text] of scrape)
    for (const m of metricSamples(text))
      if (m.name === 'paxscreen_kafka_requests_total')
        out.set(`${name} ${m.labels.client} ${m.labels.api}`, m.value);
  return out;
}

/** kafkaRequestsIn of a fresh scrape. */
export async function kafkaRequestsSent(stack: BenchStack): Promise<Map<string, number>> {
  return kafkaRequestsIn(await scrapeApps(stack));
}

/**
 * Each app's event-loop delay since its previous scrape, ms (prom-client's
 * `nodejs_eventloop_lag_p99_seconds` / `_max_seconds`, sampled every 10 ms): how long a callback
 * that was ready waited for the loop (its own CPU, GC, or the process not being scheduled).
 */
export function eventLoopDelaysIn(scrape: Map<string, string>): Map<string, { p99: number; max: number }> {
  const out = new Map<string, { p99: number; max: number }>();
  for (const [name, text] of scrape) {
    const { loopP99Ms, loopMaxMs } = readMetrics(text);
    if (Number.isFinite(loopP99Ms) && Number.isFinite(loopMaxMs))
      out.set(name, { p99: loopP99Ms, max: loopMaxMs });
  }
  return out;
}

/**
 * One app's `paxscreen_batch_wait_seconds` sums (ms) and counts for one consumer group, by wait:
 * subtract two readings for a phase's batches (`meanBatchWaits`).
 */
export function batchWaitsIn(
  scrape: Map<string, string>,
  app: string,
  group: string,
): Record<BatchWait, { ms: number; batches: number }> {
  const out = Object.fromEntries(BATCH_WAITS.map((w) => [w, { ms: 0, batches: 0 }])) as ReturnType<
    typeof batchWaitsIn
  >;
  for (const m of metricSamples(scrape.get(app) ?? '')) {
    const w = out[m.labels.wait as BatchWait];
    if (!w || m.labels.group !== group) continue;
    if (m.name === 'paxscreen_batch_wait_seconds_sum') w.ms = m.value * 1000;
    else if (m.name === 'paxscreen_batch_wait_seconds_count') w.batches = m.value;
  }
  return out;
}

/** Mean ms per batch of each wait between two `batchWaitsIn` readings (NaN with no batch), and the batches. */
export function meanBatchWaits(
  before: ReturnType<typeof batchWaitsIn>,
  after: ReturnType<typeof batchWaitsIn>,
): { batches: number; meanMs: Record<BatchWait, number> } {
  const batches = after.handled.batches - before.handled.batches;
  const meanMs = Object.fromEntries(
    BATCH_WAITS.map((w) => [w, batches > 0 ? (after[w].ms - before[w].ms) / batches : NaN]),
  ) as Record<BatchWait, number>;
  return { batches, meanMs };
}

export interface Progress {
  /** [ms since start, decisions] samples. */
  samples: [number, number][];
  /** Epoch ms when `target` decisions were counted (undefined on timeout). */
  doneAt?: number;
}

/** Polls the decision counters until `target` more than `base` are counted or `timeoutMs` passes. */
export async function waitForDecisions(
  stack: BenchStack,
  base: number,
  target: number,
  startedAt: number,
  timeoutMs: number,
  onSample?: (elapsedMs: number, decided: number) => void,
): Promise<Progress> {
  const samples: [number, number][] = [];
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let stalledSince = Date.now();
  while (Date.now() < deadline) {
    const decided = (await decisionsCounted(stack)) - base;
    const now = Date.now();
    samples.push([now - startedAt, decided]);
    onSample?.(now - startedAt, decided);
    if (decided >= target) return { samples, doneAt: now };
    if (decided !== last) {
      last = decided;
      stalledSince = now;
    } else if (now - stalledSince > 120_000) break;
    await sleep(200);
  }
  return { samples };
}

/** The steady rate over the middle of a run: decisions between 10 % and 90 % of the total. */
export function steadyRate(samples: [number, number][], total: number): number {
  const lo = samples.find(([, d]) => d >= total * 0.1);
  const hi = samples.find(([, d]) => d >= total * 0.9);
  if (!lo || !hi || hi[0] === lo[0]) return NaN;
  return ((hi[1] - lo[1]) * 1000) / (hi[0] - lo[0]);
}

/**
 * Reads the decisions topic (read committed: what a downstream consumer sees) in a private group
 * and hands each decision to `onDecision` with the time it was read. `fromBeginning: false` starts
 * at the end of the topic; `ready` resolves after the first fetch (from then on nothing is missed).
 * (The decisions topic is written in transactions: its high watermark counts commit markers that
 * are never delivered, so readers count decisions rather than compare offsets.)
 */
export class DecisionReader {
  private readonly consumer: Consumer;
  readonly ready: Promise<void>;
  private fetched!: () => void;

  constructor(
    private readonly stack: BenchStack,
    private readonly onDecision: (d: DecisionMade.Value, readAt: number) => void,
    private readonly fromBeginning: boolean,
  ) {
    const kafka = new Kafka({
      clientId: 'bench-reader',
      brokers: [stack.kafka.brokers],
      logLevel: logLevel.ERROR,
    });
    this.consumer = kafka.consumer({
      groupId: `bench-reader-${randomUUID()}`,
      maxWaitTimeInMs: 20,
      maxBytesPerPartition: 8 * 1024 * 1024,
    });
    this.ready = new Promise((resolve) => (this.fetched = resolve));
  }

  async start(): Promise<void> {
    this.consumer.on(this.consumer.events.FETCH, () => this.fetched());
    await this.consumer.connect();
    await this.consumer.subscribe({
      topic: `${this.stack.prefix}${Topic.Decisions}`,
      fromBeginning: this.fromBeginning,
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        for (const m of batch.messages)
          if (m.value) this.onDecision(JSON.parse(m.value.toString('utf8')) as DecisionMade.Value, now);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

/** Every decision on the topic (at least `expected`), by document (`issuer:number`), latest last. */
export async function readAllDecisions(
  stack: BenchStack,
  expected: number,
  timeoutMs = 300_000,
): Promise<Map<string, DecisionMade.Value>> {
  const byDocument = new Map<string, DecisionMade.Value>();
  let count = 0;
  const reader = new DecisionReader(
    stack,
    (d) => {
      count++;
      for (const doc of d.subject.documents) byDocument.set(`${doc.issuer}:${doc.number}`, d);
    },
    true,
  );
  await reader.start();
  const deadline = Date.now() + timeoutMs;
  while (count < expected && Date.now() < deadline) await sleep(200);
  await reader.stop();
  return byDocument;
}

export interface HitScore {
  planted: number;
  /** Planted travellers whose decision is REFER or NO_BOARD. */
  flagged: number;
  /** … with a watchlist reason naming the very entry planted. */
  matchedEntry: number;
  negatives: number;
  /** Negatives whose decision is REFER or NO_BOARD (watchlist alerts on people not listed). */
  alerts: number;
  /** Travellers without any decision on the topic. */
  undecided: number;
  /** Recall per perturbation kind: [found, planted]. */
  byPerturbation: Record<string, [number, number]>;
}

/** Compares decisions with the generator's ground truth. */
export function scoreHits(truth: Traffic['truth'], decisions: Map<string, DecisionMade.Value>): HitScore {
  const s: HitScore = {
    planted: 0,
    flagged: 0,
    matchedEntry: 0,
    negatives: 0,
    alerts: 0,
    undecided: 0,
    byPerturbation: {},
  };
  for (const [key, t] of truth) {
    const d = decisions.get(key);
    if (!d) {
      s.undecided++;
      continue;
    }
    const flagged = d.decision.outcome === 'REFER' || d.decision.outcome === 'NO_BOARD';
    if (t.planted) {
      s.planted++;
      if (flagged) s.flagged++;
      const exact = d.decision.reasons.some(
        (r) => r.source.listId === t.planted!.listId && r.source.entryId === t.planted!.entryId,
      );
      if (exact) s.matchedEntry++;
      for (const p of t.planted.perturbations.length ? t.planted.perturbations : ['none']) {
        const cell = (s.byPerturbation[p] ??= [0, 0]);
        cell[1]++;
        if (exact) cell[0]++;
      }
    } else {
      s.negatives++;
      if (flagged) s.alerts++;
    }
  }
  return s;
}

/** Resident size (bytes) and CPU seconds of each app process, plus the broker and redis-server. */
export function processFootprint(stack: BenchStack): Record<string, { rss: number; cpu: number }> {
  const out: Record<string, { rss: number; cpu: number }> = {};
  for (const [name, app] of stack.apps as Map<string, AppProcess>)
    out[name] = { rss: app.rss(), cpu: app.cpuSeconds() };
  out.kafka = { rss: 0, cpu: cpuSecondsOf(stack.kafka.pid) };
  out.redis = { rss: 0, cpu: cpuSecondsOf(stack.redis.pid) };
  return out;
}

/** Cores each process used between two footprints `seconds` apart (CPU seconds ÷ seconds). */
export function coresByApp(
  before: Record<string, { cpu: number }>,
  after: Record<string, { cpu: number }>,
  seconds: number,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after).map(([k, v]) => [k, (v.cpu - (before[k]?.cpu ?? 0)) / seconds]),
  );
}

/**
 * Generates `travellers` travellers (100 per manifest, every bench carrier), streams them through
 * the pipeline and waits until every one is decided: the documents officers then look up.
 */
export async function decidedDocuments(
  stack: BenchStack,
  o: { seed: number; travellers: number; offset: number },
): Promise<{ issuer: string; number: string }[]> {
  const traffic = await generateTraffic({
    seed: o.seed,
    manifests: Math.ceil(o.travellers / 100),
    travellers: 100,
    hitRate: 0.01,
    carriers: BENCH_CARRIERS,
    offset: o.offset,
  });
  const base = await decisionsCounted(stack);
  const sub = await submitManifests(stack, traffic.manifests, { concurrency: 4 });
  const done = await waitForDecisions(stack, base, traffic.travellers, sub.startedAt, 10 * 60_000);
  if (!done.doneAt) throw new Error('the pipeline did not decide the look-up travellers');
  return [...traffic.truth.values()].map((t) => t.document);
}
