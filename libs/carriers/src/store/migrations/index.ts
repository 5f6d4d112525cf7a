import type { Migration } from '@paxscreen/postgres';

import { carriersInitial } from './20261206-17bb-carriers-initial';

/**
 * Every carriers migration, oldest first, in their own ledger (`carriers_schema_migrations`) beside
 * the records one. Forward only: a migration that has shipped is never edited or removed.
 */
export const CARRIERS_MIGRATIONS: readonly Migration[] = [carriersInitial];
export const CARRIERS_MIGRATION_LEDGER = 'carriers_schema_migrations';
