import { isMainThread, type MessagePort, parentPort, workerData } from 'node:worker_threads';

import type { WatchlistEntry } from '@paxscreen/contracts';
import type { MatchCandidate, MatchQuery, SearchOptions } from '@paxscreen/matching';

import { ScreeningState } from '../state/screening-state';

// One matching thread of a MatchPool: its own watchlist index, changed by the same `applyWatchlist`
// calls in the same order as the main thread's ScreeningState (so it is the same index, generation
// for generation), searched for chunks of travellers. Never does I/O; holds personal data only in
// memory, never logs it.

/** One watchlist change, as the main thread applied it (`ScreeningState.applyWatchlist`). */
export interface WatchlistChange {
  listId: string;
  entryId: string;
  entry: WatchlistEntry | null;
  version?: string;
}

export type ToThread =
  | { type: 'apply'; changes: readonly WatchlistChange[] }
  /** Answered with `ready` once every change posted before it is applied. */
  | { type: 'ping'; id: number }
  | {
      type: 'search';
      id: number;
      generation: number;
      queries: readonly MatchQuery[];
      options: SearchOptions;
    };

export type FromThread =
  | { type: 'ready'; id: number }
  /** `found` is absent when the thread's index is not at the requested generation (searched elsewhere). */
  | { type: 'found'; id: number; generation: number; found?: MatchCandidate[][] };

/** Passed as `workerData`: this module is also loaded on the main thread (the pool imports it). */
export const MATCH_THREAD_MARK = 'paxscreen-match-thread';

/** This module's file, the thread's entry point (tsc emits it because the pool imports this). */
export const MATCH_THREAD_FILE = __filename;

function serve(port: MessagePort): void {
  const state = new ScreeningState();
  const post = (m: FromThread) => port.postMessage(m);
  port.on('message', (m: ToThread) => {
    switch (m.type) {
      case 'apply':
        for (const c of m.changes)
          try {
            state.applyWatchlist(c.listId, c.entryId, c.entry, c.version);
          } catch {
            // The main thread failed on this change too (same code, same entry: the same partial
            // change, so the same generation) and reported it; a thread must not die of it.
          }
        return;
      case 'ping':
        return post({ type: 'ready', id: m.id });
      case 'search': {
        const index = state.watchlists;
        if (index.generation !== m.generation)
          return post({ type: 'found', id: m.id, generation: index.generation });
        const found = m.queries.map((q) => index.search(q, m.options));
        return post({ type: 'found', id: m.id, generation: m.generation, found });
      }
    }
  });
}

if (!isMainThread && workerData === MATCH_THREAD_MARK && parentPort) serve(parentPort);
