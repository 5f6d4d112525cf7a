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
 * the server's saturated latency; `callLoad` spreads them evenly over the second. `httpGetter`
 * puts HTTP GETs through `callLoad` for the like-for-like comparison.
 */
export interface LatencyResult {
  requests: number;
  perS: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
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
  };
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

/** Calls `fn` with `concurrency` calls in flight for `seconds`, optionally paced to `rate` per second. */
export async function callLoad(
  fn: (i: number) => Promise<unknown>,
  o: { concurrency: number; seconds: number; rate?: number },
): Promise<LatencyResult> {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const end = started + o.seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const k = issued++;
      if (o.rate) {
        const due = started + (k * 1000) / o.rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      const t = performance.now();
      try {
        await fn(k);
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  return summarise(latencies, (performance.now() - started) / 1000, errors);
}

/**
 * GETs of `base` + a path over at most `connections` keep-alive connections (node:http), for
 * `callLoad`: HTTP requests paced, timed and counted exactly like a raw Redis call. A non-2xx
 * answer rejects (an error in `callLoad`'s count).
 */
export function httpGetter(
  base: string,
  connections: number,
  headers: Record<string, string> = {},
): { get: (path: string) => Promise<void>; close: () => void } {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(base);
  const get = (path: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request({ host: hostname, port: Number(port), path, headers, agent }, (res) => {
        res.on('data', () => undefined);
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`HTTP ${status}`));
        });
      });
      req.on('error', reject);
      req.end();
    });
  return { get, close: () => agent.destroy() };
}

/** One answered request of `pacedHttpLoad`: epoch ms when it was sent and answered, its body. */
export interface PacedResponse {
  sentAt: number;
  doneAt: number;
  status: number;
  body: string;
}

/**
 * HTTP requests on an even schedule: request k is sent at start + k / `rate` s whatever became of
 * the earlier ones (open loop: a slow answer does not hold the next request back), over a
 * keep-alive pool of at most `connections` sockets (a request finding them all busy waits for one,
 * and that wait counts in its latency). Latency is from the call to the last byte of the answer.
 *
 * Why not autocannon's `overallRate`: it gives each connection its share of the rate per second
 * and a connection sends that share back to back as soon as the second starts, so "500/s over 64
 * connections" is a burst of 64 concurrent requests at the top of every second until 500 are done,
 * then nothing until the next second (autocannon 9, lib/httpClient.js: `reqsMadeThisSecond`, reset
 * by a 1 s interval). Latency measured that way is the burst's queue, not the rate's.
 */
export async function pacedHttpLoad(
  o: Omit<HttpLoad, 'rate'> & { rate: number; onResponse?: (r: PacedResponse) => void },
): Promise<LatencyResult> {
  const url = new URL(o.url);
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
  const ok = o.ok ?? ((s: number) => s >= 200 && s < 300);
  const latencies: number[] = [];
  let errors = 0;
  const send = (k: number) =>
    new Promise<void>((resolve) => {
      const body = o.bodies?.[k % o.bodies.length];
      const path = o.paths?.[k % o.paths.length] ?? url.pathname + url.search;
      const t = performance.now();
      const sentAt = Date.now();
      const req = request(
        { host: url.hostname, port: url.port, path, method: o.method ?? 'GET', headers: o.headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ms = performance.now() - t;
            const status = res.statusCode ?? 0;
            if (ok(status)) latencies.push(ms);
            else errors++;
            o.onResponse?.({
              sentAt,
              doneAt: Date.now(),
              status,
              body: Buffer.concat(chunks).toString('utf8'),
            });
            resolve();
          });
          res.on('error', () => (errors++, resolve()));
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('no answer in 30 s')));
      req.on('error', () => (errors++, resolve()));
      req.end(body);
    });
  const total = Math.round(o.seconds * o.rate);
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let k = 0; k < total; k++) {
    const wait = started + (k * 1000) / o.rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(k));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return summarise(latencies, seconds, errors);
}
