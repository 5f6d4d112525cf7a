import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { canonicalCode, canonicalDocumentNumber } from '@paxscreen/contracts';
import { createRedis, redisSettingsFromEnv } from '@paxscreen/redis';

import { decidedDocuments } from './lib/pipeline';
import { callLoad, httpLoad, type LatencyResult } from './lib/load';
import { writeChart } from './lib/plot';
import { redisBenchmarkGet } from './lib/raw-limits';
import { BENCH_PORTS, CACHE, ROOT, track } from './lib/services';
import { benchStack } from './lib/stack';
import type { BenchRow, BenchSuite } from './lib/suite';
import { HOT_PATH_ENTRY_BYTES } from './raw.bench';

/**
 * Port-of-entry look-ups (`GET /v1/poe/documents/:issuer/:number`, officer token, audited) for
 * travellers the pipeline has decided, under load from autocannon: at fixed rates and saturated.
 * Next to it, measured the same way in the same run (same process, same requests in flight, same
 * schedule), a raw Redis HGETALL of the very hot-path keys (a hash per document: every current decision) through the same client library the
 * gateway uses; and redis-benchmark GET for the server's own limit.
 */
const FULL = { travellers: 5_000, seconds: 15, rates: [500, 1000, 2000, 4000] };
const SMOKE = { travellers: 200, seconds: 2, rates: [200] };
const CONNECTIONS = 16;
const TARGET_RATIO = 2;

/** The bare HTTP server of bench/raw/http-get-server.ts on its own port, as its own process. */
async function startHttpFloor(
  keys: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; stop: () => void }> {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, 'poe-keys.txt');
  writeFileSync(file, keys.join('\n'));
  const port = BENCH_PORTS.screening2 + 1;
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'bench', 'raw', 'http-get-server.ts'), String(port), file],
    { cwd: ROOT, env: { ...env, NODE_OPTIONS: '--no-warnings' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  track(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`HTTP floor server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

export const poeSuite: BenchSuite = {
  name: 'poe',
  description:
    'port-of-entry look-up latency (gateway → Redis hot path, officer token, audit) under load, next to raw Redis HGETALL of the same keys measured the same way',
  async run(ctx) {
    const n = ctx.smoke ? SMOKE : FULL;
    const stack = benchStack();
    if (!stack.apps.has('gateway'))
      await stack.startApps({ mode: ctx.smoke ? 'source' : 'dist', log: ctx.log });
    const docs = await decidedDocuments(stack, { seed: 21, travellers: n.travellers, offset: 900_000 });
    const paths = docs.map((d) => `/v1/poe/documents/${d.issuer}/${d.number}`);
    const token = await stack.officerToken();
    const headers = { authorization: `Bearer ${token}` };

    // The same keys the gateway reads (libs/redis key schema), through the same client settings.
    const env = { ...process.env, ...stack.env() };
    const settings = redisSettingsFromEnv(env);
    const redis = createRedis(settings, 'bench-raw');
    const keys = docs.map((d) =>
      settings.keys.decisionsByDocument(canonicalCode(d.issuer), canonicalDocumentNumber(d.number)),
    );
    const sample = await redis.hgetall(keys[0]);
    if (Object.keys(sample).length === 0) throw new Error('hot-path key not found: the key schema changed?');
    ctx.log(`${docs.length} documents decided; hot-path entry ${JSON.stringify(sample).length} bytes`);

    const floor = await startHttpFloor(keys, env);
    const floorPaths = keys.map((_, i) => `/${i}`);

    const rows: BenchRow[] = [];
    const plot: { rate: number; poe: LatencyResult; raw: LatencyResult; http: LatencyResult }[] = [];
    for (const rate of n.rates) {
      const poe = await httpLoad({
        url: stack.gateway.url,
        paths,
        headers,
        connections: CONNECTIONS,
        seconds: n.seconds,
        rate,
      });
      const raw = await callLoad((i) => redis.hgetall(keys[i % keys.length]), {
        concurrency: CONNECTIONS,
        seconds: n.seconds,
        rate,
      });
      const http = await httpLoad({
        url: floor.url,
        paths: floorPaths,
        connections: CONNECTIONS,
        seconds: n.seconds,
        rate,
      });
      ctx.log(
        `${rate}/s: look-up p50 ${poe.p50.toFixed(2)} p99 ${poe.p99.toFixed(2)} ms; raw HGETALL p50 ${raw.p50.toFixed(3)} p99 ${raw.p99.toFixed(3)} ms`,
      );
      plot.push({ rate, poe, raw, http });
      rows.push(
        {
          name: `raw Redis HGETALL at ${rate}/s (${CONNECTIONS} in flight, same client library)`,
          values: {
            requests: raw.requests,
            'per s': raw.perS,
            'p50 ms': raw.p50,
            'p99 ms': raw.p99,
            errors: raw.errors,
          },
        },
        {
          name: `bare node:http + the same HGETALL at ${rate}/s (autocannon; the HTTP floor)`,
          values: {
            requests: http.requests,
            'per s': http.perS,
            'p50 ms': http.p50,
            'p99 ms': http.p99,
            errors: http.errors,
          },
          ratio: { to: 'raw GET p99', value: http.p99 / raw.p99 },
        },
        {
          name: `look-up at ${rate}/s (autocannon, ${CONNECTIONS} connections)`,
          values: {
            requests: poe.requests,
            'per s': poe.perS,
            'p50 ms': poe.p50,
            'p99 ms': poe.p99,
            errors: poe.errors,
          },
          ratio: {
            to: 'raw GET p99 (HTTP floor: ' + (poe.p99 / http.p99).toFixed(1) + '× bare HTTP)',
            value: poe.p99 / raw.p99,
          },
          target: { text: `p99 ≤ ${TARGET_RATIO}× raw GET`, met: poe.p99 <= TARGET_RATIO * raw.p99 },
        },
      );
    }
    const poeMax = await httpLoad({
      url: stack.gateway.url,
      paths,
      headers,
      connections: CONNECTIONS,
      seconds: n.seconds,
    });
    const rawMax = await callLoad((i) => redis.hgetall(keys[i % keys.length]), {
      concurrency: CONNECTIONS,
      seconds: n.seconds,
    });
    const bench = await redisBenchmarkGet(
      stack.redis.port,
      ctx.smoke ? 5_000 : 200_000,
      CONNECTIONS,
      HOT_PATH_ENTRY_BYTES,
    );
    redis.disconnect();
    floor.stop();
    rows.push(
      {
        name: `raw Redis HGETALL, saturated (${CONNECTIONS} in flight)`,
        values: {
          requests: rawMax.requests,
          'per s': rawMax.perS,
          'p50 ms': rawMax.p50,
          'p99 ms': rawMax.p99,
          errors: rawMax.errors,
        },
      },
      {
        name: `look-up, saturated (${CONNECTIONS} connections)`,
        values: {
          requests: poeMax.requests,
          'per s': poeMax.perS,
          'p50 ms': poeMax.p50,
          'p99 ms': poeMax.p99,
          errors: poeMax.errors,
        },
        ratio: { to: 'raw GET throughput', value: poeMax.perS / rawMax.perS },
      },
      {
        name: `redis-benchmark GET (${CONNECTIONS} connections, ${HOT_PATH_ENTRY_BYTES} B)`,
        values: { 'per s': bench.requestsPerS, 'p50 ms': bench.p50Ms, 'p99 ms': bench.p99Ms },
      },
    );
    if (plot.length > 1) {
      const file = writeChart(
        'poe-latency',
        {
          title: 'Port-of-entry look-up vs raw Redis GET, p99',
          xLabel: 'requests/s',
          yLabel: 'p99 latency, ms',
          series: [
            { name: 'look-up p99', points: plot.map((p) => [p.rate, p.poe.p99]) },
            { name: 'look-up p50', points: plot.map((p) => [p.rate, p.poe.p50]), dashed: true },
            { name: 'raw GET p99', points: plot.map((p) => [p.rate, p.raw.p99]) },
            { name: 'bare HTTP + GET p99', points: plot.map((p) => [p.rate, p.http.p99]) },
          ],
        },
        ctx.smoke,
      );
      ctx.log(`plot: ${file}`);
    }
    return rows;
  },
};
