/**
 * The one-edit candidate guarantee (issue 18): every listed person of a list, searched by each of
 * their listed names with one name part changed by one edit (every deletion, insertion,
 * substitution by a–z and swap of neighbours), must find its entry among the top 5 candidates.
 * Generated from the list itself, so the ground truth is exact.
 *
 * Too long for `npm run eval` (the full UN list is about 1.8 million queries); run it alone:
 * `scripts/run.sh node --expose-gc -r @swc-node/register eval/one-edit.ts [--limit N]` (N persons).
 * `--two-edits`: instead, 20 seeded random variants exactly two edits from each part of
 * MIN_TWO_EDIT_LENGTH+ letters (the two-edit guarantee for long parts).
 */
import { join } from 'node:path';

import type { WatchlistEntry } from '@paxscreen/contracts';
import { readListFile } from '@paxscreen/lists';
import { MatchIndex, MIN_TWO_EDIT_LENGTH, withinTwoEdits } from '@paxscreen/matching';

import { nameKey, seededRandom } from './lib';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Parts shorter than this are left alone: one edit of `AL` or `BIN` is another common word. */
export const MIN_PART_LENGTH = 3;
const TOP = 5;
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

export interface OneEditReport {
  list: string;
  persons: number;
  names: number;
  queries: number;
  /** Queries whose entry (or an entry with the same listed name) was not among the top 5. */
  misses: number;
  ms: number;
  examples: { query: string; expected: string }[];
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

/** Searches every one-edit variant of every part (≥ MIN_PART_LENGTH letters) of every listed person name. */
export function oneEditMisses(
  index: MatchIndex,
  entries: readonly WatchlistEntry[],
  list: string,
  maxPersons = Infinity,
  variantsOf: (part: string) => string[] = oneEditVariants,
  minPartLength = MIN_PART_LENGTH,
): OneEditReport {
  const started = Date.now();
  const holders = new Map<string, Set<string>>();
  for (const e of entries)
    for (const n of e.names) {
      const k = nameKey(n.full);
      if (!holders.has(k)) holders.set(k, new Set());
      holders.get(k)?.add(e.entryId);
    }
  const report: OneEditReport = { list, persons: 0, names: 0, queries: 0, misses: 0, ms: 0, examples: [] };
  for (const e of entries) {
    if (e.kind !== 'PERSON' || report.persons >= maxPersons) continue;
    report.persons++;
    for (const n of e.names) {
      if (n.type === 'weak' || !/^[A-Za-z' -]+$/.test(n.full)) continue;
      const name = nameKey(n.full);
      const expected = holders.get(name) ?? new Set([e.entryId]);
      const parts = name.split(' ');
      report.names++;
      parts.forEach((part, k) => {
        if (!/^[A-Z]+$/.test(part) || part.length < minPartLength) return;
        for (const variant of variantsOf(part)) {
          const query = parts.map((p, i) => (i === k ? variant : p)).join(' ');
          report.queries++;
          const found = index.search({ fullName: query, kind: 'PERSON' }, { limit: TOP, minScore: 0 });
          if (found.some((c) => expected.has(c.entryId))) continue;
          report.misses++;
          if (report.examples.length < EXAMPLES) report.examples.push({ query, expected: name });
        }
      });
    }
  }
  report.ms = Date.now() - started;
  return report;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--limit');
  const limit = at > 0 ? Number(process.argv[at + 1]) : Infinity;
  const r = await readListFile(join(__dirname, '..', 'data', 'lists', 'UN_consolidated.xml'));
  if (r.kind !== 'watchlist') throw new Error('not a watchlist');
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = Date.now();
  const index = new MatchIndex();
  for (const e of r.entries) index.add(e);
  const buildMs = Date.now() - started;
  global.gc?.();
  const indexBytes = process.memoryUsage().heapUsed - heapBefore;
  const twoEdits = process.argv.includes('--two-edits');
  const random = seededRandom(TWO_EDIT_SEED);
  const report = twoEdits
    ? oneEditMisses(
        index,
        r.entries,
        'UN',
        limit,
        (part) => twoEditVariants(part, TWO_EDIT_SAMPLES, random),
        MIN_TWO_EDIT_LENGTH,
      )
    : oneEditMisses(index, r.entries, 'UN', limit);
  const cost = {
    names: index.nameCount,
    buildMs,
    // Only with --expose-gc (scripts/run.sh node --expose-gc …) is the heap figure the index's alone.
    indexHeapMb: Math.round(indexBytes / 1e5) / 10,
    msPerQuery: Math.round((report.ms / Math.max(1, report.queries)) * 1000) / 1000,
  };
  process.stdout.write(`${JSON.stringify({ ...report, cost }, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`one-edit: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
