import type { EntryKind, WatchlistEntry } from '@paxscreen/contracts';

import type { ListStats } from './list-format';

/** Stats of a watchlist read: persons are PERSON entries, entities every other kind. */
export function watchlistStats(rows: number, entries: readonly WatchlistEntry[], skipped: number): ListStats {
  const byKind: Partial<Record<EntryKind, number>> = {};
  for (const e of entries) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  const persons = byKind.PERSON ?? 0;
  return { rows, entries: entries.length, persons, entities: entries.length - persons, skipped, byKind };
}

export function plainStats(rows: number, entries: number, persons: number, skipped: number): ListStats {
  return { rows, entries, persons, entities: 0, skipped, byKind: {} };
}
