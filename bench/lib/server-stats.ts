import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * What a server says about itself between two moments of a latency run: how late its event loop
 * ran (a stall of the serving process shows here whatever its cause: timers, GC, a long task),
 * how long it spent in GC, and how long its own HTTP handling took (from Fastify's start of the
 * request to the end of the answer: auth, the Redis round trip and serialising, not the socket
 * and Node's HTTP parser). A latency p99 far above the server's own p99 was spent outside it.
 *
 * paxscreen apps expose all three on /metrics (prom-client's default metrics, which reset the
 * event-loop histogram at every scrape, and paxscreen_http_request_seconds); the bare HTTP floor
 * answers /loop; the bench process measures its own loop with `loopMonitor`.
 */
export interface ServerSample {
  /** Event-loop delay since the previous scrape, ms (p99 and max; 10 ms resolution). */
  loopP99Ms: number;
  loopMaxMs: number;
  /** Cumulative GC pause time, ms (every kind), and of major (mark-sweep-compact) GCs alone. */
  gcMs: number;
  majorGcMs: number;
  /** Cumulative count of HTTP answers on the route, per bucket upper bound (seconds). */
  buckets: Map<number, number>;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? ([^ ]+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** One sample line of prom-client's text format. */
export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The sample lines of prom-client's text format (comments and blank lines skipped). */
export function* metricSamples(text: string): Generator<MetricSample> {
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [, name, labelText = '', valueText] = m;
    yield {
      name,
      labels: Object.fromEntries([...labelText.matchAll(LABEL)].map((l) => [l[1], l[2]])),
      value: Number(valueText),
    };
  }
}

/**
 * Reads prom-client's text format: the loop, GC, and (given a route) that route's
 * `paxscreen_http_request_seconds`.
 */
export function readMetrics(text: string, route?: string): ServerSample {
  const sample: ServerSample = { loopP99Ms: NaN, loopMaxMs: NaN, gcMs: 0, majorGcMs: 0, buckets: new Map() };
  for (const { name, labels, value } of metricSamples(text)) {
    if (name === 'nodejs_eventloop_lag_p99_seconds') sample.loopP99Ms = value * 1000;
    else if (name === 'nodejs_eventloop_lag_max_seconds') sample.loopMaxMs = value * 1000;
    else if (name === 'nodejs_gc_duration_seconds_sum') {
      sample.gcMs += value * 1000;
      if (labels.kind === 'major') sample.majorGcMs += value * 1000;
    } else if (name === 'paxscreen_http_request_seconds_bucket' && route && labels.route === route) {
      const le = labels.le === '+Inf' ? Infinity : Number(labels.le);
      sample.buckets.set(le, (sample.buckets.get(le) ?? 0) + value);
    }
  }
  return sample;
}

/** Scrapes a paxscreen app's /metrics (this also starts its next event-loop interval). */
export async function scrapeMetrics(baseUrl: string, route: string): Promise<ServerSample> {
  const res = await fetch(`${baseUrl}/metrics`);
  if (!res.ok) throw new Error(`${baseUrl}/metrics answered ${res.status}`);
  return readMetrics(await res.text(), route);
}

/**
 * The server's own HTTP handling between pairs of samples (before, after: one pair per slice of a
 * run): the bucket bound that 99 % of the answers on the route stayed within, ms (Infinity when
 * beyond the last bucket, NaN when there were none).
 */
export function serverP99Ms(pairs: [ServerSample, ServerSample][]): number {
  const counts = new Map<number, number>();
  for (const [before, after] of pairs)
    for (const [le, n] of after.buckets)
      counts.set(le, (counts.get(le) ?? 0) + n - (before.buckets.get(le) ?? 0));
  const total = counts.get(Infinity) ?? 0;
  if (total <= 0) return NaN;
  for (const le of [...counts.keys()].sort((a, b) => a - b)) {
    if (counts.get(le)! >= 0.99 * total) return le * 1000;
  }
  return Infinity;
}

/** This process's own event-loop delay from now until `stop()` (the load generator's side). */
export function loopMonitor(): { stop: () => { loopP99Ms: number; loopMaxMs: number } } {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  return {
    stop: () => {
      h.disable();
      return { loopP99Ms: h.percentile(99) / 1e6, loopMaxMs: h.max / 1e6 };
    },
  };
}
