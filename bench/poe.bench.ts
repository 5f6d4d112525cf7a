import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { canonicalCode, canonicalDocumentNumber } from '@paxscreen/contracts';
import { createRedis, redisSettingsFromEnv } from '@paxscreen/redis';

import { appNodeArgs, tuningEnv } from './e2e.bench';
import { decidedDocuments } from './lib/pipeline';
import { callLoad, httpLoad, keptConnections, type LatencyResult, pacedHttpLoad, pooled } from './lib/load';
import { writeChart } from './lib/plot';
import { redisBenchmarkGet } from './lib/raw-limits';
import { loopMonitor, scrapeMetrics, type ServerSample, serverP99Ms } from './lib/server-stats';
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
 * of 16 at once while the raw HGETALL is paced evenly: a burst's p99 is its queue, and at a low
 * rate the first request of every connection after most of a second idle is a larger share of
 * it. Those rows are kept, set against the floor in the same bursts only. The "paced" rows time
 * the look-up and the HTTP floor exactly like the raw call (`pacedHttpLoad`, `loop: 'closed'`,
 * which is callLoad over node:http: same schedule, at most 16 in flight), and the three are taken
 * in turns (ROUNDS slices each, order rotated) so that a busy stretch of the shared machine falls
 * on all three alike: the like-for-like comparison the target is judged on.
 *
 * Every row also says what the server's event loop did meanwhile (lib/server-stats.ts: delay p99
 * and max, GC time, the gateway's own handling p99 from its /metrics) and the bench process's own
 * loop delay, so that a stall can be told from the network, the other process and the client.
 *
 * `--env K=V` (app settings), `--profile` (the gateway's CPU profile in .cache/bench/prof),
 * `--seconds n` and `--rates a,b` (shorter A/B runs), `--no-bursts` (the paced rows only) as
 * extra arguments.
 */
const FULL = { travellers: 5_000, seconds: 15, rates: [500, 1000, 2000, 4000] };
const SMOKE = { travellers: 200, seconds: 2, rates: [200] };
const CONNECTIONS = 16;
const TARGET_RATIO = 2;
/** Slices each of the raw call, the paced floor and the paced look-up are taken in, in turns. */
const ROUNDS = 3;

/** A server under load: its process (for CPU) and what it says about its event loop. */
interface Target {
  pid?: number;
  stats?: () => Promise<ServerSample>;
}

/** One slice of a load: latencies, CPU seconds of the server and of redis-server, both loops. */
interface Slice {
  result: LatencyResult;
  serverCpu?: number;
  redisCpu: number;
  before?: ServerSample;
  after?: ServerSample;
  benchLoop: { loopP99Ms: number; loopMaxMs: number };
}

type Measured = LatencyResult & {
  serverUs?: number;
  redisUs: number;
  /** The server's event-loop delay in the slices (worst slice), ms. */
  loopP99Ms: number;
  loopMaxMs: number;
  /** The server's GC pauses over the slices, ms: all, and major GCs alone. */
  gcMs: number;
  majorGcMs: number;
  /** The server's own handling of the look-up route, p99 bucket bound, ms (gateway only). */
  handlingP99Ms: number;
  benchLoopMaxMs: number;
};

/** Slices of one load as one figure: latencies pooled, CPU per request over all of them. */
function combine(slices: Slice[]): Measured {
  const result = pooled(slices.map((s) => s.result));
  const per = (cpu: number) => Math.round((cpu * 1e6) / Math.max(1, result.requests + result.errors));
  const sum = (f: (s: Slice) => number) => slices.reduce((t, s) => t + f(s), 0);
  const worst = (f: (s: Slice) => number) => Math.max(...slices.map(f));
  const served = slices.filter((s) => s.before && s.after);
  return {
    ...result,
    serverUs: slices[0].serverCpu === undefined ? undefined : per(sum((s) => s.serverCpu ?? 0)),
    redisUs: per(sum((s) => s.redisCpu)),
    loopP99Ms: served.length ? worst((s) => s.after!.loopP99Ms) : NaN,
    loopMaxMs: served.length ? worst((s) => s.after!.loopMaxMs) : NaN,
    gcMs: served.reduce((t, s) => t + s.after!.gcMs - s.before!.gcMs, 0),
    majorGcMs: served.reduce((t, s) => t + s.after!.majorGcMs - s.before!.majorGcMs, 0),
    handlingP99Ms: serverP99Ms(served.map((s) => [s.before!, s.after!])),
    benchLoopMaxMs: worst((s) => s.benchLoop.loopMaxMs),
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function figures(r: Measured): Record<string, number | string> {
  const has = (v: number) => Number.isFinite(v);
  return {
    requests: r.requests,
    'per s': r.perS,
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    errors: r.errors,
    ...(r.serverUs !== undefined ? { 'server CPU µs/req': r.serverUs } : {}),
    'redis CPU µs/req': r.redisUs,
    ...(has(r.loopMaxMs)
      ? { 'server loop delay p99 / max ms': `${round1(r.loopP99Ms)} / ${round1(r.loopMaxMs)}` }
      : {}),
    ...(has(r.gcMs) && r.gcMs > 0
      ? { 'server GC ms (major)': `${round1(r.gcMs)} (${round1(r.majorGcMs)})` }
      : {}),
    ...(has(r.handlingP99Ms) ? { 'gateway handling p99 ≤ ms': r.handlingP99Ms } : {}),
    'bench loop delay max ms': round1(r.benchLoopMaxMs),
  };
}

/** The bare HTTP floor's event-loop delay since the last ask (it keeps no GC or HTTP figures). */
async function floorLoop(url: string): Promise<ServerSample> {
  const res = await fetch(`${url}/loop`);
  const loop = (await res.json()) as { loopP99Ms: number; loopMaxMs: number };
  return { ...loop, gcMs: NaN, majorGcMs: NaN, buckets: new Map() };
}

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
    // `--profile` (the gateway's CPU profile), `--gateway-node-args=--max-semi-space-size=32` (A/B).
    const gatewayArgs = appNodeArgs(ctx.args, ['gateway']).gateway ?? [];
    if (!stack.runsDefaults || Object.keys(appEnv).length > 0 || gatewayArgs.length > 0)
      await stack.startApps({
        mode: ctx.smoke ? 'source' : 'dist',
        log: ctx.log,
        env: appEnv,
        nodeArgs: gatewayArgs.length > 0 ? { gateway: gatewayArgs } : undefined,
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
    // Each server's connections are kept across the slices, as the raw client keeps its one.
    const poeAgent = keptConnections(CONNECTIONS);
    const floorAgent = keptConnections(CONNECTIONS);
    const paced = { connections: CONNECTIONS, loop: 'closed' } as const;
    const pacedPoe = (rate: number, seconds: number) =>
      pacedHttpLoad({ url: stack.gateway.url, paths, headers, rate, seconds, agent: poeAgent, ...paced });
    const pacedFloor = (rate: number, seconds: number) =>
      pacedHttpLoad({ url: floor.url, paths: floorPaths, rate, seconds, agent: floorAgent, ...paced });

    // CPU per request (from /proc, 10 ms ticks) of the server under test and of redis-server: less
    // swayed by a busy machine than latency, and it shows the Redis round trips a request makes.
    // With it, what each side's event loop did meanwhile (server-stats.ts): a stall in the server
    // shows as its loop delay, a stall in this process (the load generator) as the bench's.
    const gatewayPid = stack.apps.get('gateway')?.pid;
    const poeRoute = '/v1/poe/documents/:issuer/:number';
    const gatewayTarget: Target = {
      pid: gatewayPid,
      stats: () => scrapeMetrics(stack.gateway.url, poeRoute),
    };
    const floorTarget: Target = { pid: floor.pid, stats: () => floorLoop(floor.url) };
    const rawTarget: Target = {};
    const slice = async (target: Target, load: () => Promise<LatencyResult>): Promise<Slice> => {
      const before = await target.stats?.();
      const [s0, r0] = [cpuSecondsOf(target.pid), cpuSecondsOf(stack.redis.pid)];
      const bench = loopMonitor();
      const result = await load();
      const benchLoop = bench.stop();
      const serverCpu = target.pid ? cpuSecondsOf(target.pid) - s0 : undefined;
      const redisCpu = cpuSecondsOf(stack.redis.pid) - r0;
      const after = await target.stats?.();
      return { result, serverCpu, redisCpu, before, after, benchLoop };
    };

    // Warm-up, not counted: the gateway's look-up path, the floor and the raw client JIT-compiled
    // and connected before the first rate (else its p99 is the first calls' compilation).
    const warm = { connections: CONNECTIONS, seconds: ctx.smoke ? 1 : 3 };
    await httpLoad({ url: stack.gateway.url, paths, headers, ...warm });
    await httpLoad({ url: floor.url, paths: floorPaths, ...warm });
    await callLoad((i) => redis.hgetall(keys[i % keys.length]), {
      concurrency: CONNECTIONS,
      seconds: warm.seconds,
    });
    // And every kept connection opened: unpaced, all 16 are in flight at once.
    await pacedPoe(1e6, 0.3);
    await pacedFloor(1e6, 0.3);

    const rounds = ctx.smoke ? 1 : ROUNDS;
    const withBursts = !ctx.args.includes('--no-bursts');
    const rows: BenchRow[] = [];
    const plot: {
      rate: number;
      bursts?: { poe: Measured; http: Measured };
      raw: Measured;
      poePaced: Measured;
      httpPaced: Measured;
    }[] = [];
    for (const rate of n.rates) {
      // autocannon's bursts (kept for comparison with earlier runs; see the comment at the top).
      const bursts = withBursts
        ? {
            poe: combine([
              await slice(gatewayTarget, () =>
                httpLoad({
                  url: stack.gateway.url,
                  paths,
                  headers,
                  connections: CONNECTIONS,
                  seconds: n.seconds,
                  rate,
                }),
              ),
            ]),
            http: combine([
              await slice(floorTarget, () =>
                httpLoad({
                  url: floor.url,
                  paths: floorPaths,
                  connections: CONNECTIONS,
                  seconds: n.seconds,
                  rate,
                }),
              ),
            ]),
          }
        : undefined;
      // Like for like: the raw call, the paced floor and the paced look-up in turns, `rounds` slices
      // each, the order rotated every round, so that all three see the same stretch of the machine.
      const sliceSeconds = n.seconds / rounds;
      const kinds = [
        {
          target: rawTarget,
          load: () =>
            callLoad((i) => redis.hgetall(keys[i % keys.length]), {
              concurrency: CONNECTIONS,
              seconds: sliceSeconds,
              rate,
            }),
        },
        { target: floorTarget, load: () => pacedFloor(rate, sliceSeconds) },
        { target: gatewayTarget, load: () => pacedPoe(rate, sliceSeconds) },
      ];
      const taken: Slice[][] = kinds.map(() => []);
      for (let round = 0; round < rounds; round++)
        for (let j = 0; j < kinds.length; j++) {
          const k = (round + j) % kinds.length;
          taken[k].push(await slice(kinds[k].target, kinds[k].load));
        }
      const [raw, httpPaced, poePaced] = taken.map(combine);
      ctx.log(
        `${rate}/s: raw HGETALL p50 ${raw.p50.toFixed(3)} p99 ${raw.p99.toFixed(3)} ms; ` +
          `paced: look-up p50 ${poePaced.p50.toFixed(2)} p99 ${poePaced.p99.toFixed(2)} ms (gateway loop max ${poePaced.loopMaxMs.toFixed(1)} ms, handling p99 ≤ ${poePaced.handlingP99Ms} ms), ` +
          `bare HTTP p50 ${httpPaced.p50.toFixed(2)} p99 ${httpPaced.p99.toFixed(2)} ms (loop max ${httpPaced.loopMaxMs.toFixed(1)} ms)` +
          (bursts
            ? `; autocannon bursts: look-up p99 ${bursts.poe.p99.toFixed(2)}, bare HTTP p99 ${bursts.http.p99.toFixed(2)} ms`
            : ''),
      );
      plot.push({ rate, bursts, raw, poePaced, httpPaced });
      rows.push(
        {
          name: `raw Redis HGETALL at ${rate}/s (at most ${CONNECTIONS} in flight, same client library; in turns with the two below)`,
          values: figures(raw),
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
      if (bursts)
        rows.push(
          {
            name: `bare node:http + the same HGETALL at ${rate}/s (autocannon: bursts of ${CONNECTIONS} at the start of each second)`,
            values: figures(bursts.http),
          },
          {
            // Not against the paced raw call: bursts against an even pace measure the burst, not
            // the look-up. Against the floor taken in the same bursts.
            name: `look-up at ${rate}/s (autocannon: bursts of ${CONNECTIONS} at the start of each second)`,
            values: figures(bursts.poe),
            ratio: { to: 'bare HTTP p99 in the same bursts', value: bursts.poe.p99 / bursts.http.p99 },
          },
        );
    }
    const poeMax = combine([
      await slice(gatewayTarget, () =>
        httpLoad({ url: stack.gateway.url, paths, headers, connections: CONNECTIONS, seconds: n.seconds }),
      ),
    ]);
    const rawMax = combine([
      await slice(rawTarget, () =>
        callLoad((i) => redis.hgetall(keys[i % keys.length]), {
          concurrency: CONNECTIONS,
          seconds: n.seconds,
        }),
      ),
    ]);
    const bench = await redisBenchmarkGet(
      stack.redis.port,
      ctx.smoke ? 5_000 : 200_000,
      CONNECTIONS,
      HOT_PATH_ENTRY_BYTES,
    );
    redis.disconnect();
    poeAgent.destroy();
    floorAgent.destroy();
    floor.stop();
    // The profile is written when the gateway stops.
    if (ctx.args.includes('--profile')) await stack.stopApps();
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
            { name: 'look-up p99, paced', points: plot.map((p) => [p.rate, p.poePaced.p99]) },
            { name: 'look-up p50, paced', points: plot.map((p) => [p.rate, p.poePaced.p50]), dashed: true },
            { name: 'raw GET p99', points: plot.map((p) => [p.rate, p.raw.p99]) },
            { name: 'bare HTTP + GET p99, paced', points: plot.map((p) => [p.rate, p.httpPaced.p99]) },
            ...(withBursts
              ? [
                  {
                    name: 'look-up p99, autocannon bursts',
                    points: plot.map((p): [number, number] => [p.rate, p.bursts!.poe.p99]),
                  },
                  {
                    name: 'bare HTTP + GET p99, bursts',
                    points: plot.map((p): [number, number] => [p.rate, p.bursts!.http.p99]),
                  },
                ]
              : []),
          ],
        },
        ctx.smoke,
      );
      ctx.log(`plot: ${file}`);
    }
    return rows;
  },
};
