import { performance } from 'node:perf_hooks';

import { Decision, newEventId, Outcome, OUTCOME_SEVERITY, Reason, Traveller } from '@paxscreen/contracts';

import { DEFAULT_SCREENING_CONFIG, ScreeningConfig } from './config';
import { arrivalDateOf, Check, CheckContext, FoundCandidates } from './checks/context';
import { enrolmentCheck } from './checks/enrolment.check';
import { lostStolenCheck } from './checks/lost-stolen.check';
import { rulesCheck } from './checks/rules.check';
import { watchlistCheck } from './checks/watchlist.check';
import { MatchCache } from './state/match-cache';
import { ScreeningState } from './state/screening-state';

/** The checks, in the order their reasons are listed on a decision. */
export const CHECKS: readonly Check[] = [lostStolenCheck, watchlistCheck, rulesCheck, enrolmentCheck];

/**
 * The outcome of a set of reasons (docs/architecture.md §3): the most severe action among them;
 * EXPEDITE only when an enrolment fired and nothing else did (see withholdExpedite); otherwise CLEAR.
 */
export function outcomeOf(reasons: readonly Reason[]): Outcome {
  let outcome: Outcome = 'CLEAR';
  for (const r of reasons) if (OUTCOME_SEVERITY[r.action] > OUTCOME_SEVERITY[outcome]) outcome = r.action;
  return outcome;
}

/** Said on an enrolment reason whose EXPEDITE another reason withholds. */
export const EXPEDITE_WITHHELD =
  'not expedited: a possible watchlist match (at or above the list alert threshold) or a referral must be cleared first';

/**
 * EXPEDITE only when nothing else fired (docs/architecture.md §3): a watchlist match at or above its list's alert
 * threshold (the clearance threshold: a weak match below the referral threshold, action CLEAR, is
 * still a possible match), or any reason that refers or stops boarding, turns every EXPEDITE
 * reason into a recorded CLEAR that says why.
 */
export function withholdExpedite(reasons: Reason[]): Reason[] {
  const blocked = reasons.some(
    (r) => r.kind === 'WATCHLIST' || r.action === 'REFER' || r.action === 'NO_BOARD',
  );
  if (!blocked) return reasons;
  return reasons.map((r) =>
    r.action === 'EXPEDITE'
      ? { ...r, action: 'CLEAR', explanation: `${r.explanation}; ${EXPEDITE_WITHHELD}` }
      : r,
  );
}

/** A match (watchlist, lost/stolen) that refers or stops boarding makes its traveller's links flagged. */
function flagsCoTravellers(r: Reason): boolean {
  return (
    (r.kind === 'WATCHLIST' || r.kind === 'LOST_STOLEN_DOCUMENT') &&
    (r.action === 'REFER' || r.action === 'NO_BOARD')
  );
}

/** Reasons that decide, first: the most severe, then by score. */
function ordered(reasons: Reason[]): Reason[] {
  return reasons.sort((a, b) => OUTCOME_SEVERITY[b.action] - OUTCOME_SEVERITY[a.action] || b.score - a.score);
}

export interface ScreenOptions {
  now?: Date;
  /** A deterministic id (e.g. derived from the traveller event): redelivery then repeats the same decision. */
  decisionId?: string;
  /** The decision this one replaces (re-vetting). */
  supersedes?: string;
  /** Epoch ms the carrier message was accepted / parsed, carried into the timings. */
  receivedAt?: number;
  parsedAt?: number;
  /**
   * Watchlist candidates already searched for this traveller (a `MatchPool`); ignored, and searched
   * here, when the watchlists changed since (another generation).
   */
  candidates?: FoundCandidates;
}

/**
 * Screens one traveller against the current state: one implementation for the screening service
 * and the offline CLI.
 */
export class Screener {
  /** Watchlist candidates remembered per identity (`matchCacheSize`, default 0: off). */
  readonly matchCache: MatchCache;

  constructor(
    readonly state: ScreeningState,
    readonly config: ScreeningConfig = DEFAULT_SCREENING_CONFIG,
    options: { matchCacheSize?: number } = {},
  ) {
    this.matchCache = new MatchCache(options.matchCacheSize ?? 0);
  }

  screen(traveller: Traveller, options: ScreenOptions = {}): Decision {
    const started = performance.now();
    const now = options.now ?? new Date();
    const ctx: CheckContext = {
      state: this.state,
      config: this.config,
      matchCache: this.matchCache,
      candidates: options.candidates,
      now,
      arrivalDate: arrivalDateOf(traveller, now),
    };
    // Remembered false positives (casework dispositions) become recorded CLEARs before the outcome is taken.
    const found = this.state.dispositions.suppress(
      traveller,
      CHECKS.flatMap((check) => check(traveller, ctx)),
    );
    const reasons = ordered(withholdExpedite(found));
    // Only a match still referring or stopping after suppression flags the traveller's co-travellers.
    if (reasons.some(flagsCoTravellers)) this.state.coTravellers.flag(traveller);
    return {
      decisionId: options.decisionId ?? newEventId(),
      travellerId: traveller.travellerId,
      outcome: outcomeOf(reasons),
      reasons,
      listVersions: this.state.listVersions(),
      ...(options.supersedes ? { supersedes: options.supersedes } : {}),
      timings: {
        ...(options.receivedAt !== undefined ? { receivedAt: options.receivedAt } : {}),
        ...(options.parsedAt !== undefined ? { parsedAt: options.parsedAt } : {}),
        decidedAt: now.getTime(),
        screeningMs: Math.round((performance.now() - started) * 1000) / 1000,
      },
    };
  }
}

/** Two decisions say the same thing when their outcome and their deciding sources agree. */
export function sameVerdict(
  a: Pick<Decision, 'outcome' | 'reasons'>,
  b: Pick<Decision, 'outcome' | 'reasons'>,
): boolean {
  const key = (d: Pick<Decision, 'reasons'>) =>
    d.reasons
      .map((r) => `${r.kind}|${r.action}|${r.source.listId}|${r.source.entryId}`)
      .sort()
      .join(',');
  return a.outcome === b.outcome && key(a) === key(b);
}
