import { request } from 'node:http';
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
/** Requests sent one by one after the load, to count the answers that timed out. */
const SAMPLES = 50;

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
    // A timed-out answer is a 200 with CONTACT_AGENCY: sample a few requests to count them. Each
    // goes on a connection of its own (never a pooled one the load left behind), and one that still
    // fails is counted and named rather than ending the run.
    let sampleErrors = 0;
    for (const body of bodies.slice(0, SAMPLES)) {
      try {
        const res = await postOnce(`${stack.gateway.url}/v1/iapi`, headers, body);
        if ((JSON.parse(res) as { timedOut?: boolean }).timedOut) timedOut++;
      } catch (err) {
        if (sampleErrors++ === 0) ctx.log(`a timed-out sample failed: ${(err as Error).message}`);
      }
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
          [`timed out of ${SAMPLES} after`]: timedOut,
          'sample errors': sampleErrors,
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

/** One POST on a connection of its own (no keep-alive pool); the body of a 200, else an error. */
function postOnce(url: string, headers: Record<string, string>, body: Buffer | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 200) resolve(text);
        else reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
