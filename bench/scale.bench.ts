import type { Traveller } from '@paxscreen/contracts';
import { readMessage } from '@paxscreen/edifact';
import { Screener, ScreeningState } from '@paxscreen/screening';

import { generatedListEntries, generateTraffic } from './generator';
import { decisionsCounted, submitManifests, waitForDecisions } from './lib/pipeline';
import { writeChart } from './lib/plot';
import { BENCH_CARRIERS, benchStack } from './lib/stack';
import { type BenchRow, type BenchSuite, percentile, collect } from './lib/suite';

/**
 * Scaling:
 * 1. list size: generated watchlists of 25,000 to 1,000,000 names fed to the screening index
 *    directly (libs/screening, as the service applies list records), then generated travellers
 *    (1 % planted from the generated list) screened on one core: travellers/s, per-traveller p50 /
 *    p99, index build time and heap per entry. The ratio is to the smallest list's throughput.
 * 2. instances: the capacity run of the e2e suite with one and with two screening instances in
 *    the consumer group (UN + OFAC SDN imported through the watchlist service).
 */
const FULL = {
  sizes: [25_000, 100_000, 250_000, 500_000, 1_000_000],
  travellers: 4_000,
  e2eTravellers: 20_000,
};
const SMOKE = { sizes: [5_000, 20_000], travellers: 300, e2eTravellers: 600 };
const PER_MANIFEST = 250;
const MATCH_P99_TARGET_MS = 2;
const WARM_UP = 200;

interface SizeRun {
  size: number;
  buildS: number;
  bytesPerEntry: number;
  perS: number;
  p50: number;
  p99: number;
}

async function travellersFor(count: number, seed: number): Promise<Traveller[]> {
  const traffic = await generateTraffic({
    seed,
    manifests: Math.ceil(count / PER_MANIFEST),
    travellers: PER_MANIFEST,
    hitRate: 0,
    carriers: ['ZB'],
    formats: { PAXLST: 1, JSON: 0, PNRGOV: 0 },
  });
  return traffic.manifests.flatMap((m) => readMessage(m.bytes).messages[0].travellers);
}

/** The index of a generated list; the entries themselves are garbage once this returns. */
function buildIndex(size: number, keep: number) {
  const entries = generatedListEntries(size, 51);
  const started = performance.now();
  const state = new ScreeningState();
  for (const e of entries) state.applyWatchlist(e.listId, e.entryId, e, 'v1');
  state.setListVersion('GEN', 'v1');
  return { state, buildS: (performance.now() - started) / 1000, planted: entries.slice(0, keep) };
}

function screenAll(screener: Screener, travellers: Traveller[]): { perS: number; p50: number; p99: number } {
  const now = new Date();
  for (const t of travellers.slice(0, WARM_UP)) screener.screen(t, { now });
  const times: number[] = [];
  const started = performance.now();
  for (const t of travellers) {
    const s = performance.now();
    screener.screen(t, { now });
    times.push(performance.now() - s);
  }
  const ms = performance.now() - started;
  times.sort((a, b) => a - b);
  return { perS: (travellers.length * 1000) / ms, p50: percentile(times, 50), p99: percentile(times, 99) };
}

export const scaleSuite: BenchSuite = {
  name: 'scale',
  description:
    'screening throughput and memory against generated lists of 25,000 to 1,000,000 names (one core, index fed directly), and the pipeline with one vs two screening instances',
  async run(ctx) {
    const n = ctx.smoke ? SMOKE : FULL;
    const rows: BenchRow[] = [];
    const travellers = await travellersFor(n.travellers, 41);
    // A share of travellers are listed people of the generated list (named as listed).
    const runs: SizeRun[] = [];
    for (const size of n.sizes) {
      // Heap before the entries exist; after, only the index (and the few planted) remain.
      collect();
      const before = process.memoryUsage().heapUsed;
      const { state, buildS, planted } = buildIndex(size, Math.ceil(travellers.length / 100));
      collect();
      const bytesPerEntry = (process.memoryUsage().heapUsed - before) / size;
      const probe = travellers.map((t, i) =>
        i % 100 === 0 && planted[i / 100]
          ? {
              ...t,
              surname: planted[i / 100].names[0].surname ?? t.surname,
              givenNames: planted[i / 100].names[0].givenNames ?? t.givenNames,
            }
          : t,
      );
      const r = screenAll(new Screener(state), probe);
      ctx.log(
        `${size} names: build ${buildS.toFixed(1)} s, ${Math.round(bytesPerEntry)} B/entry, ${Math.round(r.perS)} travellers/s, p99 ${r.p99.toFixed(2)} ms`,
      );
      runs.push({ size, buildS, bytesPerEntry, ...r });
    }
    const smallest = runs[0];
    for (const r of runs)
      rows.push({
        name: `screening, generated list of ${r.size.toLocaleString('en-GB')} entries (one core, in process)`,
        values: {
          entries: r.size,
          'build s': r.buildS,
          'heap B/entry': r.bytesPerEntry,
          'travellers/s': r.perS,
          'p50 ms': r.p50,
          'p99 ms': r.p99,
        },
        ratio: {
          to: `${smallest.size.toLocaleString('en-GB')}-entry throughput`,
          value: r.perS / smallest.perS,
        },
        ...(r.size >= 1_000_000
          ? {
              target: {
                text: `screening p99 < ${MATCH_P99_TARGET_MS} ms (match target, matching engineer)`,
                met: r.p99 < MATCH_P99_TARGET_MS,
              },
            }
          : {}),
      });
    const file = writeChart(
      'scale-list-size',
      {
        title: 'Screening throughput vs list size (one core)',
        xLabel: 'list entries',
        yLabel: 'travellers/s',
        logX: true,
        series: [{ name: 'travellers/s', points: runs.map((r) => [r.size, r.perS]) }],
      },
      ctx.smoke,
    );
    writeChart(
      'scale-memory',
      {
        title: 'Screening index memory vs list size',
        xLabel: 'list entries',
        yLabel: 'heap MiB',
        logX: true,
        series: [
          { name: 'heap MiB', points: runs.map((r) => [r.size, (r.size * r.bytesPerEntry) / 2 ** 20]) },
        ],
      },
      ctx.smoke,
    );
    ctx.log(`plot: ${file}`);

    // 2. one vs two screening instances, end to end
    const stack = benchStack();
    const instanceRates: number[] = [];
    for (const instances of [1, 2]) {
      await stack.startApps({
        mode: ctx.smoke ? 'source' : 'dist',
        log: ctx.log,
        screeningInstances: instances,
      });
      const traffic = await generateTraffic({
        seed: 61 + instances,
        manifests: Math.ceil(n.e2eTravellers / PER_MANIFEST),
        travellers: PER_MANIFEST,
        hitRate: 0.01,
        carriers: BENCH_CARRIERS,
        offset: 3_000_000 + instances * 10_000,
      });
      const base = await decisionsCounted(stack);
      const sub = await submitManifests(stack, traffic.manifests, { concurrency: 8 });
      const done = await waitForDecisions(stack, base, traffic.travellers, sub.startedAt, 30 * 60_000);
      if (!done.doneAt) throw new Error(`${instances} screening instance(s) did not decide every traveller`);
      const rate = (traffic.travellers * 1000) / (done.doneAt - sub.startedAt);
      ctx.log(`${instances} screening instance(s): ${Math.round(rate)} travellers/s`);
      instanceRates.push(rate);
      rows.push({
        name: `end to end, ${instances} screening instance${instances > 1 ? 's' : ''} (UN + OFAC SDN)`,
        values: { entries: 26_798, travellers: traffic.travellers, 'travellers/s': rate },
        ratio: { to: 'one instance', value: rate / instanceRates[0] },
      });
    }
    await stack.stopApps();
    return rows;
  },
};
