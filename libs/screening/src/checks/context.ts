import type { Reason, Traveller } from '@paxscreen/contracts';
import type { MatchCandidate } from '@paxscreen/matching';

import type { ScreeningConfig } from '../config';
import type { MatchCache } from '../state/match-cache';
import type { ScreeningState } from '../state/screening-state';

/**
 * Watchlist candidates searched elsewhere (a `MatchPool` thread, whose index replays this state's
 * watchlist changes in order) at the watchlist index `generation` they were searched against.
 */
export interface FoundCandidates {
  readonly generation: number;
  readonly found: readonly MatchCandidate[];
}

export interface CheckContext {
  state: ScreeningState;
  config: ScreeningConfig;
  /** Watchlist candidates by identity (the only step remembered between screenings). */
  matchCache: MatchCache;
  /** Candidates searched elsewhere; used only at the index generation they name, else searched here. */
  candidates?: FoundCandidates;
  /** The decision time (rules' validity windows, expiry checks). */
  now: Date;
  /** YYYY-MM-DD the traveller arrives (local date of the reported flight), for validity checks. */
  arrivalDate: string;
}

/** One screening check: a traveller in, explained reasons out. */
export type Check = (traveller: Traveller, ctx: CheckContext) => Reason[];

/** The arrival date of the reported flight, else its departure date, else today. */
export function arrivalDateOf(traveller: Traveller, now: Date): string {
  const at = traveller.flight?.arrival?.at ?? traveller.flight?.departure?.at;
  return at && /^\d{4}-\d{2}-\d{2}/.test(at) ? at.slice(0, 10) : now.toISOString().slice(0, 10);
}
