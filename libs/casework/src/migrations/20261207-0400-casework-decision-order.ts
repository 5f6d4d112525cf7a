import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/**
 * Which decision is later is judged by the `supersedes` chain, the time decided only between
 * decisions the chain does not order: a traveller's latest outcome keeps its decision and what that
 * decision replaces, and the decisions recorded are found by the one they replace.
 */
export const caseworkDecisionOrder: Migration = {
  id: '20261207-0400-casework-decision-order',
  up: async (db: Kysely<unknown>) => {
    await sql`alter table traveller_outcomes add column decision_id text, add column supersedes text`.execute(
      db,
    );
    await sql`create index hit_decisions_supersedes on hit_decisions (supersedes) where supersedes is not null`.execute(
      db,
    );
  },
};
