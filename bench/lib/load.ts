import { Agent, request } from 'node:http';

import autocannon from 'autocannon';

import { percentile } from './suite';

/**
 * Load generators for latency suites. HTTP load comes from autocannon (its own histogram rounds to
 * whole milliseconds, so every response time is also collected here at full precision); any other
 * call (a raw Redis GET) goes through `callLoad`, which paces and counts the same way: the same
 * number of requests in flight and, with a rate, the same schedule.
 *
 * Not quite: autocannon's `overallRate` is a budget per second, not a pace. Each connection sends
 * back to back until it has made its share of the second's requests, then waits for the next
 * second, so at any rate its requests come in bursts of up to `connections` at once, answered at
 * the server's saturated latency; `callLoad` spreads them evenly over the second.
 * `pacedHttpLoad` paces HTTP requests the same way (`loop: 'closed'`, the like-for-like comparison)
 * or on an open schedule.
 */
export interface LatencyResult {
  requests: number;
  perS: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** Every good call's latency, ascending (to pool runs with `pooled`). */
  latencies: number[];
  /** How long the run took, s. */
  seconds: number;
}

function summarise(latencies: number[], seconds: number, errors: number): LatencyResult {
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perS: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    errors,
    latencies,
    seconds,
  };
}

/**
 * Several runs of one load as one: every latency pooled (percentiles over all of them), requests
 * and errors added, the rate over the runs' time together. For runs taken in turns with another
 * load, so that both see the same stretch of a busy machine.
 */
export function pooled(runs: LatencyResult[]): LatencyResult {
  return summarise(
    runs.flatMap((r) => r.latencies),
    runs.reduce((s, r) => s + r.seconds, 0),
    runs.reduce((s, r) => s + r.errors, 0),
  );
}

export interface HttpLoad {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Paths (GET) or bodies (POST) to rotate through. */
  paths?: string[];
  bodies?: (string | Buffer)[];
  connections: number;
  seconds: number;
  /** Requests per second over all connections; unlimited when absent. */
  rate?: number;
  /** Which responses count as good (default 2xx). */
  ok?: (status: number) => boolean;
}

export async function httpLoad(o: HttpLoad): Promise<LatencyResult> {
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const ok = o.ok ?? ((s: number) => s >= 200 && s < 300);
  const started = performance.now();
  let finished!: (r: autocannon.Result) => void;
  let failed!: (e: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finished = resolve), (failed = reject)));
  const instance = autocannon(
    {
      url: o.url,
      connections: o.connections,
      duration: o.seconds,
      ...(o.rate ? { overallRate: o.rate } : {}),
      requests: [
        {
          method: o.method ?? 'GET',
          headers: o.headers,
          setupRequest: (req) => {
            const k = i++;
            if (o.paths) req.path = o.paths[k % o.paths.length];
            if (o.bodies) req.body = o.bodies[k % o.bodies.length];
            return req;
          },
        },
      ],
    },
    (err, result) => (err ? failed(err) : finished(result)),
  );
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (ok(status)) latencies.push(ms);
    else errors++;
  });
  const result = await done;
  const seconds = (performance.now() - started) / 1000;
  return summarise(latencies, seconds, errors + result.errors + result.timeouts);
}

/** Latencies of good calls and a count of failed ones, from `started` on. */
class Timings {
  readonly started = performance.now();
  private readonly latencies: number[] = [];
  private errors = 0;

  /** Times one call to its end; a call that throws is counted as an error, never rethrown. */
  async time(call: () => Promise<unknown>): Promise<void> {
    const t = performance.now();
    try {
      await call();
      this.latencies.push(performance.now() - t);
    } catch {
      this.errors++;
    }
  }

  result(): LatencyResult {
    return summarise(this.latencies, (performance.now() - this.started) / 1000, this.errors);
  }
}

/**
 * Resolves no earlier than `performance.now()` reaches `due`. Node's timers run on the event loop's
 * whole-millisecond clock, so `setTimeout(r, ms)` alone can fire up to a millisecond early by
 * `performance.now()`, and a paced request would go out before its time.
 */
async function waitUntil(due: number): Promise<void> {
  for (let ms = due - performance.now(); ms > 0; ms = due - performance.now())
    await new Promise((r) => setTimeout(r, Math.ceil(ms)));
}

/**
 * Calls `fn` with `concurrency` calls in flight for `seconds`, optionally paced to `rate` per second
 * (closed loop: call k starts at start + k / rate s or when a call in flight ends, whichever is later).
 */
export async function callLoad(
  fn: (i: number) => Promise<unknown>,
  o: { concurrency: number; seconds: number; rate?: number },
): Promise<LatencyResult> {
  const timings = new Timings();
  const end = timings.started + o.seconds * 1000;
  let issued = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const k = issued++;
      if (o.rate) await waitUntil(timings.started + (k * 1000) / o.rate);
      await timings.time(() => fn(k));
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  return timings.result();
}

/** Open loop: call k starts at start + k / `rate` s whatever became of the earlier ones. */
async function openLoad(
  fn: (i: number) => Promise<unknown>,
  o: { seconds: number; rate: number },
): Promise<LatencyResult> {
  const timings = new Timings();
  const pending: Promise<void>[] = [];
  for (let k = 0; k < Math.round(o.seconds * o.rate); k++) {
    await waitUntil(timings.started + (k * 1000) / o.rate);
    pending.push(timings.time(() => fn(k)));
  }
  await Promise.all(pending);
  return timings.result();
}

/** One answered request of `pacedHttpLoad`: epoch ms when it was sent and answered, its body. */
export interface PacedResponse {
  sentAt: number;
  doneAt: number;
  status: number;
  body: string;
}

export interface PacedHttpLoad extends Omit<HttpLoad, 'rate'> {
  rate: number;
  /**
   * `open` (default): request k is sent at start + k / `rate` s whatever became of the earlier ones
   * (a slow answer does not hold the next request back); a request finding all `connections`
   * sockets busy waits for one, and that wait counts in its latency (iapi).
   * `closed`: paced and bounded exactly as `callLoad` paces a raw call, for a like-for-like
   * comparison with one (poe): at most `connections` requests in flight, request k sent at
   * start + k / `rate` s or when one in flight is answered, whichever is later, for `seconds`.
   */
  loop?: 'open' | 'closed';
  /** Told of every answer, whatever its status (the body is read only for it). */
  onResponse?: (r: PacedResponse) => void;
  /**
   * Connections kept from an earlier run (`keptConnections`; at most `connections` used): runs
   * taken in turns with a raw client's, whose connection stays open, then time no new connection
   * either. By default each run opens its own and closes them at its end.
   */
  agent?: Agent;
}

/** A keep-alive pool for `pacedHttpLoad`s in turns: at most `connections` sockets. */
export function keptConnections(connections: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: connections });
}

/**
 * HTTP requests on an even schedule over a keep-alive pool of at most `connections` sockets
 * (node:http). Latency is from the call to the last byte of the answer; an answer `ok` refuses, a
 * refused or reset connection, or no answer in 30 s is counted as an error and the run goes on.
 *
 * Why not autocannon's `overallRate`: it gives each connection its share of the rate per second
 * and a connection sends that share back to back as soon as the second starts, so "500/s over 64
 * connections" is a burst of 64 concurrent requests at the top of every second until 500 are done,
 * then nothing until the next second (autocannon 9, lib/httpClient.js: `reqsMadeThisSecond`, reset
 * by a 1 s interval). Latency measured that way is the burst's queue, not the rate's.
 */
export async function pacedHttpLoad(o: PacedHttpLoad): Promise<LatencyResult> {
  const url = new URL(o.url);
  const agent = o.agent ?? new Agent({ keepAlive: true, maxSockets: o.connections });
  const ok = o.ok ?? ((s: number) => s >= 200 && s < 300);
  const send = (k: number) =>
    new Promise<void>((resolve, reject) => {
      const body = o.bodies?.[k % o.bodies.length];
      const path = o.paths?.[k % o.paths.length] ?? url.pathname + url.search;
      const sentAt = Date.now();
      const req = request(
        { host: url.hostname, port: url.port, path, method: o.method ?? 'GET', headers: o.headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => {
            if (o.onResponse) chunks.push(c);
          });
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            o.onResponse?.({
              sentAt,
              doneAt: Date.now(),
              status,
              body: Buffer.concat(chunks).toString('utf8'),
            });
            if (ok(status)) resolve();
            else reject(new Error(`HTTP ${status}`));
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('no answer in 30 s')));
      // No Nagle delay, as ioredis (the raw call) and the servers set theirs.
      req.setNoDelay(true);
      req.on('error', reject);
      req.end(body);
    });
  try {
    return o.loop === 'closed'
      ? await callLoad(send, { concurrency: o.connections, seconds: o.seconds, rate: o.rate })
      : await openLoad(send, o);
  } finally {
    if (!o.agent) agent.destroy();
  }
}
