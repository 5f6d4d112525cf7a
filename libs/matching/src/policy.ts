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
  /**
   * Entry programme (`programs` of a list row, e.g. `TRAVEL_BAN`) → the highest outcome a match
   * with that entry may reach. Default DEFAULT_PROGRAM_ACTIONS; `{}` turns the mapping off.
   */
  programs?: Readonly<Record<string, ProgramAction>>;
}

/**
 * What an entry's programme asks for, as the highest outcome its matches may reach: `NO_BOARD` (a
 * travel ban: the no-board threshold applies, the list's or else the default, still only on a strong
 * match), `REFER` (never no-board, even on a travel-ban list), `ALERT` (monitor: recorded, never referred).
 */
export type ProgramAction = 'NO_BOARD' | 'REFER' | 'ALERT';

export const PROGRAM_ACTIONS: readonly ProgramAction[] = ['ALERT', 'REFER', 'NO_BOARD'];

/** The programmes national lists use (docs/list-formats.md); UN and OFAC programme codes are none of these. */
export const DEFAULT_PROGRAM_ACTIONS: Readonly<Record<string, ProgramAction>> = {
  TRAVEL_BAN: 'NO_BOARD',
  REFER: 'REFER',
  MONITOR: 'ALERT',
};

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

/** `travel ban`, `Travel-Ban` and `TRAVEL_BAN` name the same programme. */
function programKey(program: string): string {
  return program
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * The programme of an entry that selects its action under `policy` (the most severe when several
 * do), or undefined when none is mapped and the list-level thresholds apply alone.
 */
export function entryProgram(
  programs: readonly string[] | undefined,
  policy: ListPolicy,
): { program: string; action: ProgramAction } | undefined {
  if (!programs || programs.length === 0) return undefined;
  const table = policy.programs ?? DEFAULT_PROGRAM_ACTIONS;
  let best: { program: string; action: ProgramAction } | undefined;
  for (const program of programs) {
    const action = table[programKey(program)];
    if (action && (!best || PROGRAM_ACTIONS.indexOf(action) > PROGRAM_ACTIONS.indexOf(best.action)))
      best = { program, action };
  }
  return best;
}

export function classify(
  candidate: Pick<MatchCandidate, 'score' | 'matchedFields' | 'programs'>,
  policy: ListPolicy,
): MatchOutcome {
  const f = candidate.matchedFields;
  const strong =
    f.includes('name') && f.includes('dateOfBirth') && (f.includes('document') || f.includes('nationality'));
  const action = entryProgram(candidate.programs, policy)?.action;
  const noBoard =
    action === undefined
      ? policy.noBoard
      : action === 'NO_BOARD'
        ? (policy.noBoard ?? DEFAULT_THRESHOLDS.noBoard)
        : undefined;
  let outcome: MatchOutcome = 'NONE';
  if (noBoard !== undefined && candidate.score >= noBoard && strong) outcome = 'NO_BOARD';
  else if (candidate.score >= policy.refer) outcome = 'REFER';
  else if (candidate.score >= policy.alert) outcome = 'ALERT';
  return action === 'ALERT' && outcome !== 'NONE' ? 'ALERT' : outcome;
}
