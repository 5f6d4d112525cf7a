import type { Migration } from '@paxscreen/postgres';

import { carrierKeysTables } from './20261206-17aa-carrier-keys-1-tables';

/**
 * The carrier-key tables' migrations, oldest first, recorded in their own ledger
 * (`CARRIER_KEYS_LEDGER`) so that they may share a schema with the records tables. Forward only.
 */
export const CARRIER_KEY_MIGRATIONS: readonly Migration[] = [carrierKeysTables];
export const CARRIER_KEYS_LEDGER = 'carrier_keys_migrations';
