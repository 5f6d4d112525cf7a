import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/**
 * The parser's working state moves from Redis to PostgreSQL, so that a Redis flush or restart
 * loses nothing (issue 15): the version each receipt of a manifest was given and the last one
 * given per manifest (a manifest sent again after a flush goes on from its last version, and its
 * decisions supersede the earlier ones), and the parts of multi-part sets waiting for the rest
 * (a set whose first part arrived before a flush completes after it). Each row expires with the
 * receipts (`expires_at`); the parser's sweeper deletes expired rows. A part is JSON text, not
 * jsonb: jsonb refuses an escaped NUL (\u0000), which a carrier's message may carry.
 */
export const parserState: Migration = {
  id: '20261206-1920-parser-state',
  up: async (db: Kysely<unknown>) => {
    await sql`
      create table manifest_versions (
        manifest_id text not null,
        receipt_id text not null,
        version integer not null,
        expires_at timestamptz not null,
        primary key (manifest_id, receipt_id)
      )`.execute(db);
    await sql`create index manifest_versions_expires on manifest_versions (expires_at)`.execute(db);
    await sql`
      create table manifest_version_counters (
        manifest_id text primary key,
        last integer not null,
        expires_at timestamptz not null
      )`.execute(db);
    await sql`create index manifest_version_counters_expires on manifest_version_counters (expires_at)`.execute(
      db,
    );
    await sql`
      create table multipart_parts (
        set_id text not null,
        sequence integer not null,
        part text not null,
        first_at timestamptz not null,
        expires_at timestamptz not null,
        primary key (set_id, sequence)
      )`.execute(db);
    await sql`create index multipart_parts_first on multipart_parts (first_at)`.execute(db);
    await sql`create index multipart_parts_expires on multipart_parts (expires_at)`.execute(db);
  },
};
