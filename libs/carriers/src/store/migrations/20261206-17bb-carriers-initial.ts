import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/**
 * Expected flights, what carriers sent for them, the obligations it met or missed, the timeliness
 * events (an outbox: published to Kafka and the carrier's webhook, then marked), refused messages
 * and schedule imports. Counts and codes only: no personal data is ever stored here.
 */
export const carriersInitial: Migration = {
  id: '20261206-17bb-carriers-initial',
  up: async (db: Kysely<unknown>) => {
    await sql`create table expected_flights (
      carrier text not null,
      flight_number text not null,
      departure_date date not null,
      origin text not null,
      destination text not null,
      departure_at timestamptz not null,
      arrival_at timestamptz,
      source text not null,
      unknown_carrier boolean not null default false,
      import_id text,
      updated_at timestamptz not null default now(),
      primary key (carrier, flight_number, departure_date, origin)
    )`.execute(db);
    await sql`create index expected_flights_day on expected_flights (departure_date, carrier)`.execute(db);

    await sql`create table flight_obligations (
      carrier text not null,
      flight_number text not null,
      departure_date date not null,
      origin text not null,
      obligation text not null,
      due_at timestamptz not null,
      status text not null,
      met_at timestamptz,
      receipt_id text,
      incident_id text,
      updated_at timestamptz not null default now(),
      primary key (carrier, flight_number, departure_date, origin, obligation)
    )`.execute(db);
    await sql`create index flight_obligations_pending on flight_obligations (due_at) where status = 'PENDING'`.execute(
      db,
    );

    await sql`create table flight_messages (
      manifest_id text not null,
      manifest_version integer not null,
      event_id text not null,
      receipt_id text not null,
      carrier text not null,
      flight_number text not null,
      departure_date date not null,
      kind text not null,
      message_type text not null,
      received_at timestamptz not null,
      travellers integer not null,
      errors integer not null,
      warnings integer not null,
      bad_document_travellers integer not null,
      content_hash text not null,
      primary key (manifest_id, manifest_version)
    )`.execute(db);
    await sql`create index flight_messages_flight on flight_messages (carrier, flight_number, departure_date)`.execute(
      db,
    );

    await sql`create table message_findings (
      manifest_id text not null,
      manifest_version integer not null,
      carrier text not null,
      departure_date date not null,
      code text not null,
      category text not null,
      field text not null,
      count integer not null,
      primary key (manifest_id, manifest_version, code, field)
    )`.execute(db);
    await sql`create index message_findings_carrier on message_findings (carrier, departure_date)`.execute(
      db,
    );

    await sql`create table message_rejections (
      event_id text primary key,
      carrier text not null,
      code text not null,
      stage text not null,
      receipt_id text,
      received_at timestamptz not null
    )`.execute(db);
    await sql`create index message_rejections_carrier on message_rejections (carrier, received_at)`.execute(
      db,
    );

    await sql`create table carrier_events (
      event_id text primary key,
      incident_id text not null,
      carrier text not null,
      flight_number text not null,
      departure_date date not null,
      obligation text not null,
      kind text not null,
      state text not null,
      occurred_at timestamptz not null,
      event jsonb not null,
      published_at timestamptz,
      webhook_at timestamptz,
      webhook_attempts integer not null default 0
    )`.execute(db);
    await sql`create index carrier_events_unpublished on carrier_events (occurred_at) where published_at is null`.execute(
      db,
    );
    await sql`create index carrier_events_flight on carrier_events (carrier, departure_date)`.execute(db);

    await sql`create table carrier_profiles (
      carrier text primary key,
      webhook_url text,
      webhook_secret text,
      updated_at timestamptz not null default now()
    )`.execute(db);

    await sql`create table schedule_imports (
      import_id text primary key,
      actor text not null,
      format text not null,
      file_name text not null,
      rows integer not null,
      flights integer not null,
      skipped integer not null,
      unknown_carrier_flights integer not null,
      issues jsonb not null,
      imported_at timestamptz not null
    )`.execute(db);
  },
};
