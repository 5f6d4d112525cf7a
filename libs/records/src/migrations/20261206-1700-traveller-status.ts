import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/**
 * A decision may say that the carrier cancelled or offloaded the traveller after check-in
 * (issue 17, iAPI changes): such a decision supersedes the traveller's decision before, so the
 * `current_decisions` view shows the status; histories keep when it came.
 */
export const travellerStatus: Migration = {
  id: '20261206-1700-traveller-status',
  up: async (db: Kysely<unknown>) => {
    await sql`alter table decisions add column traveller_status text, add column traveller_status_at timestamptz`.execute(
      db,
    );
    // `d.*` was expanded when the view was made: made again to carry the new columns.
    await sql`
      create or replace view current_decisions as
        select d.* from decisions d
        where not exists (select 1 from decisions n where n.supersedes = d.decision_id)`.execute(db);
  },
};
