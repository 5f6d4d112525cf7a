import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/** The first casework schema (see schema.ts for what each table holds). */
export const caseworkInitial: Migration = {
  id: '20261206-1600-casework-initial',
  up: async (db: Kysely<unknown>) => {
    await sql`
      create table hits (
        hit_id text primary key,
        identity_key text not null,
        traveller_id text not null,
        status text not null check (status in ('NEW', 'IN_REVIEW', 'DECIDED', 'CLOSED')),
        priority integer not null,
        outcome text not null,
        score real not null,
        carrier text not null,
        flight_number text not null,
        departure_date text not null,
        origin text not null,
        destination text not null,
        arrival_at text,
        port text not null,
        list_ids text[] not null,
        rule_ids text[] not null,
        claimed_by text,
        version integer not null,
        subject jsonb not null,
        reasons jsonb not null,
        last_decision_id text not null,
        near_arrival_alerted boolean not null default false,
        opened_at timestamptz not null,
        updated_at timestamptz not null
      )`.execute(db);
    // The queue: open hits by priority; filters by port, flight, list and rule.
    await sql`create index hits_queue on hits (priority desc, opened_at, hit_id)`.execute(db);
    await sql`create index hits_port on hits (port, status)`.execute(db);
    await sql`create index hits_flight on hits (carrier, flight_number, departure_date)`.execute(db);
    await sql`create index hits_lists on hits using gin (list_ids)`.execute(db);
    await sql`create index hits_rules on hits using gin (rule_ids)`.execute(db);
    await sql`
      create table hit_decisions (
        decision_id text primary key,
        hit_id text,
        outcome text not null,
        supersedes text,
        decided_at timestamptz not null,
        applied_at timestamptz not null
      )`.execute(db);
    await sql`create index hit_decisions_hit on hit_decisions (hit_id, decided_at)`.execute(db);
    await sql`
      create table hit_notes (
        note_id text primary key,
        hit_id text not null references hits (hit_id),
        author text not null,
        text text not null,
        at timestamptz not null
      )`.execute(db);
    await sql`create index hit_notes_hit on hit_notes (hit_id, at)`.execute(db);
    await sql`
      create table hit_actions (
        action_id text primary key,
        hit_id text not null,
        action text not null,
        actor text not null,
        role text not null,
        reason text,
        details jsonb,
        at timestamptz not null
      )`.execute(db);
    await sql`create index hit_actions_hit on hit_actions (hit_id, at)`.execute(db);
    await sql`create index hit_actions_actor on hit_actions (actor, at)`.execute(db);
    await sql`
      create table dispositions (
        disposition_id text primary key,
        hit_id text not null references hits (hit_id),
        outcome text not null,
        analyst text not null,
        note text not null,
        legal_basis text,
        verdicts jsonb not null,
        decided_at timestamptz not null
      )`.execute(db);
    await sql`create index dispositions_hit on dispositions (hit_id, decided_at)`.execute(db);
    await sql`
      create table lookouts (
        lookout_id text primary key,
        hit_id text not null references hits (hit_id),
        port text not null,
        status text not null check (status in ('OPEN', 'CLOSED')),
        document_keys text[] not null,
        lookout jsonb not null,
        created_at timestamptz not null,
        closed_at timestamptz
      )`.execute(db);
    await sql`create index lookouts_port on lookouts (port, status, created_at)`.execute(db);
    await sql`create index lookouts_hit on lookouts (hit_id)`.execute(db);
    await sql`
      create table outbox (
        id bigserial primary key,
        topic text not null,
        key text not null,
        value jsonb,
        created_at timestamptz not null,
        sent_at timestamptz
      )`.execute(db);
    await sql`create index outbox_unsent on outbox (id) where sent_at is null`.execute(db);
  },
};
