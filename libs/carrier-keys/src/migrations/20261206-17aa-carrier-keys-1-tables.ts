import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/** Carriers and their keys (hashes only). A key belongs to one carrier, for good. */
export const carrierKeysTables: Migration = {
  id: '20261206-17aa-carrier-keys-1-tables',
  up: async (db: Kysely<unknown>) => {
    await sql`
      create table carriers (
        code text primary key check (code ~ '^[A-Z0-9]{2,3}$'),
        name text not null,
        created_at timestamptz not null,
        created_by text not null
      )`.execute(db);
    await sql`
      create table carrier_keys (
        key_id text primary key,
        carrier text not null references carriers (code),
        prefix text not null,
        sha256 text not null unique check (sha256 ~ '^[a-f0-9]{64}$'),
        created_at timestamptz not null,
        created_by text not null,
        expires_at timestamptz,
        revoked_at timestamptz,
        revoked_by text
      )`.execute(db);
    await sql`create index carrier_keys_carrier on carrier_keys (carrier, created_at)`.execute(db);
  },
};
