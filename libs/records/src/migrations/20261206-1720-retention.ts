import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/** API traveller rows past their period are masked in place (retention job): when, once. */
export const retentionMasking: Migration = {
  id: '20261206-1720-retention',
  up: async (db: Kysely<unknown>) => {
    await sql`alter table travellers add column masked_at timestamptz`.execute(db);
  },
};
