import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/**
 * Reads at scale (issue 15). "Current" was "no decision names this one in `supersedes`": a probe
 * into every monthly partition for each row read. The superseded ids now have a table of their
 * own (one b-tree, not partitioned; kept by the writer in the same transaction, back-filled here),
 * and `current_decisions` asks it. A flight's manifest is read in index order: the flight index
 * gains the traveller and the decision order, so the first page is the first rows of the index
 * (no sort of the whole flight); its leading columns are the same (the flights list uses it).
 */
export const flightOrder: Migration = {
  id: '20261206-1910-flight-order',
  up: async (db: Kysely<unknown>) => {
    await sql`
      create table superseded_decisions (
        decision_id text primary key,
        travel_date date not null
      )`.execute(db);
    await sql`create index superseded_decisions_travel_date on superseded_decisions (travel_date)`.execute(
      db,
    );
    await sql`
      insert into superseded_decisions (decision_id, travel_date)
        select supersedes, max(travel_date) from decisions where supersedes is not null group by supersedes`.execute(
      db,
    );
    await sql`
      create or replace view current_decisions as
        select d.* from decisions d
        where not exists (select 1 from superseded_decisions s where s.decision_id = d.decision_id)`.execute(
      db,
    );
    await sql`drop index if exists decisions_flight`.execute(db);
    await sql`create index decisions_flight on decisions
      (carrier, flight_number, travel_date, traveller_id, decided_at desc, decision_id desc)`.execute(db);
  },
};
