/**
 * What one watchlist search costs screening, and what it returns (issue 19). UN + OFAC SDN are indexed
 * into a ScreeningState; the e2e benchmark's traffic (bench/generator, seed 7, 1 % planted) is parsed
 * with `readMessage` and each traveller searched with the screening config's candidate limit, the way
 * the watchlist check does (through a match cache of `--cache` entries, the service's
 * SCREENING_MATCH_CACHE_SIZE; default 0, the cache off: `index.search` alone). After the warm-up searches the rest are timed in process
 * CPU time. The digest (SHA-256 of every search's candidate ids, names and exact scores, warm-up
 * included) shows that two trees return identical results; the µs per search compare their cost.
 * Then, for the edit look-ups, listed person names with one or two typos (`--typos` of them, seeded),
 * timed and digested the same way.
 *
 *   scripts/run.sh node -r @swc-node/register eval/search-cost.ts [--travellers 8000] [--warmup 2000]
 *     [--typos 4000] [--seed 7] [--cache 0]
 * Prints one JSON line: { searches, cpuUsPerSearch, candidatesPerSearch, digest, typo: { … } }. One run
 * per process (the per-token expansion memo starts empty, as after a list load); alternate trees across
 * processes.
 */

import { createHash } from 'node:crypto';

import type { Traveller, WatchlistEntry } from '@paxscreen/contracts';
import { readMessage } from '@paxscreen/edifact';
import { readListFile } from '@paxscreen/lists';
import type { MatchCandidate, MatchIndex, MatchQuery } from '@paxscreen/matching';
import {
  applyListResult,
  DEFAULT_SCREENING_CONFIG,
  MatchCache,
  matchQueryOf,
  offlineListVersion,
  ScreeningState,
} from '@paxscreen/screening';

import { HIT_LISTS } from '../bench/generator/hits';
import { generateTraffic } from '../bench/generator/traffic';

import { seededRandom, typo } from './lib';

const PER_MANIFEST = 250;
const HIT_RATE = 0.01;
const CARRIERS = ['ZB', 'QB'];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

/** The travellers as screening receives them: generated manifests parsed, those with a name, in order. */
async function travellers(seed: number, count: number): Promise<Traveller[]> {
  const traffic = await generateTraffic({
    seed,
    manifests: Math.ceil(count / PER_MANIFEST),
    travellers: PER_MANIFEST,
    hitRate: HIT_RATE,
    carriers: CARRIERS,
    day: '2026-12-08',
  });
  const out: Traveller[] = [];
  for (const m of traffic.manifests)
    for (const message of readMessage(m.bytes).messages)
      for (const t of message.travellers) if (t.surname || t.givenNames) out.push(t);
  return out.slice(0, count);
}

/** Listed person names with one typo (two in every third), with the entry's first date of birth. */
function typoQueries(entries: readonly WatchlistEntry[], count: number, seed: number): MatchQuery[] {
  const random = seededRandom(seed);
  const persons = entries.filter((e) => e.kind === 'PERSON' && e.names.length > 0);
  const out: MatchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const e = persons[Math.floor(random() * persons.length)];
    const name = e.names[Math.floor(random() * e.names.length)].full;
    const once = typo(name, random);
    out.push({
      kind: 'PERSON',
      fullName: i % 3 === 0 ? typo(once, random) : once,
      dateOfBirth: e.datesOfBirth[0]?.date,
    });
  }
  return out;
}

/**
 * Searches `queries` (the first `warmup` untimed) through `cache`: process CPU µs per timed search and a
 * digest of all.
 */
function measure(
  index: MatchIndex,
  queries: readonly MatchQuery[],
  warmup: number,
  cache = new MatchCache(0),
) {
  const options = { limit: DEFAULT_SCREENING_CONFIG.candidates };
  const search = (q: MatchQuery) => cache.search(index, q, options);
  const hash = createHash('sha256');
  for (let i = 0; i < warmup; i++) hash.update(digestLine(search(queries[i])) + '\n');
  let candidates = 0;
  const lines: string[] = [];
  const cpu = process.cpuUsage();
  for (let i = warmup; i < queries.length; i++) {
    const r = search(queries[i]);
    candidates += r.length;
    lines.push(digestLine(r));
  }
  const used = process.cpuUsage(cpu);
  for (const line of lines) hash.update(line + '\n');
  const timed = queries.length - warmup;
  return {
    searches: timed,
    cpuUsPerSearch: Math.round(((used.user + used.system) / Math.max(1, timed)) * 10) / 10,
    candidatesPerSearch: Math.round((candidates / Math.max(1, timed)) * 1000) / 1000,
    digest: hash.digest('hex').slice(0, 16),
  };
}

/** One line per candidate: what a decision carries from it (exact score, not rounded). */
function digestLine(results: readonly MatchCandidate[]): string {
  return results.map((c) => `${c.listId}/${c.entryId}|${c.name}|${c.score}`).join('\t');
}

async function main(): Promise<void> {
  const seed = arg('seed', 7);
  const state = new ScreeningState();
  const entries: WatchlistEntry[] = [];
  for (const file of HIT_LISTS) {
    const r = await readListFile(file);
    applyListResult(state, r, offlineListVersion(r.digest));
    if (r.kind === 'watchlist') entries.push(...r.entries);
  }
  const queries = (await travellers(seed, arg('travellers', 8000))).map(matchQueryOf);
  const typos = typoQueries(entries, arg('typos', 4000), seed);
  const cache = new MatchCache(arg('cache', 0));
  const travellersRun = measure(state.watchlists, queries, arg('warmup', 2000), cache);
  const hitRate = cache.stats().hits / Math.max(1, queries.length);
  console.log(
    JSON.stringify({ ...travellersRun, cacheHitRate: hitRate, typo: measure(state.watchlists, typos, 0) }),
  );
}

void main();
