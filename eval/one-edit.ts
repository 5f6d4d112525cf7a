/**
 * The one-edit candidate guarantee (issue 18): every listed person of a list, searched by each of
 * their listed names with one name part changed by one edit (every deletion, insertion,
 * substitution by a–z and swap of neighbours), must find its entry among the top 5 candidates
 * (and those tied with the fifth, which screening reports too).
 * Generated from the list itself, so the ground truth is exact.
 *
 * Too long for `npm run eval` (every UN and OFAC SDN person is millions of queries); run it alone:
 * `scripts/run.sh node --expose-gc -r @swc-node/register eval/one-edit.ts [--lists UN,OFAC]
 *   [--index UN,OFAC] [--limit N] [--stride K] [--workers W]`: the persons of `--lists` (the first N
 * of each, and of those every K-th: a sample that runs in minutes) searched in an index of `--index`
 * (default both, as the screening service holds them), over W child processes (default one per
 * core), each taking every W-th person and building its own index. Every miss is counted by kind
 * (`MissKind`), not only the kept examples.
 * `--two-edits`: instead, 20 seeded random variants exactly two edits from each part of
 * MIN_TWO_EDIT_LENGTH+ letters (the two-edit guarantee for long parts).
 * `--only FILE`: only the queries a report of this script lists in `examples` (its misses, with
 * ONE_EDIT_EXAMPLES at least their count): a check of those misses in seconds.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import type { WatchlistEntry } from '@paxscreen/contracts';
import { readListFile } from '@paxscreen/lists';
import {
  classify,
  DEFAULT_ALGORITHM,
  MatchIndex,
  MIN_TWO_EDIT_LENGTH,
  policyFor,
  withinTwoEdits,
} from '@paxscreen/matching';

import { nameKey, seededRandom } from './lib';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Parts shorter than this are left alone: one edit of `AL` or `BIN` is another common word. */
export const MIN_PART_LENGTH = 3;
const TOP = 5;
/** With every entry tied with the fifth, as screening reports them (`watchlistCheck`). */
const TIES = true;
const EXAMPLES = Number(process.env.ONE_EDIT_EXAMPLES ?? 20);

/** Every distinct string one edit (Damerau: delete, insert, substitute, swap neighbours) away from `part`. */
export function oneEditVariants(part: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= part.length; i++) {
    for (const c of LETTERS) out.add(part.slice(0, i) + c + part.slice(i));
    if (i === part.length) break;
    out.add(part.slice(0, i) + part.slice(i + 1));
    for (const c of LETTERS) out.add(part.slice(0, i) + c + part.slice(i + 1));
    if (i + 1 < part.length) out.add(part.slice(0, i) + part[i + 1] + part[i] + part.slice(i + 2));
  }
  out.delete(part);
  return [...out];
}

/**
 * Why a miss missed, the first that applies (in this order):
 * - `typedListed`: the typed part is itself a listed spelling (a part of some indexed name): screening
 *   rightly shows the names holding it first;
 * - `repeatedPart`: the edited part occurs more than once in the name (`AHMED, AHMED`);
 * - `shortPart`: the edited part has at most SHORT_PART letters (one edit from many names);
 * - `originalScriptFirst`: the first name found is written in another script (an entry's original-script
 *   name, `إبراهيم … التكريتي`);
 * - `other`.
 */
export const MISS_KINDS = [
  'typedListed',
  'repeatedPart',
  'shortPart',
  'originalScriptFirst',
  'other',
] as const;
export type MissKind = (typeof MISS_KINDS)[number];
/** Parts of at most this many letters count as short (`ALH`, `HAJ`). */
export const SHORT_PART = 3;

/** Misses of one kind, by why (as `OneEditReport`'s totals). */
export interface KindCounts {
  misses: number;
  notCandidate: number;
  behindCloser: number;
  tiedWithFifth: number;
}

const noMisses = (): KindCounts => ({ misses: 0, notCandidate: 0, behindCloser: 0, tiedWithFifth: 0 });

function emptyKinds(): Record<MissKind, KindCounts> {
  return Object.fromEntries(MISS_KINDS.map((k) => [k, noMisses()])) as Record<MissKind, KindCounts>;
}

/** The kind of a miss (see `MISS_KINDS`). */
export function missKind(
  typed: string,
  part: string,
  parts: readonly string[],
  first: string,
  listedParts: ReadonlySet<string>,
): MissKind {
  if (listedParts.has(typed)) return 'typedListed';
  if (parts.filter((p) => p === part).length > 1) return 'repeatedPart';
  if (part.length <= SHORT_PART) return 'shortPart';
  if (/[^\p{Script=Latin}\P{L}]/u.test(first)) return 'originalScriptFirst';
  return 'other';
}

export interface OneEditReport {
  list: string;
  persons: number;
  names: number;
  queries: number;
  /** Queries whose entry (or an entry with the same listed name) was not among the top 5. */
  misses: number;
  /**
   * Misses with an entry of the same name parts in another order among the top 5 (`MOHAMMED, Ali` for
   * `Ali Mohammed`): the matcher is order-independent, so the query cannot tell the two apart.
   */
  reorderedNameFound: number;
  /** Why: not among the names scored at all (`candidatesPerQuery`: candidate generation missed it)… */
  notCandidate: number;
  /** …scored, but five other entries scored higher (the typo reads closer to other listed names)… */
  behindCloser: number;
  /** …or scored the same as the fifth and lost the tie. */
  tiedWithFifth: number;
  /**
   * Queries whose entry screening would report (among the top 5, the screener's `candidates`, and at
   * least its list's alert threshold): one edit of a short part is meant to stay below it.
   */
  reported: number;
  /** Every miss by kind (`MISS_KINDS`, each miss counted once). */
  kinds: Record<MissKind, KindCounts>;
  ms: number;
  examples: {
    query: string;
    expected: string;
    kind: MissKind;
    rank: number;
    score: number;
    fifth: number;
    first: string;
  }[];
}

/** Variants per long part in the two-edit set (a 10-letter part has ~280,000 two-edit variants). */
export const TWO_EDIT_SAMPLES = 20;
const TWO_EDIT_SEED = 18;

/** One random plain edit (delete, insert, substitute, swap neighbours) of `s`. */
function randomEdit(s: string, random: () => number): string {
  const at = Math.floor(random() * s.length);
  const letter = LETTERS[Math.floor(random() * LETTERS.length)];
  switch (Math.floor(random() * 4)) {
    case 0:
      return s.slice(0, at) + s.slice(at + 1);
    case 1:
      return s.slice(0, at) + letter + s.slice(at);
    case 2:
      return s.slice(0, at) + letter + s.slice(at + 1);
    default:
      return at + 1 < s.length ? s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2) : s;
  }
}

/** `count` distinct spellings exactly two plain edits from `part` (seeded). */
export function twoEditVariants(part: string, count: number, random: () => number): string[] {
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 20; tries++) {
    const v = randomEdit(randomEdit(part, random), random);
    if (v !== part && !oneEditVariants(part).includes(v) && withinTwoEdits(v, part)) out.add(v);
  }
  return [...out];
}

/** A listed name's parts, in alphabetical order (`MOHAMMED, Ali` and `Ali Mohammed` have the same). */
export function partsKey(name: string): string {
  const parts = nameKey(name).match(/[A-Z]+/g);
  return parts ? [...parts].sort().join(' ') : nameKey(name);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Queries to search alone (`--only`): the misses a report listed, and the listed names they were made from. */
export interface OnlyQueries {
  queries: ReadonlySet<string>;
  names: ReadonlySet<string>;
}

/** The queries of a report's `examples` (see `--only`). */
export function onlyQueries(report: Pick<OneEditReport, 'examples'>): OnlyQueries {
  return {
    queries: new Set(report.examples.map((e) => e.query)),
    names: new Set(report.examples.map((e) => e.expected)),
  };
}

/**
 * Searches every one-edit variant of every part (≥ MIN_PART_LENGTH letters) of every listed person name
 * (with `only`, only those queries).
 */
export function oneEditMisses(
  index: MatchIndex,
  entries: readonly WatchlistEntry[],
  list: string,
  maxPersons = Infinity,
  variantsOf: (part: string) => string[] = oneEditVariants,
  minPartLength = MIN_PART_LENGTH,
  shard: { k: number; of: number } = { k: 0, of: 1 },
  indexed: readonly WatchlistEntry[] = entries,
  stride = 1,
  only?: OnlyQueries,
): OneEditReport {
  const started = Date.now();
  const holders = new Map<string, Set<string>>();
  const partsHolders = new Map<string, Set<string>>();
  const hold = (map: Map<string, Set<string>>, k: string, e: WatchlistEntry) => {
    if (!map.has(k)) map.set(k, new Set());
    map.get(k)?.add(`${e.listId}:${e.entryId}`);
  };
  for (const e of entries) for (const n of e.names) hold(holders, nameKey(n.full), e);
  // Same parts in any order, on every list searched (UN's `Ali Mohammed`, OFAC's `MOHAMMED, Ali`).
  for (const e of indexed) for (const n of e.names) hold(partsHolders, partsKey(n.full), e);
  // Every part spelt by a listed name (a typo spelling one is another listed name written exactly).
  const listedParts = new Set<string>();
  for (const e of indexed)
    for (const n of e.names) for (const p of nameKey(n.full).match(/[A-Z]+/g) ?? []) listedParts.add(p);
  const report: OneEditReport = {
    list,
    persons: 0,
    names: 0,
    queries: 0,
    misses: 0,
    reorderedNameFound: 0,
    notCandidate: 0,
    behindCloser: 0,
    tiedWithFifth: 0,
    reported: 0,
    kinds: emptyKinds(),
    ms: 0,
    examples: [],
  };
  let person = -1;
  for (const e of entries) {
    if (e.kind !== 'PERSON') continue;
    if (++person >= maxPersons) break;
    // Every `stride`-th person, and of those every `shard.of`-th.
    if (person % stride !== 0 || (person / stride) % shard.of !== shard.k) continue;
    report.persons++;
    const own = `${e.listId}:${e.entryId}`;
    for (const n of e.names) {
      if (n.type === 'weak' || !/^[A-Za-z' ,.-]+$/.test(n.full)) continue;
      const name = nameKey(n.full);
      if (only && !only.names.has(name)) continue;
      const expected = holders.get(name) ?? new Set([own]);
      expected.add(own);
      const sameParts = new Set([...expected, ...(partsHolders.get(partsKey(n.full)) ?? [])]);
      report.names++;
      const parts = name.match(/[A-Z]+/g) ?? [];
      // Each run of letters is a part (OFAC writes `AL-ZAWAHIRI, Ayman`); the rest stays as listed.
      for (const m of name.matchAll(/[A-Z]+/g)) {
        const part = m[0];
        if (part.length < minPartLength) continue;
        const at = m.index ?? 0;
        for (const variant of variantsOf(part)) {
          const query = name.slice(0, at) + variant + name.slice(at + part.length);
          if (only && !only.queries.has(query)) continue;
          report.queries++;
          const found = index.search(
            { fullName: query, kind: 'PERSON' },
            { limit: TOP, minScore: 0, ties: TIES },
          );
          const hit = found.find((c) => expected.has(`${c.listId}:${c.entryId}`));
          if (hit) {
            if (classify(hit, policyFor(hit.listId)) !== 'NONE') report.reported++;
            continue;
          }
          report.misses++;
          if (found.some((c) => sameParts.has(`${c.listId}:${c.entryId}`))) report.reorderedNameFound++;
          // Every name scored (the candidates), to tell a candidate-generation miss from a ranking one.
          const scored = index.search(
            { fullName: query, kind: 'PERSON' },
            { limit: DEFAULT_ALGORITHM.candidatesPerQuery, minScore: 0 },
          );
          const rank = scored.findIndex((c) => expected.has(`${c.listId}:${c.entryId}`));
          // The fifth's score (those tied with it follow; names one typo away, scoring less, come after them).
          const fifth = found[Math.min(TOP, found.length) - 1]?.score ?? 0;
          const score = rank < 0 ? 0 : scored[rank].score;
          const why = rank < 0 ? 'notCandidate' : score < fifth ? 'behindCloser' : 'tiedWithFifth';
          report[why]++;
          const kind = missKind(variant, part, parts, found[0]?.name ?? '', listedParts);
          report.kinds[kind].misses++;
          report.kinds[kind][why]++;
          if (report.examples.length < EXAMPLES)
            report.examples.push({
              query,
              expected: name,
              kind,
              rank: rank + 1,
              score: round3(score),
              fifth: round3(fifth),
              first: found[0]?.name ?? '',
            });
        }
      }
    }
  }
  report.ms = Date.now() - started;
  return report;
}

const LIST_FILES: Readonly<Record<string, string>> = {
  UN: join(__dirname, '..', 'data', 'lists', 'UN_consolidated.xml'),
  OFAC: join(__dirname, '..', 'data', 'lists', 'ofac_sdn_2021'),
};

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function readEntries(lists: readonly string[]): Promise<WatchlistEntry[]> {
  const out: WatchlistEntry[] = [];
  for (const l of lists) {
    const file = LIST_FILES[l];
    if (!file) throw new Error(`unknown list ${l} (UN, OFAC)`);
    const r = await readListFile(file);
    if (r.kind !== 'watchlist') throw new Error(`${file} is not a watchlist`);
    out.push(...r.entries);
  }
  return out;
}

interface ShardResult {
  report: OneEditReport;
  names: number;
  buildMs: number;
  indexBytes: number;
}

/** One shard (a child process, or the whole run with one worker): every `of`-th person from `k`. */
async function runShard(k: number, of: number): Promise<ShardResult> {
  const limit = Number(option('limit', 'Infinity'));
  const stride = Number(option('stride', '1'));
  const tested = option('lists', 'UN').split(',');
  const indexed = option('index', 'UN,OFAC').split(',');
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = Date.now();
  const all = await readEntries(indexed);
  const index = new MatchIndex();
  for (const e of all) index.add(e);
  const buildMs = Date.now() - started;
  global.gc?.();
  const indexBytes = process.memoryUsage().heapUsed - heapBefore;
  const twoEdits = process.argv.includes('--two-edits');
  const onlyFile = option('only', '');
  const only = onlyFile
    ? onlyQueries(JSON.parse(readFileSync(onlyFile, 'utf8')) as Pick<OneEditReport, 'examples'>)
    : undefined;
  const random = seededRandom(TWO_EDIT_SEED + k);
  const reports: OneEditReport[] = [];
  for (const list of tested) {
    const persons = list === 'UN' || list === 'OFAC' ? await readEntries([list]) : [];
    reports.push(
      oneEditMisses(
        index,
        persons,
        list,
        limit,
        twoEdits ? (part) => twoEditVariants(part, TWO_EDIT_SAMPLES, random) : oneEditVariants,
        twoEdits ? MIN_TWO_EDIT_LENGTH : MIN_PART_LENGTH,
        { k, of },
        all,
        stride,
        only,
      ),
    );
  }
  return { report: mergeReports(tested.join('+'), reports), names: index.nameCount, buildMs, indexBytes };
}

function mergeReports(list: string, rs: readonly OneEditReport[]): OneEditReport {
  return {
    list,
    persons: rs.reduce((n, r) => n + r.persons, 0),
    names: rs.reduce((n, r) => n + r.names, 0),
    queries: rs.reduce((n, r) => n + r.queries, 0),
    misses: rs.reduce((n, r) => n + r.misses, 0),
    reorderedNameFound: rs.reduce((n, r) => n + r.reorderedNameFound, 0),
    notCandidate: rs.reduce((n, r) => n + r.notCandidate, 0),
    behindCloser: rs.reduce((n, r) => n + r.behindCloser, 0),
    tiedWithFifth: rs.reduce((n, r) => n + r.tiedWithFifth, 0),
    reported: rs.reduce((n, r) => n + r.reported, 0),
    kinds: mergeKinds(rs.map((r) => r.kinds)),
    ms: Math.max(0, ...rs.map((r) => r.ms)),
    examples: rs.flatMap((r) => r.examples).slice(0, EXAMPLES),
  };
}

function mergeKinds(ks: readonly Record<MissKind, KindCounts>[]): Record<MissKind, KindCounts> {
  const out = emptyKinds();
  for (const k of ks)
    for (const kind of MISS_KINDS)
      for (const why of Object.keys(out[kind]) as (keyof KindCounts)[]) out[kind][why] += k[kind][why];
  return out;
}

async function main(): Promise<void> {
  const shardAt = process.argv.indexOf('--shard');
  if (shardAt > 0) {
    const [k, of] = process.argv[shardAt + 1].split('/').map(Number);
    const r = await runShard(k, of);
    process.send?.(r);
    return;
  }
  const workers = Number(option('workers', String(cpus().length)));
  const started = Date.now();
  const shards: ShardResult[] =
    workers <= 1
      ? [await runShard(0, 1)]
      : await Promise.all(
          Array.from(
            { length: workers },
            (_, k) =>
              new Promise<ShardResult>((resolve, reject) => {
                const child = fork(__filename, [...process.argv.slice(2), '--shard', `${k}/${workers}`]);
                let result: ShardResult | undefined;
                child.on('message', (m) => (result = m as ShardResult));
                child.on('error', reject);
                child.on('exit', (code) =>
                  result ? resolve(result) : reject(new Error(`shard ${k} exited with ${code}`)),
                );
              }),
          ),
        );
  const report = mergeReports(
    shards[0].report.list,
    shards.map((s) => s.report),
  );
  const queryMs = shards.reduce((n, s) => n + s.report.ms, 0);
  const cost = {
    workers,
    stride: Number(option('stride', '1')),
    wallSeconds: Math.round((Date.now() - started) / 100) / 10,
    names: shards[0].names,
    buildMs: shards[0].buildMs,
    // Only with --expose-gc (scripts/run.sh node --expose-gc …) is the heap figure the index's alone.
    indexHeapMb: Math.round(shards[0].indexBytes / 1e5) / 10,
    msPerQuery: Math.round((queryMs / Math.max(1, report.queries)) * 1000) / 1000,
  };
  process.stdout.write(`${JSON.stringify({ ...report, cost }, null, 2)}\n`);
}
if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`one-edit: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
