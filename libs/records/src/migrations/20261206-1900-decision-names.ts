import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

import { refillDecisionNames } from '../names/decision-names';

/**
 * Name search at scale (issue 15): a table of the distinct names the decisions carry (one row per
 * folded name, with its skeleton and the latest travel date it was seen on), searched by trigram
 * (GiST) and skeleton; the decisions of a found name are then read by an ordered b-tree key. The trigram
 * and skeleton indexes on every decision row go (they made a search read millions of rows); the
 * writer keeps the table in the same transaction as the decisions, retention deletes the names
 * whose last decision is past its period.
 */
export const decisionNames: Migration = {
  id: '20261206-1900-decision-names',
  up: async (db: Kysely<unknown>) => {
    await sql`
      create table decision_names (
        name_search text primary key,
        name_skeleton text not null,
        last_travel_date date not null
      )`.execute(db);
    // GiST, not GIN: measured on the bench's 30,000 names, `%` took 9-17 ms with GiST and about
    // 200 ms with GIN (whose trigram count let 1,580 candidates through to the recheck for 353 hits).
    await sql`create index decision_names_trgm on decision_names using gist (name_search public.gist_trgm_ops)`.execute(
      db,
    );
    await sql`create index decision_names_skeleton on decision_names (name_skeleton)`.execute(db);
    await sql`create index decision_names_last on decision_names (last_travel_date)`.execute(db);
    await refillDecisionNames(db);
    await sql`drop index if exists decisions_name_trgm`.execute(db);
    await sql`drop index if exists decisions_name_skeleton`.execute(db);
    await sql`create index decisions_name on decisions (name_search, decision_id)`.execute(db);
  },
};
