import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { generateTraffic } from './generator';
import { httpLoad, type LatencyResult } from './lib/load';
import { decidedDocuments } from './lib/pipeline';
import { CACHE, ROOT, track } from './lib/services';
import { BENCH_CARRIERS, benchStack } from './lib/stack';
import type { BenchRow, BenchSuite } from './lib/suite';

/**
 * Port-of-entry look-ups under a carrier flood (issue 20, item 6): officers' look-up latency at a
 * fixed rate, first alone, then while one carrier saturates `POST /v1/iapi` with large check-in
 * requests from many connections. Carriers' traffic has its own concurrency gate in the gateway
 * (GATEWAY_CARRIER_CONCURRENCY / GATEWAY_CARRIER_QUEUE, 503 CARRIER_BUSY beyond), so look-ups
 * should keep close to their latency without the flood. Every process shares this machine's
 * cores, the flood's screening work included: that part no gateway limit can take away.
 */
const FULL = { travellers: 2_000, seconds: 20, lookupRate: 500, floodBodies: 1 };
const SMOKE = { travellers: 100, seconds: 2, lookupRate: 100, floodBodies: 1 };
const LOOKUP_CONNECTIONS = 16;
const FLOOD_CONNECTIONS = 128;
/** Travellers per flood request: large, under the iAPI cap of 500. */
const FLOOD_TRAVELLERS = 300;
const TARGET_RATIO = 2;

/**
 * The flood comes from its own process (autocannon's CLI): in the bench's process it would take
 * the look-up load generator's CPU and show up as look-up latency that the gateway did not cause.
 */
function floodFromAnotherProcess(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
  seconds: number,
): Promise<{ statusCodeStats: Record<string, { count: number }>; latency: { p99: number } }> {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, 'flood-body.json');
  writeFileSync(file, body);
  const args = ['-c', String(FLOOD_CONNECTIONS), '-d', String(seconds), '-m', 'POST', '-i', file, '-j'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'autocannon'), [...args, url], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  track(child);
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      try {
        resolve(
          JSON.parse(out) as { statusCodeStats: Record<string, { count: number }>; latency: { p99: number } },
        );
      } catch {
        reject(new Error(`autocannon (flood) exited with ${code} and no result`));
      }
    });
  });
}

function latencyValues(r: LatencyResult): Record<string, number> {
  return {
    requests: r.requests,
    'per s': r.perS,
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    'max ms': r.max,
    errors: r.errors,
  };
}

export const floodSuite: BenchSuite = {
  name: 'flood',
  description:
    'port-of-entry look-up p50/p99 at a fixed rate, alone and while one carrier floods POST /v1/iapi with 300-traveller requests',
  async run(ctx) {
    const n = ctx.smoke ? SMOKE : FULL;
    const stack = benchStack();
    if (!stack.runsDefaults) await stack.startApps({ mode: ctx.smoke ? 'source' : 'dist', log: ctx.log });
    const docs = await decidedDocuments(stack, { seed: 41, travellers: n.travellers, offset: 3_000_000 });
    const paths = docs.map((d) => `/v1/poe/documents/${d.issuer}/${d.number}`);
    const lookupLoad = (seconds: number) =>
      httpLoad({
        url: stack.gateway.url,
        paths,
        headers,
        connections: LOOKUP_CONNECTIONS,
        seconds,
        rate: n.lookupRate,
      });
    const headers = { authorization: `Bearer ${await stack.officerToken()}` };

    const carrier = BENCH_CARRIERS[0];
    const flood = await generateTraffic({
      seed: 42,
      manifests: n.floodBodies,
      travellers: FLOOD_TRAVELLERS,
      hitRate: 0.01,
      carriers: [carrier],
      formats: { JSON: 1, PAXLST: 0, PNRGOV: 0 },
      offset: 4_000_000,
    });
    const floodHeaders = { 'content-type': 'application/json', 'x-api-key': stack.carrierKeys.get(carrier)! };
    const statuses = new Map<number, number>();

    await lookupLoad(2); // warm-up, not counted
    const alone = await lookupLoad(n.seconds);
    ctx.log(`look-ups alone: p50 ${alone.p50.toFixed(2)} p99 ${alone.p99.toFixed(2)} ms`);

    const floodSeconds = n.seconds + 2;
    const flooding = floodFromAnotherProcess(
      `${stack.gateway.url}/v1/iapi`,
      floodHeaders,
      flood.manifests[0].bytes,
      floodSeconds,
    );
    await new Promise((r) => setTimeout(r, 1000)); // the flood is on before look-ups start
    const underFlood = await lookupLoad(n.seconds);
    const floodResult = await flooding;
    for (const [status, { count }] of Object.entries(floodResult.statusCodeStats))
      statuses.set(Number(status), count);
    const answered = statuses.get(200) ?? 0;
    const busy = statuses.get(503) ?? 0;
    ctx.log(
      `look-ups under flood: p50 ${underFlood.p50.toFixed(2)} p99 ${underFlood.p99.toFixed(2)} ms; flood statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    const rows: BenchRow[] = [
      {
        name: `look-ups at ${n.lookupRate}/s, alone (${LOOKUP_CONNECTIONS} connections)`,
        values: latencyValues(alone),
      },
      {
        name: `look-ups at ${n.lookupRate}/s while one carrier floods iAPI (${FLOOD_CONNECTIONS} connections, ${FLOOD_TRAVELLERS} travellers each)`,
        values: latencyValues(underFlood),
        ratio: { to: 'p99 alone', value: underFlood.p99 / alone.p99 },
        target: { text: `p99 ≤ ${TARGET_RATIO}× alone`, met: underFlood.p99 <= TARGET_RATIO * alone.p99 },
      },
      {
        name: 'the flood: iAPI requests answered (200) and refused (503 CARRIER_BUSY) per s',
        values: {
          'answered per s': answered / floodSeconds,
          'p99 ms (all answers)': floodResult.latency.p99,
          'refused per s': busy / floodSeconds,
          'other statuses':
            [...statuses]
              .filter(([s]) => s !== 200 && s !== 503)
              .map(([s, c]) => `${s}×${c}`)
              .join(' ') || '-',
        },
      },
    ];
    return rows;
  },
};
