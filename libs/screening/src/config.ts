import { DEFAULT_POLICIES, ListPolicy } from '@paxscreen/matching';

/** How travellers are screened: configuration, not code (DESIGN §3). */
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
