/**
 * Splits a V8 CPU profile (`node --cpu-prof`, e.g. the e2e suite's `--profile`) by what the time
 * went to, within a time window of the profile: each sample is given to the deepest "stage" frame on
 * its stack (a use-case step such as the Redis writes or the decision records) and, separately,
 * its leaf frame to a code group (matching, kafkajs, ioredis, JSON, GC…). Used for issue 19's
 * screening breakdown (bench/README.md).
 */

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber?: number;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A use-case step: the deepest frame on a sample's stack that matches one names the sample. */
export interface Stage {
  name: string;
  fn: string | RegExp;
  url: string;
}

export const SCREENING_STAGES: readonly Stage[] = [
  { name: 'batch: decode chunks (JSON + checks)', fn: 'decode', url: 'kafka/src/nest/decision-publisher' },
  { name: 'batch: hot-path read (Redis GET)', fn: 'byTravellers', url: 'redis/src/stores/decision.store' },
  { name: 'batch: match-thread search', fn: 'candidatesFor', url: 'screening' },
  { name: 'screen: matching + rules (Screener.screen)', fn: 'screen', url: 'screening/src/screener' },
  { name: 'decision id (SHA-256)', fn: 'decisionIdFor', url: 'decisions/decision-event' },
  { name: 'decision event (envelope, trace, subject)', fn: 'decisionEvent', url: 'decisions/decision-event' },
  { name: 'snapshot', fn: 'travellerSnapshot', url: 'decisions/decision-event' },
  { name: 'metrics: histogram observe', fn: 'observe', url: 'prom-client' },
  { name: 'Redis writes: hot path (putMany)', fn: 'putMany', url: 'redis/src/stores/decision.store' },
  { name: 'Redis writes: snapshots (putMany)', fn: 'putMany', url: 'traveller-snapshot.store' },
  { name: 'publish: metrics + record objects', fn: 'publish', url: 'kafka/src/nest/decision-publisher' },
  { name: 'log lines', fn: 'logDecided', url: 'screen-travellers.usecase' },
  { name: 'commit: size check (firstTooLarge)', fn: 'firstTooLarge', url: 'kafka/src/core/producer' },
  {
    name: 'commit: records → messages (toMessage, chunkBySize)',
    fn: 'requests',
    url: 'kafka/src/core/consumer',
  },
  {
    name: 'commit: records → messages (toMessage, chunkBySize)',
    fn: 'toTopicMessages',
    url: 'kafka/src/core/producer',
  },
  { name: 'kafkajs: transaction send / commit', fn: /^(send|sendOffsets|commit|sendBatch)$/, url: 'kafkajs' },
  {
    name: 'kafkajs: fetch / decode',
    fn: /^(fetch|decode|decodeMessages|parse|onResponse|processData)$/,
    url: 'kafkajs',
  },
];

/** Code groups by the leaf frame's script (a frame without one, a builtin, goes to its caller's). */
export const CODE_GROUPS: readonly { name: string; url: RegExp }[] = [
  { name: 'matching (libs/matching)', url: /libs\/matching\// },
  { name: 'screening lib (libs/screening)', url: /libs\/screening\// },
  { name: 'rules (libs/rules)', url: /libs\/rules\// },
  { name: 'lists (libs/lists)', url: /libs\/lists\// },
  { name: 'contracts (libs/contracts)', url: /libs\/contracts\// },
  { name: 'screening app (apps/screening)', url: /apps\/screening\// },
  { name: 'kafka (libs/kafka)', url: /libs\/kafka\// },
  { name: 'kafkajs', url: /node_modules\/kafkajs\// },
  { name: 'redis (libs/redis)', url: /libs\/redis\// },
  {
    name: 'ioredis',
    url: /node_modules\/(ioredis|redis-parser|denque|cluster-key-slot|standard-as-callback)\//,
  },
  {
    name: 'observability (libs + prom-client, pino)',
    url: /libs\/observability\/|node_modules\/(prom-client|pino|tdigest|bintrees)/,
  },
  {
    name: 'nest / rxjs / class-validator',
    url: /node_modules\/(@nestjs|rxjs|class-validator|class-transformer|reflect-metadata)/,
  },
  { name: 'other node_modules', url: /node_modules\// },
  { name: 'node internals', url: /^node:/ },
  { name: 'other paxscreen', url: /./ },
];

const SPECIAL = new Set(['(garbage collector)', '(idle)', '(program)', '(root)']);

export interface Split {
  /** Milliseconds of samples in the window, idle excluded. */
  busyMs: number;
  idleMs: number;
  byStage: Map<string, number>;
  byGroup: Map<string, number>;
  /** Time in builtins without a script (JSON.stringify, …) by name, ms. */
  builtins: Map<string, number>;
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

function matches(stage: Stage, f: CallFrame): boolean {
  if (!f.url.includes(stage.url)) return false;
  return typeof stage.fn === 'string' ? f.functionName === stage.fn : stage.fn.test(f.functionName);
}

/** Each sample's start (µs from the profile's start) and duration (µs). */
export function sampleTimes(p: CpuProfile): { at: number[]; dur: number[] } {
  const at: number[] = [];
  let t = 0;
  for (const d of p.timeDeltas) {
    t += d;
    at.push(t);
  }
  // A sample lasts until the next one; the last one until the profile's end.
  const dur = at.map((a, i) =>
    i + 1 < at.length ? at[i + 1] - a : Math.max(0, p.endTime - p.startTime - a),
  );
  return { at, dur };
}

export function splitProfile(
  p: CpuProfile,
  window: { fromS?: number; toS?: number } = {},
  stages: readonly Stage[] = SCREENING_STAGES,
): Split {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageOf = new Map<number, string>();
  const groupOf = new Map<number, string>();
  const resolve = (id: number): void => {
    if (stageOf.has(id)) return;
    const chain: number[] = [];
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) chain.push(x);
    // Deepest stage frame wins; samples under none are the batch's own glue or the event loop's.
    let stage = 'rest (use-case glue, event loop, other)';
    let group: string | undefined;
    for (const x of chain) {
      const f = byId.get(x)!.callFrame;
      if (group === undefined && f.url) group = CODE_GROUPS.find((g) => g.url.test(f.url))?.name;
      const s = stages.find((st) => matches(st, f));
      if (s) {
        stage = s.name;
        break;
      }
    }
    for (const x of chain) {
      const f = byId.get(x)!.callFrame;
      if (f.url) break;
      if (x === id && SPECIAL.has(f.functionName)) group = f.functionName;
    }
    stageOf.set(id, stage);
    groupOf.set(id, group ?? 'no script');
  };
  const { at, dur } = sampleTimes(p);
  const from = (window.fromS ?? 0) * 1e6;
  const to = (window.toS ?? Infinity) * 1e6;
  const split: Split = { busyMs: 0, idleMs: 0, byStage: new Map(), byGroup: new Map(), builtins: new Map() };
  p.samples.forEach((id, i) => {
    if (at[i] < from || at[i] >= to) return;
    const ms = dur[i] / 1000;
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)') {
      split.idleMs += ms;
      return;
    }
    split.busyMs += ms;
    resolve(id);
    const special = SPECIAL.has(f.functionName);
    add(split.byStage, special ? f.functionName : stageOf.get(id)!, ms);
    add(split.byGroup, groupOf.get(id)!, ms);
    if (!f.url && !special) add(split.builtins, f.functionName || '(anonymous)', ms);
  });
  return split;
}

/** Busy and stage-marked ms per second of the profile: where the phases begin and end. */
export function timeline(
  p: CpuProfile,
  marker: Stage,
): { second: number; busyMs: number; markedMs: number }[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const marked = new Map<number, boolean>();
  const isMarked = (id: number): boolean => {
    let m = marked.get(id);
    if (m === undefined) {
      m = false;
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x))
        if (matches(marker, byId.get(x)!.callFrame)) m = true;
      marked.set(id, m);
    }
    return m;
  };
  const { at, dur } = sampleTimes(p);
  const rows: { second: number; busyMs: number; markedMs: number }[] = [];
  p.samples.forEach((id, i) => {
    const s = Math.floor(at[i] / 1e6);
    while (rows.length <= s) rows.push({ second: rows.length, busyMs: 0, markedMs: 0 });
    if (byId.get(id)!.callFrame.functionName === '(idle)') return;
    rows[s].busyMs += dur[i] / 1000;
    if (isMarked(id)) rows[s].markedMs += dur[i] / 1000;
  });
  return rows;
}

/**
 * `scripts/run.sh node -r @swc-node/register bench/lib/profile-split.ts <file.cpuprofile>
 * [--from S] [--to S] [--travellers N] [--timeline]`: the split of the window as ms and shares (and
 * ms per traveller with --travellers); --timeline prints busy / screening ms per second instead.
 */
function main(argv: string[]): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const file = argv.find((a) => !a.startsWith('--') && !/^[\d.]+$/.test(a));
  if (!file)
    throw new Error(
      'usage: profile-split.ts <file.cpuprofile> [--from S] [--to S] [--travellers N] [--timeline]',
    );
  const num = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  if (argv.includes('--timeline')) {
    const screen = SCREENING_STAGES.find((s) => s.fn === 'screen')!;
    for (const r of timeline(p, screen))
      console.log(`${r.second}\t${r.busyMs.toFixed(0)}\t${r.markedMs.toFixed(0)}`);
    return;
  }
  const travellers = num('--travellers');
  const split = splitProfile(p, { fromS: num('--from'), toS: num('--to') });
  const show = (title: string, m: Map<string, number>) => {
    console.log(`\n${title}\tms\tshare${travellers ? '\tms/traveller' : ''}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]))
      console.log(
        `${k}\t${v.toFixed(0)}\t${((100 * v) / split.busyMs).toFixed(1)} %${travellers ? `\t${(v / travellers).toFixed(4)}` : ''}`,
      );
  };
  console.log(
    `busy ${split.busyMs.toFixed(0)} ms, idle ${split.idleMs.toFixed(0)} ms${travellers ? `, ${(split.busyMs / travellers).toFixed(4)} busy ms/traveller` : ''}`,
  );
  show('stage (deepest on the stack)', split.byStage);
  show('code (leaf frame)', split.byGroup);
  show(
    'builtins without a script (leaf)',
    new Map([...split.builtins].filter(([, v]) => v >= split.busyMs / 500)),
  );
}

if (require.main === module) main(process.argv.slice(2));
