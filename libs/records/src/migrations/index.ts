import type { Migration } from '@paxscreen/postgres';

import { recordsInitial } from './20261206-1300-records';
import { decisionEvents } from './20261206-1400-decision-events';
import { deadLetterParts } from './20261206-1410-dead-letter-parts';
import { travellerStatus } from './20261206-1700-traveller-status';
import { pnrVaultReceipts } from './20261206-1710-pnr-vault-receipts';
import { retentionMasking } from './20261206-1720-retention';
import { decisionNames } from './20261206-1900-decision-names';
import { flightOrder } from './20261206-1910-flight-order';
import { parserState } from './20261206-1920-parser-state';

/**
 * Every records migration, oldest first. Forward only: a migration that has shipped is never
 * edited or removed; a change is a new file with a later id.
 */
export const RECORDS_MIGRATIONS: readonly Migration[] = [
  recordsInitial,
  decisionEvents,
  deadLetterParts,
  travellerStatus,
  pnrVaultReceipts,
  retentionMasking,
  decisionNames,
  flightOrder,
  parserState,
];
