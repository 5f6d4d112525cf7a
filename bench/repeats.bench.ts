import { join } from 'node:path';

import type { Traveller } from '@paxscreen/contracts';
import { readMessage } from '@paxscreen/edifact';
import { readListFile } from '@paxscreen/lists';
import { applyListResult, hitRate, Screener, ScreeningState } from '@paxscreen/screening';

import { tuningEnv } from './e2e.bench';
import { type ManifestFormat, type Traffic, TrafficGenerator } from './generator';
import { decisionsCounted, processFootprint, submitManifests, waitForDecisions } from './lib/pipeline';
import { BENCH_CARRIERS, benchStack } from './lib/stack';
import { type BenchContext, type BenchRow, type BenchSuite, collect } from './lib/suite';

/**
 * The match cache (issue 19) on traffic with repeats: every traveller is screened again on each
 * PNR push and at check-in. The same generated flights and people are sent four times: PNRGOV
 * at T-72h and at T-24h (names romanised and birth years in two digits, as PNRs carry them), then
 * PAXLST at check-in and the final one at departure (names and dates as on the passport), each read by the real readers (libs/edifact). UN + OFAC SDN are applied to a
 * ScreeningState as the CLI does. Every stage is screened in order with the match cache on and
 * off, alternating which goes first per round, on one core in this process: travellers/s, CPU ms
 * per screening (process.cpuUsage), the hit rate per stage, and the heap a cache entry costs.
 * Then end to end (gateway → parser → screening on the private broker and redis-server, as the e2e
 * suite): the four stages of other generated traffic posted one after the other, each once all
 * decisions of the one before are counted, with the screening service's match cache on and off
 * (`SCREENING_MATCH_CACHE_SIZE`; the apps restarted between): travellers/s over the four stages,
 * CPU ms per traveller (all processes, and screening alone), the hit rate from its /metrics.
 * `--no-e2e` skips that part, `--no-in-process` the first.
 */
const DATA = join(__dirname, '..', 'data', 'lists');
const FULL = { travellers: 4_000, perManifest: 250, rounds: 3, e2eTravellers: 2_500 };
const SMOKE = { travellers: 300, perManifest: 50, rounds: 1, e2eTravellers: 200 };
const STAGES: readonly { name: string; format: ManifestFormat }[] = [
  { name: 'PNR push T-72h (PNRGOV)', format: 'PNRGOV' },
  { name: 'PNR push T-24h (PNRGOV)', format: 'PNRGOV' },
  { name: 'API at check-in (PAXLST)', format: 'PAXLST' },
  { name: 'API final at departure (PAXLST)', format: 'PAXLST' },
];
const CACHE_SIZE = 50_000;
const HIT_RATE = 0.01;

interface Pass {
  ms: number;
  cpuMs: number;
  screened: number;
  /** Per stage: hits, misses (cache on only). */
  stages: { hits: number; misses: number }[];
}

function pass(state: ScreeningState, stages: Traveller[][], cacheSize: number): Pass {
  const screener = new Screener(state, undefined, { matchCacheSize: cacheSize });
  const now = new Date();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const perStage: Pass['stages'] = [];
  let screened = 0;
  for (const travellers of stages) {
    const before = screener.matchCache.stats();
    for (const t of travellers) screener.screen(t, { now });
    screened += travellers.length;
    const after = screener.matchCache.stats();
    perStage.push({ hits: after.hits - before.hits, misses: after.misses - before.misses });
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, screened, stages: perStage };
}

export const repeatsSuite: BenchSuite = {
  name: 'repeats',
  description:
    'screening traffic with repeats (PNR push T-72h, T-24h, API at check-in) with the match cache on and off: hit rate, travellers/s, CPU ms per screening (one core, in process, UN + OFAC SDN)',
  async run(ctx) {
    const n = ctx.smoke ? SMOKE : FULL;
    const rows = ctx.args.includes('--no-in-process') ? [] : await inProcess(ctx, n);
    if (!ctx.args.includes('--no-e2e')) rows.push(...(await endToEnd(ctx, n.e2eTravellers, n.perManifest)));
    return rows;
  },
};

/** The four stages screened in this process, match cache on and off in alternating rounds. */
async function inProcess(ctx: BenchContext, n: typeof FULL): Promise<BenchRow[]> {
  const state = new ScreeningState();
  for (const file of ['UN_consolidated.xml', 'ofac_sdn_2021'])
    applyListResult(state, await readListFile(join(DATA, file)), file);
  const generator = await TrafficGenerator.create({
    seed: 19,
    manifests: Math.ceil(n.travellers / n.perManifest),
    travellers: n.perManifest,
    hitRate: HIT_RATE,
    carriers: ['ZB'],
  });
  const base = generator.generate();
  const stages = generator
    .resend(
      base,
      STAGES.map((s) => s.format),
    )
    .map((traffic) =>
      traffic.manifests.flatMap((m) => readMessage(m.bytes).messages.flatMap((x) => x.travellers)),
    );
  ctx.log(
    `${base.travellers} travellers (${base.planted} planted), screened ${STAGES.length} times: ${stages.map((s) => s.length).join(' + ')}`,
  );

  // Warm-up (JIT, the matcher's name caches), not counted.
  pass(state, [stages[0]], 0);

  const on: Pass[] = [];
  const off: Pass[] = [];
  for (let round = 0; round < n.rounds; round++) {
    for (const cached of round % 2 === 0 ? [true, false] : [false, true]) {
      const p = pass(state, stages, cached ? CACHE_SIZE : 0);
      (cached ? on : off).push(p);
      ctx.log(
        `round ${round + 1}, cache ${cached ? 'on ' : 'off'}: ${Math.round((p.screened * 1000) / p.ms)} screenings/s, ${(p.cpuMs / p.screened).toFixed(3)} CPU ms each${cached ? `, hit rate ${(100 * hitRate(sum(p.stages))).toFixed(1)} %` : ''}`,
      );
    }
  }

  const bytesPerEntry = heapPerEntry(state, stages[0]);

  const total = (passes: Pass[]) => ({
    screened: passes.reduce((k, p) => k + p.screened, 0),
    ms: passes.reduce((k, p) => k + p.ms, 0),
    cpuMs: passes.reduce((k, p) => k + p.cpuMs, 0),
  });
  const tOn = total(on);
  const tOff = total(off);
  const rateOff = (tOff.screened * 1000) / tOff.ms;
  const rateOn = (tOn.screened * 1000) / tOn.ms;
  const stageStats = STAGES.map((_, i) => sum(on.map((p) => p.stages[i])));
  const rows: BenchRow[] = [
    {
      name: `match cache off (SCREENING_MATCH_CACHE_SIZE=0): ${STAGES.length} screenings of ${base.travellers.toLocaleString('en-GB')} travellers, ${n.rounds} rounds`,
      values: {
        screenings: tOff.screened,
        'travellers/s': rateOff,
        'CPU ms/traveller': tOff.cpuMs / tOff.screened,
      },
    },
    {
      name: `match cache on (${CACHE_SIZE.toLocaleString('en-GB')} entries), same traffic, same run`,
      values: {
        screenings: tOn.screened,
        'travellers/s': rateOn,
        'CPU ms/traveller': tOn.cpuMs / tOn.screened,
        'hit %': 100 * hitRate(sum(stageStats)),
        'heap B/entry': bytesPerEntry,
      },
      ratio: { to: 'cache off travellers/s', value: rateOn / rateOff },
    },
    ...STAGES.map((s, i): BenchRow => ({
      name: `match cache on: ${s.name}`,
      values: {
        screenings: stageStats[i].hits + stageStats[i].misses,
        'hit %': 100 * hitRate(stageStats[i]),
      },
    })),
  ];
  return rows;
}

/** The four stages through the whole pipeline, match cache on then off (apps restarted between). */
async function endToEnd(ctx: BenchContext, travellers: number, perManifest: number): Promise<BenchRow[]> {
  const generator = await TrafficGenerator.create({
    seed: 23,
    manifests: Math.ceil(travellers / perManifest),
    travellers: perManifest,
    hitRate: HIT_RATE,
    carriers: BENCH_CARRIERS,
    offset: 4_000_000,
  });
  const base = generator.generate();
  const stages = generator.resend(
    base,
    STAGES.map((s) => s.format),
  );
  const stack = benchStack();
  const rows: BenchRow[] = [];
  let rateOff = NaN;
  for (const size of [CACHE_SIZE, 0]) {
    await stack.startApps({
      mode: ctx.smoke ? 'source' : 'dist',
      log: ctx.log,
      env: { ...tuningEnv(ctx.args), SCREENING_MATCH_CACHE_SIZE: String(size) },
    });
    const r = await throughStages(stack, stages);
    const label = size > 0 ? `on (${size.toLocaleString('en-GB')})` : 'off (0)';
    ctx.log(
      `end to end, match cache ${label}: ${Math.round(r.rate)} travellers/s, ${r.cpuMs.toFixed(3)} CPU ms/traveller (screening ${r.screeningCpuMs.toFixed(3)}), hit rate ${(100 * r.hitRate).toFixed(1)} %`,
    );
    if (size === 0) rateOff = r.rate;
    rows.push({
      name: `end to end, ${STAGES.length} stages of ${base.travellers.toLocaleString('en-GB')} travellers, match cache ${label}`,
      values: {
        screenings: r.screened,
        'travellers/s': r.rate,
        'CPU ms/traveller': r.cpuMs,
        'screening CPU ms/traveller': r.screeningCpuMs,
        'hit %': 100 * r.hitRate,
      },
    });
  }
  rows[0].ratio = {
    to: 'cache off travellers/s (end to end)',
    value: (rows[0].values['travellers/s'] as number) / rateOff,
  };
  await stack.stopApps();
  return rows;
}

async function throughStages(stack: ReturnType<typeof benchStack>, stages: Traffic[]) {
  const base = await decisionsCounted(stack);
  const before = processFootprint(stack);
  const startedAt = Date.now();
  let target = 0;
  let doneAt = startedAt;
  for (const stage of stages) {
    const sub = await submitManifests(stack, stage.manifests, { concurrency: 8 });
    if (sub.failures > 0) throw new Error(`the gateway refused manifests: ${sub.failureReasons.join(', ')}`);
    target += stage.travellers;
    const p = await waitForDecisions(stack, base, target, startedAt, 30 * 60_000);
    if (!p.doneAt) throw new Error('the pipeline did not decide every traveller of a stage');
    doneAt = p.doneAt;
  }
  const after = processFootprint(stack);
  const cpuS = (name: string) => after[name].cpu - (before[name]?.cpu ?? 0);
  const allCpuS = Object.keys(after).reduce((k, name) => k + cpuS(name), 0);
  const metrics = await (await fetch(`${stack.screening.url}/metrics`)).text();
  const count = (result: string) =>
    Number(
      new RegExp(
        `^paxscreen_match_cache_lookups_total\\{[^}]*result="${result}"[^}]*\\} ([\\d.e+]+)`,
        'm',
      ).exec(metrics)?.[1] ?? 0,
    );
  return {
    screened: target,
    rate: (target * 1000) / (doneAt - startedAt),
    cpuMs: (allCpuS * 1000) / target,
    screeningCpuMs: (cpuS('screening') * 1000) / target,
    hitRate: hitRate({ hits: count('hit'), misses: count('miss') }),
  };
}

/** Heap one cache entry holds: a stage's distinct identities cached, measured held and then freed. */
function heapPerEntry(state: ScreeningState, travellers: Traveller[]): number {
  const held = (() => {
    const screener = new Screener(state, undefined, { matchCacheSize: CACHE_SIZE });
    for (const t of travellers) screener.screen(t);
    collect();
    return { heap: process.memoryUsage().heapUsed, entries: screener.matchCache.stats().entries };
  })();
  collect();
  return (held.heap - process.memoryUsage().heapUsed) / Math.max(1, held.entries);
}

function sum(stats: { hits: number; misses: number }[]): { hits: number; misses: number } {
  return stats.reduce((k, s) => ({ hits: k.hits + s.hits, misses: k.misses + s.misses }), {
    hits: 0,
    misses: 0,
  });
}
