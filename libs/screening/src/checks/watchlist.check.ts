import type { Outcome, Reason, Traveller } from '@paxscreen/contracts';
import { classify, entryProgram, MatchOutcome, MatchQuery, policyFor } from '@paxscreen/matching';

import { Check } from './context';

/** What a match classification asks for. ALERT stays CLEAR: recorded for analysts, never a referral. */
const ACTION: Record<Exclude<MatchOutcome, 'NONE'>, Outcome> = {
  ALERT: 'CLEAR',
  REFER: 'REFER',
  NO_BOARD: 'NO_BOARD',
};

const BELOW_REFERRAL = 'weak possible match, below the referral threshold: ';

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
export const watchlistCheck: Check = (traveller, { state, config, matchCache }) => {
  if (!traveller.surname && !traveller.givenNames) return [];
  // Entries tied with the last examined match equally: each is reported (issue 18).
  const candidates = matchCache.search(state.watchlists, matchQueryOf(traveller), {
    limit: config.candidates,
    ties: true,
  });
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
