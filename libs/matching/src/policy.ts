import { MatchCandidate } from './model';

/**
 * What a list's matches lead to, by score: at least `alert` is logged as a possible match, at least
 * `refer` goes to an officer, at least `noBoard` (travel-ban lists only) stops boarding, but only with
 * name + date of birth + (document or nationality) agreeing (docs/architecture.md §3). alert ≤ refer ≤ noBoard.
 */
export interface ListPolicy {
  listId: string;
  alert: number;
  refer: number;
  noBoard?: number;
}

export type MatchOutcome = 'NONE' | 'ALERT' | 'REFER' | 'NO_BOARD';

/** The thresholds every list gets unless configured otherwise (the evaluation runs with these). */
export const DEFAULT_THRESHOLDS = { alert: 0.7, refer: 0.8, noBoard: 0.9 } as const;

/** Default policy table (list ids as @paxscreen/lists gives them). UN Security Council sanctions carry travel bans; OFAC lists do not. */
export const DEFAULT_POLICIES: readonly ListPolicy[] = [
  {
    listId: 'UN',
    alert: DEFAULT_THRESHOLDS.alert,
    refer: DEFAULT_THRESHOLDS.refer,
    noBoard: DEFAULT_THRESHOLDS.noBoard,
  },
  { listId: 'OFAC-SDN', alert: DEFAULT_THRESHOLDS.alert, refer: DEFAULT_THRESHOLDS.refer },
  { listId: 'OFAC-CONS', alert: DEFAULT_THRESHOLDS.alert, refer: DEFAULT_THRESHOLDS.refer },
  { listId: 'CSL', alert: DEFAULT_THRESHOLDS.alert, refer: DEFAULT_THRESHOLDS.refer },
];

/** The policy for a list: from the table, else the default thresholds without no-board. */
export function policyFor(listId: string, table: readonly ListPolicy[] = DEFAULT_POLICIES): ListPolicy {
  return (
    table.find((p) => p.listId === listId) ?? {
      listId,
      alert: DEFAULT_THRESHOLDS.alert,
      refer: DEFAULT_THRESHOLDS.refer,
    }
  );
}

export function classify(
  candidate: Pick<MatchCandidate, 'score' | 'matchedFields'>,
  policy: ListPolicy,
): MatchOutcome {
  const f = candidate.matchedFields;
  const strong =
    f.includes('name') && f.includes('dateOfBirth') && (f.includes('document') || f.includes('nationality'));
  if (policy.noBoard !== undefined && candidate.score >= policy.noBoard && strong) return 'NO_BOARD';
  if (candidate.score >= policy.refer) return 'REFER';
  if (candidate.score >= policy.alert) return 'ALERT';
  return 'NONE';
}
