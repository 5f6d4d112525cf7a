import type { Outcome, Reason, Traveller } from '@paxscreen/contracts';
import {
  classify,
  entryProgram,
  MatchOutcome,
  MatchQuery,
  policyFor,
  type SearchOptions,
} from '@paxscreen/matching';

import type { ScreeningConfig } from '../config';
import { Check } from './context';

/** What a match classification asks for. ALERT stays CLEAR: recorded for analysts, never a referral. */
const ACTION: Record<Exclude<MatchOutcome, 'NONE'>, Outcome> = {
  ALERT: 'CLEAR',
  REFER: 'REFER',
  NO_BOARD: 'NO_BOARD',
};

const BELOW_REFERRAL = 'weak possible match, below the referral threshold: ';

/** Only a traveller with a name is matched against the watchlists. */
export function hasName(traveller: Traveller): boolean {
  return Boolean(traveller.surname || traveller.givenNames);
}

/** How the watchlist check searches: entries tied with the last examined match equally are each reported (issue 18). */
export function watchlistSearchOptions(config: ScreeningConfig): SearchOptions {
  return { limit: config.candidates, ties: true };
}

export function matchQueryOf(traveller: Traveller): MatchQuery {
  return {
    surname: traveller.surname,
    givenNames: traveller.givenNames,
    dateOfBirth: traveller.dateOfBirth,
    dateOfBirthTwoDigitYear: traveller.dateOfBirthTwoDigitYear,
    nationality: traveller.nationality,
    gender: traveller.gender === 'U' ? undefined : traveller.gender,
    documents: traveller.documents
      .filter((d) => d.number)
      .map((d) => ({ number: d.number, issuer: d.issuer })),
    placeOfBirth: traveller.placeOfBirth,
    kind: 'PERSON',
  };
}

/** Watchlists: name matching with qualifiers, classified by each list's policy. */
export const watchlistCheck: Check = (traveller, { state, config, matchCache, candidates: pooled }) => {
  if (!hasName(traveller)) return [];
  // Found elsewhere against this very index (same generation: no list change since), or searched here:
  // a decision's watchlist reasons and its list versions always come from one state of the lists.
  const candidates =
    pooled?.generation === state.watchlists.generation
      ? pooled.found
      : matchCache.search(state.watchlists, matchQueryOf(traveller), watchlistSearchOptions(config));
  const reasons: Reason[] = [];
  for (const c of candidates) {
    const policy = policyFor(c.listId, config.policies);
    const outcome = classify(c, policy);
    if (outcome === 'NONE') continue;
    const program = entryProgram(c.programs, policy);
    const section = program ? `entry programme ${program.program} (${program.action} at most): ` : '';
    reasons.push({
      kind: 'WATCHLIST',
      action: ACTION[outcome],
      source: { listId: c.listId, entryId: c.entryId, listVersion: c.listVersion, entryFacts: c.listed },
      score: Math.round(c.score * 1000) / 1000,
      matchedFields: [...c.matchedFields],
      explanation: `${section}${outcome === 'ALERT' && c.score < policy.refer ? BELOW_REFERRAL : ''}${c.explanation}`,
      label: c.name,
    });
  }
  return reasons;
};
