import { spawn } from 'node:child_process';

import { generateTraffic } from './generator';
import { decisionsCounted, submitManifests, waitForDecisions } from './lib/pipeline';
import { writeChart } from './lib/plot';
import { rssOf } from './lib/services';
import { BENCH_CARRIERS, benchStack } from './lib/stack';
import type { BenchRow, BenchSuite } from './lib/suite';

/**
 * Resident size of each service (fresh processes, built with the Nest CLI, UN + OFAC SDN
 * imported): at rest once the index is built, the peak while the e2e capacity traffic flows
 * (sampled every 250 ms), and 10 s after. The broker (JVM heap fixed by KAFKA_HEAP) and
 * redis-server are listed too. The ratio is to an idle bare Node.js process on this machine.
 */
const FULL = { travellers: 20_000, settleMs: 10_000 };
const SMOKE = { travellers: 500, settleMs: 1_000 };
const PER_MANIFEST = 250;
const MIB = 2 ** 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RSS of an idle `node` with nothing loaded: the floor every service starts from. */
async function bareNodeRss(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore', env: {} });
  await sleep(1500);
  const rss = rssOf(child.pid);
  child.kill('SIGKILL');
  return rss;
}

export const memorySuite: BenchSuite = {
  name: 'memory',
  description:
    'resident size of each service at rest (index built), at peak under the e2e load, and after it',
  async run(ctx) {
    const n = ctx.smoke ? SMOKE : FULL;
    const stack = benchStack();
    // Fresh processes: what earlier suites left in the heaps is not "at rest".
    await stack.startApps({ mode: ctx.smoke ? 'source' : 'dist', log: ctx.log });
    const bare = await bareNodeRss();
    await sleep(n.settleMs);
    const processes = (): Record<string, number | undefined> => ({
      ...Object.fromEntries([...stack.apps].map(([name, app]) => [name, app.pid])),
      'kafka (JVM)': stack.kafka.pid,
      'redis-server': stack.redis.pid,
    });
    const sample = () => Object.fromEntries(Object.entries(processes()).map(([k, pid]) => [k, rssOf(pid)]));
    const atRest = sample();
    const peak: Record<string, number> = { ...atRest };
    const traffic = await generateTraffic({
      seed: 71,
      manifests: Math.ceil(n.travellers / PER_MANIFEST),
      travellers: PER_MANIFEST,
      hitRate: 0.01,
      carriers: BENCH_CARRIERS,
      offset: 4_000_000,
    });
    const timer = setInterval(() => {
      for (const [k, v] of Object.entries(sample())) peak[k] = Math.max(peak[k] ?? 0, v);
    }, 250);
    const base = await decisionsCounted(stack);
    const sub = await submitManifests(stack, traffic.manifests, { concurrency: 8 });
    const done = await waitForDecisions(stack, base, traffic.travellers, sub.startedAt, 30 * 60_000);
    clearInterval(timer);
    if (!done.doneAt) throw new Error('the pipeline did not decide every traveller');
    await sleep(n.settleMs);
    const after = sample();
    const rows: BenchRow[] = [
      { name: 'bare Node.js process, idle (reference)', values: { 'at rest MiB': bare / MIB } },
    ];
    for (const k of Object.keys(atRest)) {
      ctx.log(
        `${k}: ${(atRest[k] / MIB).toFixed(0)} MiB at rest, ${(peak[k] / MIB).toFixed(0)} MiB peak, ${(after[k] / MIB).toFixed(0)} MiB after`,
      );
      const node = !k.includes('kafka') && !k.includes('redis');
      rows.push({
        name: k,
        values: {
          'at rest MiB': atRest[k] / MIB,
          'peak under load MiB': peak[k] / MIB,
          'after MiB': after[k] / MIB,
        },
        ...(node ? { ratio: { to: 'bare Node.js at rest', value: atRest[k] / bare } } : {}),
      });
    }
    const names = Object.keys(atRest);
    const file = writeChart(
      'memory',
      {
        title: `Resident size per service (UN + OFAC SDN; ${traffic.travellers.toLocaleString('en-GB')} travellers of load)`,
        xLabel: '',
        yLabel: 'MiB',
        xCategories: names,
        series: [
          { name: 'at rest', bars: true, points: names.map((k, i) => [i, atRest[k] / MIB]) },
          { name: 'peak under load', bars: true, points: names.map((k, i) => [i, peak[k] / MIB]) },
        ],
      },
      ctx.smoke,
    );
    ctx.log(`plot: ${file}`);
    return rows;
  },
};
