import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/**
 * Co-travellers (issue 16): each PNR traveller's booking, contact and payment digests by flight,
 * and every traveller's latest outcome (what the hit view shows beside each co-traveller).
 */
export const caseworkCoTravellers: Migration = {
  id: '20261206-1610-casework-co-travellers',
  up: async (db: Kysely<unknown>) => {
    await sql`
      create table pnr_links (
        traveller_id text primary key,
        carrier text not null,
        flight_number text not null,
        departure_date text not null,
        locator text not null,
        contacts text[] not null,
        payments text[] not null,
        masked_name text not null,
        updated_at timestamptz not null
      )`.execute(db);
    await sql`create index pnr_links_flight on pnr_links (carrier, flight_number, departure_date)`.execute(
      db,
    );
    await sql`
      create table traveller_outcomes (
        traveller_id text primary key,
        outcome text not null,
        decided_at timestamptz not null
      )`.execute(db);
  },
};
