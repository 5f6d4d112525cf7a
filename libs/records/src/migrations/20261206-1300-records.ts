import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/**
 * The first records schema. Big tables (travellers, decisions, audit) are range-partitioned by
 * month of a date column; their partitions are created at start and by the daily job
 * (`ensureRecordPartitions`), with a default partition for anything outside. Keys are the event's
 * (or decision's) own id plus the partition column, so a replayed event is a no-op insert.
 */
export const recordsInitial: Migration = {
  id: '20261206-1300-records',
  up: async (db: Kysely<unknown>) => {
    // Trusted extension (PostgreSQL ≥ 13): the database owner may create it. Kept in `public`, so
    // that dropping one schema (a test suite's) never takes it away from the others.
    await sql`create extension if not exists pg_trgm schema public`.execute(db);
    await sql`
      create table travellers (
        event_id text not null,
        travel_date date not null,
        traveller_id text not null,
        manifest_id text not null,
        manifest_version integer not null,
        message_type text not null,
        carrier text not null,
        flight_number text not null,
        departure_port text not null,
        arrival_port text not null,
        departure_at text,
        arrival_at text,
        role text not null,
        surname text not null,
        given_names text not null,
        name_search text not null,
        name_skeleton text not null,
        date_of_birth text,
        nationality text,
        document_keys text[] not null,
        documents jsonb not null,
        pnr_locator text,
        findings integer not null,
        correlation_id text not null,
        occurred_at timestamptz not null,
        primary key (event_id, travel_date)
      ) partition by range (travel_date)`.execute(db);
    await sql`create index travellers_flight on travellers (carrier, flight_number, travel_date)`.execute(db);
    await sql`create index travellers_traveller on travellers (traveller_id)`.execute(db);
    await sql`create index travellers_documents on travellers using gin (document_keys)`.execute(db);

    await sql`
      create table decisions (
        decision_id text not null,
        travel_date date not null,
        event_id text not null,
        traveller_id text not null,
        manifest_id text not null,
        correlation_id text not null,
        carrier text not null,
        flight_number text not null,
        departure_port text not null,
        arrival_port text not null,
        departure_at text,
        outcome text not null,
        supersedes text,
        reasons jsonb not null,
        list_versions jsonb not null,
        surname text not null,
        given_names text not null,
        name_search text not null,
        name_skeleton text not null,
        date_of_birth text,
        nationality text,
        document_keys text[] not null,
        decided_at timestamptz not null,
        received_at timestamptz,
        occurred_at timestamptz not null,
        primary key (decision_id, travel_date)
      ) partition by range (travel_date)`.execute(db);
    await sql`create index decisions_flight on decisions (carrier, flight_number, travel_date)`.execute(db);
    await sql`create index decisions_traveller on decisions (traveller_id, decided_at)`.execute(db);
    await sql`create index decisions_supersedes on decisions (supersedes) where supersedes is not null`.execute(
      db,
    );
    await sql`create index decisions_documents on decisions using gin (document_keys)`.execute(db);
    await sql`create index decisions_name_trgm on decisions using gin (name_search public.gin_trgm_ops)`.execute(
      db,
    );
    await sql`create index decisions_name_skeleton on decisions (name_skeleton)`.execute(db);
    // A decision is current while no other decision names it in `supersedes`.
    await sql`
      create view current_decisions as
        select d.* from decisions d
        where not exists (select 1 from decisions n where n.supersedes = d.decision_id)`.execute(db);

    await sql`
      create table manifests (
        event_id text primary key,
        manifest_id text not null,
        manifest_version integer not null,
        message_type text not null,
        message_version text not null,
        carrier text not null,
        flight_number text not null,
        flight_key text not null,
        departure_date date,
        travellers integer not null,
        errors integer not null,
        warnings integer not null,
        correlation_id text not null,
        occurred_at timestamptz not null
      )`.execute(db);
    await sql`create index manifests_flight on manifests (carrier, flight_number, departure_date)`.execute(
      db,
    );
    await sql`create index manifests_receipt on manifests (correlation_id)`.execute(db);

    await sql`
      create table data_quality_findings (
        manifest_event_id text not null,
        position integer not null,
        manifest_id text not null,
        correlation_id text not null,
        code text not null,
        severity text not null,
        message text not null,
        segment integer,
        field text,
        traveller_index integer,
        primary key (manifest_event_id, position)
      )`.execute(db);
    await sql`create index findings_code on data_quality_findings (code)`.execute(db);

    await sql`
      create table dead_letters (
        event_id text primary key,
        stage text not null,
        code text not null,
        message text not null,
        source_topic text not null,
        source_partition integer,
        source_offset text,
        record_key text,
        payload bytea not null,
        correlation_id text not null,
        occurred_at timestamptz not null
      )`.execute(db);
    await sql`create index dead_letters_code on dead_letters (stage, code, occurred_at)`.execute(db);

    await sql`
      create table audit_events (
        event_id text not null,
        occurred_on date not null,
        occurred_at timestamptz not null,
        action text not null,
        actor text not null,
        role text not null,
        target text not null,
        outcome text not null,
        details jsonb,
        correlation_id text not null,
        primary key (event_id, occurred_on)
      ) partition by range (occurred_on)`.execute(db);
    await sql`create index audit_actor on audit_events (actor, occurred_at)`.execute(db);
    await sql`create index audit_target on audit_events (target, occurred_at)`.execute(db);

    await sql`
      create table list_versions (
        event_id text primary key,
        list_id text not null,
        kind text not null,
        version text not null,
        format text not null,
        imported_at timestamptz not null,
        entries integer not null,
        diff jsonb not null,
        findings integer not null,
        digest text
      )`.execute(db);
    await sql`create index list_versions_list on list_versions (list_id, imported_at)`.execute(db);
  },
};
