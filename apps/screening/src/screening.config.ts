import { readFileSync } from 'node:fs';

import { DEFAULT_POLICIES, ListPolicy } from '@paxscreen/matching';
import { DEFAULT_SCREENING_CONFIG, parseListPolicies, ScreeningConfig } from '@paxscreen/screening';

import { ScreeningEnv } from './screening.env';

export const SCREENING_CONFIG = Symbol('paxscreen:screening-config');

/** The screening configuration from the environment; a bad policy file stops the start. */
export function screeningConfigFrom(env: ScreeningEnv): ScreeningConfig {
  let policies: readonly ListPolicy[] = DEFAULT_POLICIES;
  if (env.SCREENING_POLICY_FILE) {
    try {
      policies = parseListPolicies(readFileSync(env.SCREENING_POLICY_FILE, 'utf8'));
    } catch (err) {
      throw new Error(`SCREENING_POLICY_FILE: ${(err as Error).message}`, { cause: err });
    }
  }
  return { ...DEFAULT_SCREENING_CONFIG, homeEconomy: env.SCREENING_HOME_ECONOMY, policies };
}
