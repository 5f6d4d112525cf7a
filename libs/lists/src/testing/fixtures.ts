import { join } from 'node:path';

import type { ListReadResult, WatchlistReadResult } from '../core/list-format';

/** The list files copied into the project (see data/lists/SOURCES.md). */
export const LISTS_DIR = join(__dirname, '../../../../data/lists');
export const SAMPLES_DIR = join(__dirname, '../../../../data/samples');
export const GTAS_WATCHLIST = join(__dirname, '../../../../test/fixtures/edifact/gtas/wl-NS.csv');

export const listPath = (...parts: string[]): string => join(LISTS_DIR, ...parts);
export const samplePath = (...parts: string[]): string => join(SAMPLES_DIR, ...parts);

/** Narrows a read result to a watchlist (tests fail loudly when the kind is wrong). */
export function asWatchlist(read: ListReadResult): WatchlistReadResult {
  if (read.kind !== 'watchlist') throw new Error(`expected a watchlist, got ${read.kind}`);
  return read;
}
