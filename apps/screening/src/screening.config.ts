import { readFileSync } from 'node:fs';

import { DEFAULT_POLICIES, ListPolicy } from '@paxscreen/matching';
import { DEFAULT_SCREENING_CONFIG, ScreeningConfig } from '@paxscreen/screening';

import { ScreeningEnv } from './screening.env';

export const SCREENING_CONFIG = Symbol('paxscreen:screening-config');

function validPolicy(p: unknown): p is ListPolicy {
  const o = p as ListPolicy;
  const score = (n: unknown) => typeof n === 'number' && n >= 0 && n <= 1;
  return (
    typeof o?.listId === 'string' &&
    score(o.alert) &&
    score(o.refer) &&
    o.alert <= o.refer &&
    (o.noBoard === undefined || (score(o.noBoard) && o.refer <= o.noBoard))
  );
}

/** The screening configuration from the environment; a bad policy file stops the start. */
export function screeningConfigFrom(env: ScreeningEnv): ScreeningConfig {
  let policies: readonly ListPolicy[] = DEFAULT_POLICIES;
  if (env.SCREENING_POLICY_FILE) {
    const parsed: unknown = JSON.parse(readFileSync(env.SCREENING_POLICY_FILE, 'utf8'));
    if (!Array.isArray(parsed) || !parsed.every(validPolicy)) {
      throw new Error(
        'SCREENING_POLICY_FILE must hold [{ listId, alert, refer, noBoard? }] with 0 ≤ alert ≤ refer ≤ noBoard ≤ 1',
      );
    }
    policies = parsed;
  }
  return { ...DEFAULT_SCREENING_CONFIG, homeEconomy: env.SCREENING_HOME_ECONOMY, policies };
}
