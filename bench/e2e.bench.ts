import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import { ConsumerGroup, type DecisionMade } from '@paxscreen/contracts';
import type { AppName } from '@paxscreen/testing';

import { generateTraffic, type Traffic } from './generator';
import { offlineFigures, offlineRatioRows, offlineRows, runOffline } from './lib/offline';
import {
  batchWaitsIn,
  DecisionReader,
  decisionsCounted,
  coresByApp,
  meanBatchWaits,
  processFootprint,
  readAllDecisions,
  scoreHits,
  scrapeApps,
  steadyRate,
  submitManifests,
  waitForDecisions,
} from './lib/pipeline';
import { writeChart } from './lib/plot';
import { createTopic, kafkajsPipe, travellerEventBytes } from './lib/raw-limits';
import { CACHE } from './lib/services';
import { BENCH_CARRIERS, benchStack, DEFAULT_LISTS, type StackOptions } from './lib/stack';
import { type BenchContext, type BenchRow, type BenchSuite, percentile } from './lib/suite';

/**
 * End to end on a private broker and redis-server, every service its own process (built with the
 * Nest CLI), UN + OFAC SDN imported through the watchlist service:
 * 1. capacity: a fixed volume of generated manifests (PAXLST, PNRGOV, JSON; 1 % listed people)
 *    is sent to the gateway as fast as it accepts them; the rate is travellers decided per second
 *    from the first POST to the last decision (and the steady rate over the middle 80 %);
 * 2. latency: new traffic paced at a fraction of that rate (½ for the target; ¼ and ¾ for the
 *    plot), ingest-to-decision latency = when a consumer of the decisions topic reads a decision
 *    minus when the gateway accepted its manifest;
 * 3. ground truth: every decision on the topic against the generator's planted hits.
 * The reference is the bare kafkajs produce+consume rate with traveller-sized records, measured
 * on the same broker in the same run. Issue 19's reference is offline: the capacity run's
 * manifests screened against the same lists by `paxscreen screen`'s code in one process
 * (bench/lib/offline.ts), run just before the capacity run while the pipeline idles; capacity and
 * the CPU per traveller of all processes are set against its travellers/s and CPU per traveller.
 */
const TARGET_RATE = 20_000;
const TARGET_RAW_SHARE = 0.5;
const FULL = {
  capacityTravellers: 40_000,
  perManifest: 250,
  latencySeconds: 20,
  fractions: [0.25, 0.5, 0.75],
  rawRecords: 100_000,
};
const SMOKE = {
  capacityTravellers: 1_000,
  perManifest: 50,
  latencySeconds: 4,
  fractions: [0.5],
  rawRecords: 5_000,
};
const HIT_RATE = 0.01;
const CONCURRENCY = 8;

interface LatencyRun {
  fraction: number;
  offered: number;
  achieved: number;
  p50: number;
  p99: number;
  samples: number;
  /** p50 of gateway → parsed, parsed → decided, decided → read, ms. */
  legs: [number, number, number];
  /**
   * p50 of decided − the first decision of the same manifest, ms: the part of parsed → decided
   * spent screening the manifest's earlier travellers (one partition, one thread: its floor).
   */
  afterFirst: number;
}

export const e2eSuite: BenchSuite = {
  name: 'e2e',
  description:
    'gateway → Kafka → parser → screening → Kafka + Redis on a private broker: maximum travellers/s, ingest-to-decision latency at fractions of it, planted hits found, ratio to bare kafkajs produce+consume; capacity and CPU per traveller against the same traffic screened offline in one process (issue 19)',
  async run(ctx) {
    const n = ctx.smoke ? SMOKE : FULL;
    const stack = benchStack();
    // `--profile`: CPU profiles of the services (written when they stop); `--APP-node-args=`.
    const profile = ctx.args.includes('--profile');
    const nodeArgs = appNodeArgs(ctx.args, ['gateway', 'parser', 'screening']);
    const stackOptions: StackOptions = {
      mode: ctx.smoke ? 'source' : 'dist',
      log: ctx.log,
      env: tuningEnv(ctx.args),
      nodeArgs,
    };
    // `--empty-only`: the raw reference and the empty-index run alone (A/B runs of the plumbing).
    const emptyOnly = ctx.args.includes('--empty-only');
    if (emptyOnly) await stack.startServices(ctx.log);
    else await stack.startApps(stackOptions);

    // The raw reference, same broker, same run, before the pipeline loads the machine.
    const eventBytes = await travellerEventBytes();
    const pipeTopic = `raw.e2e.${Date.now().toString(36)}`;
    await createTopic(stack.kafka.brokers, pipeTopic, 4);
    const raw = (await kafkajsPipe(stack.kafka.brokers, pipeTopic, n.rawRecords, eventBytes)).recordsPerS;
    ctx.log(`raw kafkajs produce+consume (${eventBytes} B): ${Math.round(raw)} records/s`);
    const rawRow: BenchRow = {
      name: 'raw: bare kafkajs produce+consume, traveller-sized records (same broker, same run)',
      values: { travellers: n.rawRecords, 'travellers/s': raw },
    };
    if (emptyOnly) {
      const row = await emptyIndexRow(ctx, n, raw, stackOptions);
      if (profile) await stack.stopApps();
      return [rawRow, row];
    }

    // 1. capacity
    let offset = 0;
    const capacityTraffic = await generateTraffic({
      seed: 11,
      manifests: Math.ceil(n.capacityTravellers / n.perManifest),
      travellers: n.perManifest,
      hitRate: HIT_RATE,
      carriers: BENCH_CARRIERS,
      offset,
    });
    offset += capacityTraffic.manifests.length;
    ctx.log(
      `capacity: ${capacityTraffic.travellers} travellers in ${capacityTraffic.manifests.length} manifests (${capacityTraffic.planted} planted hits)`,
    );

    // The offline reference (issue 19): the same manifests and lists, one process, the pipeline idle.
    const offline = await runOffline(capacityTraffic.manifests, DEFAULT_LISTS, join(CACHE, 'offline'));
    if (offline.failures.length > 0 || offline.travellers !== capacityTraffic.travellers)
      throw new Error(
        `the offline reference screened ${offline.travellers} of ${capacityTraffic.travellers} travellers (${offline.failures.join(', ')})`,
      );
    const off = offlineFigures(offline);
    ctx.log(
      `offline reference: ${Math.round(off.travellersPerS)} travellers/s, ${off.cpuMsPerTraveller.toFixed(3)} CPU ms/traveller, ${off.cores.toFixed(2)} cores (lists: ${(offline.lists.cpuMs / 1000).toFixed(1)} CPU s); outcomes ${JSON.stringify(offline.outcomes)}; load average ${loadavg()[0].toFixed(1)}`,
    );
    const base = await decisionsCounted(stack);
    const before = processFootprint(stack);
    const sub = await submitManifests(stack, capacityTraffic.manifests, { concurrency: CONCURRENCY });
    ctx.log(
      `submitted in ${((sub.endedAt - sub.startedAt) / 1000).toFixed(1)} s (${Math.round((capacityTraffic.travellers * 1000) / (sub.endedAt - sub.startedAt))} travellers/s accepted, ${sub.failures} failed)`,
    );
    if (sub.failures > 0) throw new Error(`the gateway refused manifests: ${sub.failureReasons.join(', ')}`);
    const progress = await waitForDecisions(
      stack,
      base,
      capacityTraffic.travellers,
      sub.startedAt,
      30 * 60_000,
    );
    if (!progress.doneAt) throw new Error('the pipeline did not decide every traveller of the capacity run');
    const after = processFootprint(stack);
    const seconds = (progress.doneAt - sub.startedAt) / 1000;
    const rate = capacityTraffic.travellers / seconds;
    const steady = steadyRate(progress.samples, capacityTraffic.travellers);
    const cpu = coresByApp(before, after, seconds);
    ctx.log(
      `capacity: ${Math.round(rate)} travellers/s overall, ${Math.round(steady)} steady; cores used: ${JSON.stringify(Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, Number(v.toFixed(2))])))}; load average ${loadavg()[0].toFixed(1)}`,
    );

    // 2. latency at fractions of the capacity
    const latency: LatencyRun[] = [];
    const trafficSets: Traffic[] = [capacityTraffic];
    for (const fraction of n.fractions) {
      const offered = rate * fraction;
      const total = Math.max(n.perManifest, Math.round(offered * n.latencySeconds));
      const traffic = await generateTraffic({
        seed: 100 + Math.round(fraction * 100),
        manifests: Math.ceil(total / n.perManifest),
        travellers: n.perManifest,
        hitRate: HIT_RATE,
        carriers: BENCH_CARRIERS,
        offset,
      });
      offset += traffic.manifests.length;
      trafficSets.push(traffic);
      // Every decision read is kept with its receipt; only this phase's receipts count.
      // Per decision: total latency and its three legs (gateway → parsed, parsed → decided,
      // decided → read by a consumer), from the timings every decision carries.
      const seen: {
        receipt: string;
        ms: number;
        readAt: number;
        decidedAt: number;
        legs: [number, number, number];
      }[] = [];
      const reader = new DecisionReader(
        stack,
        (d: DecisionMade.Value, readAt: number) => {
          if (d.decision.timings.receivedAt !== undefined)
            seen.push({
              receipt: d.correlationId,
              ms: readAt - d.decision.timings.receivedAt,
              readAt,
              decidedAt: d.decision.timings.decidedAt,
              legs: [
                (d.decision.timings.parsedAt ?? NaN) - d.decision.timings.receivedAt,
                d.decision.timings.decidedAt - (d.decision.timings.parsedAt ?? NaN),
                readAt - d.decision.timings.decidedAt,
              ],
            });
        },
        false,
      );
      await reader.start();
      await reader.ready;
      const startBase = await decisionsCounted(stack);
      const waitsBefore = batchWaitsIn(await scrapeApps(stack), 'screening', ConsumerGroup.Screening);
      const submission = await submitManifests(stack, traffic.manifests, {
        concurrency: CONCURRENCY,
        travellersPerS: offered,
      });
      await waitForDecisions(stack, startBase, traffic.travellers, submission.startedAt, 10 * 60_000);
      const mine = () => seen.filter((x) => submission.receipts.has(x.receipt));
      const deadline = Date.now() + 60_000;
      while (mine().length < traffic.travellers && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 250));
      await reader.stop();
      // Where screening's batches spent the phase (its traveller consumer's paxscreen_batch_wait_seconds).
      const waits = meanBatchWaits(
        waitsBefore,
        batchWaitsIn(await scrapeApps(stack), 'screening', ConsumerGroup.Screening),
      );
      const ours = mine();
      const latencies = ours.map((x) => x.ms);
      const leg = (k: 0 | 1 | 2) =>
        percentile(
          ours.map((x) => x.legs[k]).sort((a, b) => a - b),
          50,
        );
      const firstDecided = new Map<string, number>();
      for (const x of ours)
        firstDecided.set(x.receipt, Math.min(firstDecided.get(x.receipt) ?? Infinity, x.decidedAt));
      const afterFirst = percentile(
        ours.map((x) => x.decidedAt - firstDecided.get(x.receipt)!).sort((a, b) => a - b),
        50,
      );
      const lastAt = Math.max(...ours.map((x) => x.readAt));
      latencies.sort((a, b) => a - b);
      const run: LatencyRun = {
        fraction,
        offered,
        achieved: (traffic.travellers * 1000) / Math.max(1, lastAt - submission.startedAt),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        samples: latencies.length,
        legs: [leg(0), leg(1), leg(2)],
        afterFirst,
      };
      ctx.log(
        `latency at ${fraction} × capacity (${Math.round(offered)}/s): p50 ${run.p50} ms, p99 ${run.p99} ms (${run.samples} decisions); p50 legs gateway→parsed ${run.legs[0]}, parsed→decided ${run.legs[1]}, decided→read ${run.legs[2]} ms; p50 decided after its manifest's first decision ${run.afterFirst} ms; screening's ${waits.batches} batches, mean ms fetched ${waits.meanMs.fetched.toFixed(0)} / queued ${waits.meanMs.queued.toFixed(0)} / handled ${waits.meanMs.handled.toFixed(0)} / committed ${waits.meanMs.committed.toFixed(0)}`,
      );
      latency.push(run);
    }

    // 3. ground truth over everything sent
    const truth = new Map([...trafficSets.flatMap((t) => [...t.truth])]);
    const totalTravellers = trafficSets.reduce((k, t) => k + t.travellers, 0);
    const decisions = await readAllDecisions(stack, totalTravellers);
    const score = scoreHits(truth, decisions);
    ctx.log(
      `hits: ${score.matchedEntry}/${score.planted} planted found (entry), ${score.flagged} flagged; alerts on ${score.alerts}/${score.negatives} others; ${score.undecided} undecided`,
    );
    ctx.log(`recall by perturbation: ${JSON.stringify(score.byPerturbation)}`);

    const cpuPerTraveller =
      (Object.values(cpu).reduce((a, b) => a + b, 0) * seconds * 1000) / capacityTraffic.travellers;
    const rows: BenchRow[] = [
      rawRow,
      ...offlineRows(offline, 'UN + OFAC'),
      {
        name: `capacity: ${capacityTraffic.travellers.toLocaleString('en-GB')} travellers, gateway → decision on Kafka + Redis`,
        values: {
          travellers: capacityTraffic.travellers,
          'travellers/s': rate,
          'steady travellers/s': steady,
          seconds,
          'cores (all services)': Object.values(cpu).reduce((a, b) => a + b, 0),
        },
        ratio: { to: 'kafkajs produce+consume', value: rate / raw },
        target: {
          text: `≥ ${TARGET_RATE.toLocaleString('en-GB')} travellers/s; ≥ ${TARGET_RAW_SHARE * 100} % of raw`,
          met: rate >= TARGET_RATE && rate / raw >= TARGET_RAW_SHARE,
        },
      },
      ...offlineRatioRows({ travellersPerS: rate, cpuMsPerTraveller: cpuPerTraveller }, offline),
      ...latency.map((l): BenchRow => ({
        name: `latency at ${l.fraction} × capacity (${Math.round(l.offered)} travellers/s offered)`,
        values: {
          travellers: l.samples,
          'travellers/s': l.achieved,
          'p50 ms': l.p50,
          'p99 ms': l.p99,
          'p50 ms gateway→parsed': l.legs[0],
          'p50 ms parsed→decided': l.legs[1],
          'p50 ms decided→read': l.legs[2],
          "p50 ms after the manifest's first decision": l.afterFirst,
        },
        ratio: { to: 'kafkajs produce+consume', value: l.achieved / raw },
      })),
      {
        name: `planted hits (UN + OFAC, perturbed): found with the planted entry`,
        values: {
          travellers: score.planted,
          'found %': (100 * score.matchedEntry) / Math.max(1, score.planted),
          'flagged %': (100 * score.flagged) / Math.max(1, score.planted),
        },
      },
      {
        name: 'everyone else: REFER / NO_BOARD (alert rate)',
        values: {
          travellers: score.negatives,
          'alert %': (100 * score.alerts) / Math.max(1, score.negatives),
          undecided: score.undecided,
        },
      },
      ...Object.entries(after).map(([k, v]): BenchRow => ({
        name: `${k}: CPU during the capacity run`,
        values: {
          cores: cpu[k],
          'CPU ms/traveller': (cpu[k] * seconds * 1000) / capacityTraffic.travellers,
          ...(v.rss ? { 'RSS MiB after': v.rss / 2 ** 20 } : {}),
        },
      })),
      {
        // Derived, not measured: what the measured CPU cost per traveller would allow if every
        // service had the machine's cores to itself (this machine is shared with other work).
        name: `projection: ${cpus().length} cores ÷ CPU ms per traveller (all services, broker, Redis)`,
        values: {
          'CPU ms/traveller': cpuPerTraveller,
          'travellers/s': (cpus().length * 1000) / cpuPerTraveller,
        },
        ratio: { to: 'kafkajs produce+consume', value: (cpus().length * 1000) / cpuPerTraveller / raw },
      },
    ];
    if (latency.length > 1) {
      const file = writeChart(
        'e2e-latency',
        {
          title: 'Ingest-to-decision latency vs offered rate',
          xLabel: 'offered travellers/s',
          yLabel: 'latency, ms',
          series: [
            { name: 'p50', points: latency.map((l) => [l.offered, l.p50]) },
            { name: 'p99', points: latency.map((l) => [l.offered, l.p99]) },
          ],
        },
        ctx.smoke,
      );
      ctx.log(`plot: ${file}`);
    }
    const progressFile = writeChart(
      'e2e-capacity',
      {
        title: `Decisions over time (capacity run, ${capacityTraffic.travellers.toLocaleString('en-GB')} travellers)`,
        xLabel: 'seconds since the first POST',
        yLabel: 'travellers decided',
        series: [{ name: 'decided', points: progress.samples.map(([ms, d]) => [ms / 1000, d]) }],
      },
      ctx.smoke,
    );
    ctx.log(`plot: ${progressFile}`);
    // 4. the pipeline alone: the same capacity run against an empty index (no lists imported),
    // so that what matching costs and what the plumbing costs are told apart.
    if (!ctx.smoke || ctx.args.includes('--empty-index')) {
      const row = await emptyIndexRow(ctx, n, raw, stackOptions);
      // Right after the capacity row (records.bench.ts finds that one by its name).
      rows.splice(rows.findIndex((r) => r.name.startsWith('capacity:')) + 1, 0, row);
    }
    if (profile) await stack.stopApps();
    return rows;
  },
};

/**
 * The capacity run against an empty index (no lists imported): what the pipeline costs without
 * matching. Restarts the apps with no lists.
 */
async function emptyIndexRow(
  ctx: BenchContext,
  n: typeof FULL,
  raw: number,
  options: StackOptions,
): Promise<BenchRow> {
  const stack = benchStack();
  await stack.startApps(options, []);
  const empty = await generateTraffic({
    seed: 12,
    manifests: Math.ceil(n.capacityTravellers / n.perManifest),
    travellers: n.perManifest,
    hitRate: 0,
    carriers: BENCH_CARRIERS,
    offset: 500_000,
  });
  const b0 = await decisionsCounted(stack);
  const f0 = processFootprint(stack);
  const s0 = await submitManifests(stack, empty.manifests, { concurrency: CONCURRENCY });
  const p0 = await waitForDecisions(stack, b0, empty.travellers, s0.startedAt, 30 * 60_000);
  if (!p0.doneAt) throw new Error('the pipeline (empty index) did not decide every traveller');
  const secs = (p0.doneAt - s0.startedAt) / 1000;
  const f1 = processFootprint(stack);
  const byApp = coresByApp(f0, f1, secs);
  const cores = Object.values(byApp).reduce((a, b) => a + b, 0);
  const emptyRate = empty.travellers / secs;
  ctx.log(
    `empty index: ${Math.round(emptyRate)} travellers/s (${(emptyRate / raw).toFixed(3)}× raw), ${cores.toFixed(2)} cores, CPU ms/traveller ${JSON.stringify(Object.fromEntries(Object.entries(byApp).map(([k, v]) => [k, Number(((v * secs * 1000) / empty.travellers).toFixed(3))])))}; load average ${loadavg()[0].toFixed(1)}`,
  );
  return {
    name: `capacity with an empty index (no lists): the pipeline without matching`,
    values: {
      travellers: empty.travellers,
      'travellers/s': emptyRate,
      'steady travellers/s': steadyRate(p0.samples, empty.travellers),
      seconds: secs,
      'cores (all services)': cores,
      'CPU ms/traveller': (cores * secs * 1000) / empty.travellers,
    },
    ratio: { to: 'kafkajs produce+consume', value: emptyRate / raw },
    target: { text: `≥ ${TARGET_RAW_SHARE * 100} % of raw`, met: emptyRate / raw >= TARGET_RAW_SHARE },
  };
}

/**
 * Node flags per app: `--profile` gives each of `profiled` a CPU profile (written when it stops, in
 * .cache/bench/prof); `--APP-node-args="FLAGS"` adds flags to one app, e.g.
 * `--screening-node-args=--max-semi-space-size=32` (A/B runs of V8 settings).
 */
export function appNodeArgs(args: string[], profiled: AppName[]): Partial<Record<AppName, string[]>> {
  const out: Partial<Record<AppName, string[]>> = {};
  if (args.includes('--profile'))
    for (const app of profiled) out[app] = ['--cpu-prof', `--cpu-prof-dir=${join(CACHE, 'prof')}`];
  for (const a of args) {
    const m = /^--([a-z]+)-node-args=(.*)$/.exec(a);
    if (m) {
      const app = m[1] as AppName;
      out[app] = [...(out[app] ?? []), ...m[2].split(' ').filter(Boolean)];
    }
  }
  return out;
}

/** `--env KEY=VALUE` arguments become app settings (tuning experiments without code changes). */
export function tuningEnv(args: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (let i = 0; i < args.length; i++)
    if (args[i] === '--env' && args[i + 1]) {
      const [k, ...v] = args[++i].split('=');
      env[k] = v.join('=');
    }
  return env;
}
