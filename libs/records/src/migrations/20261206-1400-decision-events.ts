import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/**
 * Each decision keeps the event as published (JSON): the Redis hot path is refilled from it after
 * Redis lost its data, byte for byte what screening wrote. Rows filed before have none.
 */
export const decisionEvents: Migration = {
  id: '20261206-1400-decision-events',
  up: async (db: Kysely<unknown>) => {
    await sql`alter table decisions add column event jsonb`.execute(db);
    // A view's `d.*` was expanded when it was made: made again to carry the new column.
    await sql`
      create or replace view current_decisions as
        select d.* from decisions d
        where not exists (select 1 from decisions n where n.supersedes = d.decision_id)`.execute(db);
    // The refill reads the coming days' current decisions.
    await sql`create index decisions_travel_date on decisions (travel_date)`.execute(db);
  },
};
