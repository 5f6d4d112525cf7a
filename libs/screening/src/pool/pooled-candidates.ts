import type { Traveller } from '@paxscreen/contracts';
import type { MatchQuery } from '@paxscreen/matching';

import type { FoundCandidates } from '../checks/context';
import { hasName, matchQueryOf, watchlistSearchOptions } from '../checks/watchlist.check';
import type { Screener } from '../screener';
import type { MatchPool } from './match-pool';

/**
 * The watchlist candidates of a batch of travellers, searched on the pool's threads: one per
 * traveller, in order, to pass to `Screener.screen` as `candidates`; undefined where the screener
 * is to search itself (no name to search, a thread that failed, a list change meanwhile). The
 * screener's match cache is asked first, on this thread (a hit is not searched again), and keeps
 * what the threads found, as it would had the screener searched; a batch searches an identity once.
 */
export async function pooledCandidates(
  screener: Screener,
  pool: MatchPool,
  travellers: readonly Traveller[],
): Promise<(FoundCandidates | undefined)[]> {
  const index = screener.state.watchlists;
  const options = watchlistSearchOptions(screener.config);
  const generation = index.generation;
  const out: (FoundCandidates | undefined)[] = travellers.map(() => undefined);
  const queries: MatchQuery[] = [];
  /** For each query searched: the cache key, and the travellers it answers. */
  const asked: { key?: string; travellers: number[] }[] = [];
  const byKey = new Map<string, number>();
  travellers.forEach((t, i) => {
    if (!hasName(t)) return;
    const query = matchQueryOf(t);
    const { key, found } = screener.matchCache.lookup(index, query, options);
    if (found) {
      out[i] = { generation, found };
      return;
    }
    const same = key === undefined ? undefined : byKey.get(key);
    if (same !== undefined) {
      asked[same].travellers.push(i);
      return;
    }
    if (key !== undefined) byKey.set(key, queries.length);
    queries.push(query);
    asked.push({ key, travellers: [i] });
  });
  if (queries.length === 0) return out;
  const answers = await pool.search(queries, options);
  answers.forEach((answer, j) => {
    if (!answer) return;
    const found = screener.matchCache.remember(index, answer.generation, asked[j].key, answer.found);
    for (const i of asked[j].travellers) out[i] = { generation: answer.generation, found };
  });
  return out;
}
