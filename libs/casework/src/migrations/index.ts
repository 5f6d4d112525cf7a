import type { Migration } from '@paxscreen/postgres';

import { caseworkInitial } from './20261206-1600-casework-initial';
import { caseworkCoTravellers } from './20261206-1610-casework-co-travellers';
import { caseworkDecisionOrder } from './20261207-0400-casework-decision-order';

/**
 * Every casework migration, oldest first, run by libs/postgres in casework's own schema (its
 * ledger is apart from records'). Forward only: a shipped migration is never edited or removed.
 */
export const CASEWORK_MIGRATIONS: readonly Migration[] = [
  caseworkInitial,
  caseworkCoTravellers,
  caseworkDecisionOrder,
];
