import { createHash } from 'node:crypto';

import {
  BoundedCache,
  type MatchCandidate,
  type MatchIndex,
  type MatchQuery,
  type SearchOptions,
} from '@paxscreen/matching';

/** What the match cache has done since it was made (the screening service exposes these as metrics). */
export interface MatchCacheStats {
  hits: number;
  misses: number;
  /** Entries remembered now. */
  entries: number;
  /** Most entries remembered (0: the cache is off). */
  capacity: number;
  /** Times every entry was forgotten because the watchlist index changed. */
  invalidations: number;
}

/** hits ÷ (hits + misses); 0 before the first look-up. */
export function hitRate(stats: Pick<MatchCacheStats, 'hits' | 'misses'>): number {
  const total = stats.hits + stats.misses;
  return total === 0 ? 0 : stats.hits / total;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Remembers watchlist candidates (`MatchIndex.search`, the expensive step of screening) per
 * identity: a traveller is screened again on every PNR push, at check-in and when re-vetted, with
 * the same name, birth date, documents and nationality. Keyed by a SHA-256 of `searchKey` (the
 * normalised name tokens, every qualifier, limit and floor: no personal data kept in clear), valid
 * for one index `generation`: any watchlist entry added, replaced or removed forgets everything.
 * Only candidates are kept: list policies, dispositions, lost/stolen documents, enrolments, rules
 * and co-travellers are applied to them on every screening, so they are never stale.
 * At most `capacity` entries (least recently used forgotten first, by halves); 0 turns it off.
 * Cached candidates are frozen: a decision shares them read-only.
 */
export class MatchCache {
  private readonly cache: BoundedCache<readonly MatchCandidate[]> | undefined;
  private index: MatchIndex | undefined;
  private generation = -1;
  private hits = 0;
  private misses = 0;
  private invalidations = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0)
      throw new Error('the match cache capacity is a whole number ≥ 0');
    this.cache = capacity > 0 ? new BoundedCache(capacity) : undefined;
  }

  /** `index.search(query, options)`, remembered. */
  search(index: MatchIndex, query: MatchQuery, options: SearchOptions): readonly MatchCandidate[] {
    const { key, found } = this.lookup(index, query, options);
    return found ?? this.remember(index, index.generation, key, index.search(query, options));
  }

  /**
   * The candidates remembered for this query at the index's current generation (`found`), else the
   * key to `remember` them under once searched (none while the cache is off). Counts a hit or a miss.
   */
  lookup(
    index: MatchIndex,
    query: MatchQuery,
    options: SearchOptions,
  ): { key?: string; found?: readonly MatchCandidate[] } {
    const cache = this.cache;
    if (!cache) return {};
    if (index !== this.index || index.generation !== this.generation) {
      if (cache.size > 0) this.invalidations++;
      cache.clear();
      this.index = index;
      this.generation = index.generation;
    }
    const key = createHash('sha256').update(index.searchKey(query, options)).digest('base64');
    const known = cache.get(key);
    if (known) {
      this.hits++;
      return { key, found: known };
    }
    this.misses++;
    return { key };
  }

  /**
   * Remembers candidates searched at `generation` of `index` (possibly on another thread) under a
   * `lookup` key; not when the index has changed since the lookup (they would be stale). Returns them
   * (frozen when remembered).
   */
  remember(
    index: MatchIndex,
    generation: number,
    key: string | undefined,
    found: readonly MatchCandidate[],
  ): readonly MatchCandidate[] {
    if (!this.cache || key === undefined || index !== this.index || generation !== this.generation)
      return found;
    return this.cache.set(key, deepFreeze(found));
  }

  stats(): MatchCacheStats {
    return {
      hits: this.hits,
      misses: this.misses,
      entries: this.cache?.size ?? 0,
      capacity: this.capacity,
      invalidations: this.invalidations,
    };
  }
}
