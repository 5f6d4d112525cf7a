import { DEFAULT_POLICIES, ListPolicy, PROGRAM_ACTIONS, ProgramAction } from '@paxscreen/matching';

/** How travellers are screened: configuration, not code (docs/architecture.md §3). */
export interface ScreeningConfig {
  /** ISO alpha-3 of the economy this deployment screens arrivals for (ABTC pre-clearance, TTP scope). */
  homeEconomy: string;
  /** Per-list thresholds (alert / refer / no-board); lists not named get the defaults without no-board. */
  policies: readonly ListPolicy[];
  /** Watchlist candidates examined per traveller. */
  candidates: number;
}

export const DEFAULT_SCREENING_CONFIG: ScreeningConfig = {
  homeEconomy: 'USA',
  policies: DEFAULT_POLICIES,
  candidates: 5,
};

/** Why a policy file was refused (the service stops at start; the CLI exits with a usage error). */
export const POLICY_FILE_SHAPE =
  'a policy file holds [{ listId, alert, refer, noBoard?, programs? }] with 0 ≤ alert ≤ refer ≤ noBoard ≤ 1 and programs { PROGRAMME: "NO_BOARD" | "REFER" | "ALERT" }';

function validPrograms(programs: unknown): boolean {
  if (programs === undefined) return true;
  if (typeof programs !== 'object' || programs === null || Array.isArray(programs)) return false;
  return Object.values(programs).every((a) => PROGRAM_ACTIONS.includes(a as ProgramAction));
}

function validPolicy(p: unknown): p is ListPolicy {
  const o = p as ListPolicy;
  const score = (n: unknown) => typeof n === 'number' && n >= 0 && n <= 1;
  return (
    typeof o?.listId === 'string' &&
    score(o.alert) &&
    score(o.refer) &&
    o.alert <= o.refer &&
    (o.noBoard === undefined || (score(o.noBoard) && o.refer <= o.noBoard)) &&
    validPrograms(o.programs)
  );
}

/**
 * Reads per-list policies (the JSON of `SCREENING_POLICY_FILE`, or the CLI's `--policies`): one
 * reader for both hosts, so a file means the same thing to each. Throws with POLICY_FILE_SHAPE.
 */
export function parseListPolicies(json: string): ListPolicy[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error(`not valid JSON: ${POLICY_FILE_SHAPE}`);
  }
  if (!Array.isArray(parsed) || !parsed.every(validPolicy)) throw new Error(POLICY_FILE_SHAPE);
  return parsed;
}
