import { join } from 'node:path';

import { tuningEnv } from './e2e.bench';
import { generateTraffic } from './generator';
import { httpLoad } from './lib/load';
import { CACHE } from './lib/services';
import { BENCH_CARRIERS, benchStack } from './lib/stack';
import type { BenchRow, BenchSuite } from './lib/suite';

/**
 * Interactive API round trip: `POST /v1/iapi` with one checking-in traveller (a JSON manifest of
 * one), at a fixed 500 requests/s from autocannon, through the gateway, the iAPI request topic,
 * screening (UN + OFAC SDN index) and the reply topic back. A request that screening does not
 * answer in time is answered CONTACT_AGENCY (`timedOut`); those are counted apart.
 */
const RATE = 500;
const FULL = { seconds: 30, bodies: 3000 };
const SMOKE = { seconds: 3, bodies: 200 };
const CONNECTIONS = 64;
const TARGET_P99_MS = 50;

export const iapiSuite: BenchSuite = {
  name: 'iapi',
  description: `iAPI round trip (gateway → Kafka → screening → Kafka → gateway) at a fixed ${RATE} requests/s, one traveller per request`,
  async run(ctx) {
    const n = ctx.smoke ? SMOKE : FULL;
    const stack = benchStack();
    // `--env K=V` (tuning and A/B runs) and `--profile` (CPU profiles in .cache/bench/prof), as in e2e.
    const env = tuningEnv(ctx.args);
    const profile = ctx.args.includes('--profile')
      ? ['--cpu-prof', `--cpu-prof-dir=${join(CACHE, 'prof')}`]
      : undefined;
    if (!stack.apps.has('gateway') || Object.keys(env).length > 0 || profile)
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
    let timedOut = 0;
    // Warm-up (connections, JIT, the reply listener's first fetch), not counted.
    await httpLoad({
      url: `${stack.gateway.url}/v1/iapi`,
      method: 'POST',
      headers,
      bodies,
      connections: 8,
      seconds: 2,
      rate: 100,
    });
    const r = await httpLoad({
      url: `${stack.gateway.url}/v1/iapi`,
      method: 'POST',
      headers,
      bodies,
      connections: CONNECTIONS,
      seconds: n.seconds,
      rate: RATE,
    });
    // A timed-out answer is a 200 with CONTACT_AGENCY: sample a few requests to count them.
    // A kept-alive socket the gateway closes between two samples fails the next fetch
    // ("other side closed", seen once in CI): such a sample is sent again, up to three times.
    for (const body of bodies.slice(0, 50)) {
      const res = await fetchWithRetry(`${stack.gateway.url}/v1/iapi`, { method: 'POST', headers, body });
      if (((await res.json()) as { timedOut?: boolean }).timedOut) timedOut++;
    }
    ctx.log(
      `iAPI at ${RATE}/s: ${Math.round(r.perS)}/s answered, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors`,
    );
    const rows: BenchRow[] = [
      {
        name: `iAPI round trip at ${RATE} requests/s (${CONNECTIONS} connections, one traveller each)`,
        values: {
          requests: r.requests,
          'per s': r.perS,
          'p50 ms': r.p50,
          'p99 ms': r.p99,
          'max ms': r.max,
          errors: r.errors,
          'timed out of 50 after': timedOut,
        },
        target: {
          text: `p99 < ${TARGET_P99_MS} ms at ${RATE}/s`,
          met: r.p99 < TARGET_P99_MS && r.perS >= RATE * 0.95,
        },
      },
    ];
    if (profile) await stack.stopApps();
    return rows;
  },
};

/** `fetch`, sent again (up to `attempts` times) when the connection fails before an answer. */
async function fetchWithRetry(url: string, init: RequestInit, attempts = 3): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (err) {
      if (attempt >= attempts) throw err;
    }
  }
}
