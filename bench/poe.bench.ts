import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { canonicalCode, canonicalDocumentNumber } from '@paxscreen/contracts';
import { createRedis, redisSettingsFromEnv } from '@paxscreen/redis';

import { tuningEnv } from './e2e.bench';
import { decidedDocuments } from './lib/pipeline';
import { callLoad, httpLoad, type LatencyResult, pacedHttpLoad } from './lib/load';
import { writeChart } from './lib/plot';
import { redisBenchmarkGet } from './lib/raw-limits';
import { BENCH_PORTS, CACHE, cpuSecondsOf, ROOT, track } from './lib/services';
import { benchStack } from './lib/stack';
import type { BenchRow, BenchSuite } from './lib/suite';
import { HOT_PATH_ENTRY_BYTES } from './raw.bench';

/**
 * Port-of-entry look-ups (`GET /v1/poe/documents/:issuer/:number`, officer token, audited) for
 * travellers the pipeline has decided, under load from autocannon: at fixed rates and saturated.
 * Next to it, in the same run, a raw Redis HGETALL of the very hot-path keys (a hash per document:
 * every current decision) through the same client library the gateway uses, a bare node:http
 * server answering the same HGETALL (the HTTP floor), and redis-benchmark GET for the server's own
 * limit.
 *
 * At a fixed rate autocannon does not pace: each connection sends back to back until it has sent
 * its share of the second (bench/lib/load.ts), so its look-ups and HTTP floor are timed in bursts
 * of 16 at once while the raw HGETALL is paced evenly. Those rows are kept as they were; the
 * "paced" rows time the look-up and the HTTP floor exactly like the raw call (`pacedHttpLoad`,
 * `loop: 'closed'`, which is callLoad over node:http: same schedule, at most 16 in flight), which
 * is the like-for-like comparison the target needs.
 *
 * `--env K=V` (app settings), `--profile` (the gateway's CPU profile in .cache/bench/prof),
 * `--seconds n` and `--rates a,b` (shorter A/B runs) as extra arguments.
 */
const FULL = { travellers: 5_000, seconds: 15, rates: [500, 1000, 2000, 4000] };
const SMOKE = { travellers: 200, seconds: 2, rates: [200] };
const CONNECTIONS = 16;
const TARGET_RATIO = 2;

/** The bare HTTP server of bench/raw/http-get-server.ts on its own port, as its own process. */
async function startHttpFloor(
  keys: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; pid?: number; stop: () => void }> {
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
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

export const poeSuite: BenchSuite = {
  name: 'poe',
  description:
    'port-of-entry look-up latency (gateway → Redis hot path, officer token, audit) under load, next to raw Redis HGETALL of the same keys measured the same way',
  async run(ctx) {
    const n = { ...(ctx.smoke ? SMOKE : FULL) };
    const arg = (name: string) => {
      const i = ctx.args.indexOf(name);
      return i >= 0 ? ctx.args[i + 1] : undefined;
    };
    if (arg('--seconds')) n.seconds = Number(arg('--seconds'));
    if (arg('--rates')) n.rates = arg('--rates')!.split(',').map(Number);
    const stack = benchStack();
    const appEnv = tuningEnv(ctx.args);
    const profile = ctx.args.includes('--profile')
      ? ['--cpu-prof', `--cpu-prof-dir=${join(CACHE, 'prof')}`]
      : undefined;
    if (!stack.apps.has('gateway') || Object.keys(appEnv).length > 0 || profile)
      await stack.startApps({
        mode: ctx.smoke ? 'source' : 'dist',
        log: ctx.log,
        env: appEnv,
        nodeArgs: profile ? { gateway: profile } : undefined,
      });
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
    const paced = { connections: CONNECTIONS, seconds: n.seconds, loop: 'closed' } as const;
    const pacedPoe = (rate: number) =>
      pacedHttpLoad({ url: stack.gateway.url, paths, headers, rate, ...paced });
    const pacedFloor = (rate: number) => pacedHttpLoad({ url: floor.url, paths: floorPaths, rate, ...paced });

    // CPU per request (from /proc, 10 ms ticks) of the server under test and of redis-server: less
    // swayed by a busy machine than latency, and it shows the Redis round trips a request makes.
    const gatewayPid = stack.apps.get('gateway')?.pid;
    const measured = async (server: number | undefined, load: () => Promise<LatencyResult>) => {
      const [s0, r0] = [cpuSecondsOf(server), cpuSecondsOf(stack.redis.pid)];
      const result = await load();
      const per = (cpu: number) => Math.round((cpu * 1e6) / Math.max(1, result.requests + result.errors));
      return {
        ...result,
        serverUs: server ? per(cpuSecondsOf(server) - s0) : undefined,
        redisUs: per(cpuSecondsOf(stack.redis.pid) - r0),
      };
    };
    type Measured = Awaited<ReturnType<typeof measured>>;
    const figures = (r: Measured): Record<string, number> => ({
      requests: r.requests,
      'per s': r.perS,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      errors: r.errors,
      ...(r.serverUs !== undefined ? { 'server CPU µs/req': r.serverUs } : {}),
      'redis CPU µs/req': r.redisUs,
    });

    // Warm-up, not counted: the gateway's look-up path, the floor and the raw client JIT-compiled
    // and connected before the first rate (else its p99 is the first calls' compilation).
    const warm = { connections: CONNECTIONS, seconds: ctx.smoke ? 1 : 3 };
    await httpLoad({ url: stack.gateway.url, paths, headers, ...warm });
    await httpLoad({ url: floor.url, paths: floorPaths, ...warm });
    await callLoad((i) => redis.hgetall(keys[i % keys.length]), {
      concurrency: CONNECTIONS,
      seconds: warm.seconds,
    });

    const rows: BenchRow[] = [];
    const plot: {
      rate: number;
      poe: LatencyResult;
      raw: LatencyResult;
      http: LatencyResult;
      poePaced: LatencyResult;
      httpPaced: LatencyResult;
    }[] = [];
    for (const rate of n.rates) {
      const poe = await measured(gatewayPid, () =>
        httpLoad({
          url: stack.gateway.url,
          paths,
          headers,
          connections: CONNECTIONS,
          seconds: n.seconds,
          rate,
        }),
      );
      const raw = await measured(undefined, () =>
        callLoad((i) => redis.hgetall(keys[i % keys.length]), {
          concurrency: CONNECTIONS,
          seconds: n.seconds,
          rate,
        }),
      );
      const http = await measured(floor.pid, () =>
        httpLoad({
          url: floor.url,
          paths: floorPaths,
          connections: CONNECTIONS,
          seconds: n.seconds,
          rate,
        }),
      );
      const poePaced = await measured(gatewayPid, () => pacedPoe(rate));
      const httpPaced = await measured(floor.pid, () => pacedFloor(rate));
      ctx.log(
        `${rate}/s: look-up p50 ${poe.p50.toFixed(2)} p99 ${poe.p99.toFixed(2)} ms; raw HGETALL p50 ${raw.p50.toFixed(3)} p99 ${raw.p99.toFixed(3)} ms; ` +
          `paced: look-up p50 ${poePaced.p50.toFixed(2)} p99 ${poePaced.p99.toFixed(2)} ms, bare HTTP p50 ${httpPaced.p50.toFixed(2)} p99 ${httpPaced.p99.toFixed(2)} ms`,
      );
      plot.push({ rate, poe, raw, http, poePaced, httpPaced });
      rows.push(
        {
          name: `raw Redis HGETALL at ${rate}/s (${CONNECTIONS} in flight, same client library)`,
          values: figures(raw),
        },
        {
          name: `bare node:http + the same HGETALL at ${rate}/s (autocannon; the HTTP floor)`,
          values: figures(http),
          ratio: { to: 'raw GET p99', value: http.p99 / raw.p99 },
        },
        {
          name: `look-up at ${rate}/s (autocannon, ${CONNECTIONS} connections)`,
          values: figures(poe),
          ratio: {
            to: 'raw GET p99 (HTTP floor: ' + (poe.p99 / http.p99).toFixed(1) + '× bare HTTP)',
            value: poe.p99 / raw.p99,
          },
          target: { text: `p99 ≤ ${TARGET_RATIO}× raw GET`, met: poe.p99 <= TARGET_RATIO * raw.p99 },
        },
        {
          name: `bare node:http + the same HGETALL at ${rate}/s, paced like the raw call (at most ${CONNECTIONS} in flight)`,
          values: figures(httpPaced),
          ratio: { to: 'raw GET p99', value: httpPaced.p99 / raw.p99 },
        },
        {
          name: `look-up at ${rate}/s, paced like the raw call (at most ${CONNECTIONS} in flight)`,
          values: figures(poePaced),
          ratio: {
            to: 'raw GET p99 (' + (poePaced.p99 / httpPaced.p99).toFixed(1) + '× paced bare HTTP)',
            value: poePaced.p99 / raw.p99,
          },
          target: {
            text: `p99 ≤ ${TARGET_RATIO}× raw GET, like for like`,
            met: poePaced.p99 <= TARGET_RATIO * raw.p99,
          },
        },
      );
    }
    const poeMax = await measured(gatewayPid, () =>
      httpLoad({ url: stack.gateway.url, paths, headers, connections: CONNECTIONS, seconds: n.seconds }),
    );
    const rawMax = await measured(undefined, () =>
      callLoad((i) => redis.hgetall(keys[i % keys.length]), { concurrency: CONNECTIONS, seconds: n.seconds }),
    );
    const bench = await redisBenchmarkGet(
      stack.redis.port,
      ctx.smoke ? 5_000 : 200_000,
      CONNECTIONS,
      HOT_PATH_ENTRY_BYTES,
    );
    redis.disconnect();
    floor.stop();
    // The profile is written when the gateway stops.
    if (profile) await stack.stopApps();
    rows.push(
      {
        name: `raw Redis HGETALL, saturated (${CONNECTIONS} in flight)`,
        values: figures(rawMax),
      },
      {
        name: `look-up, saturated (${CONNECTIONS} connections)`,
        values: figures(poeMax),
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
            { name: 'look-up p99, paced', points: plot.map((p) => [p.rate, p.poePaced.p99]) },
            { name: 'bare HTTP + GET p99, paced', points: plot.map((p) => [p.rate, p.httpPaced.p99]) },
          ],
        },
        ctx.smoke,
      );
      ctx.log(`plot: ${file}`);
    }
    return rows;
  },
};
