import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/**
 * The PNR vault and the carriers' receipts move from Redis (which saves nothing to disk) to
 * PostgreSQL. A PNR record is clear while young and depersonalised after the masking age (the full
 * record then only sealed, AES-GCM, in `sealed`); it is deleted at the end of the retention
 * period. Receipts, their claims (bytes digest / Idempotency-Key) and which raw record a receipt
 * was read from are kept for the receipt period (`expires_at`).
 */
export const pnrVaultReceipts: Migration = {
  id: '20261206-1710-pnr-vault-receipts',
  up: async (db: Kysely<unknown>) => {
    await sql`
      create table pnr_records (
        traveller_id text primary key,
        manifest_id text not null,
        received_at timestamptz not null,
        masked boolean not null default false,
        traveller jsonb not null,
        sealed text
      )`.execute(db);
    // The masking job reads the clear records by age; the purge every record by age.
    await sql`create index pnr_records_clear on pnr_records (received_at) where not masked`.execute(db);
    await sql`create index pnr_records_received on pnr_records (received_at)`.execute(db);
    await sql`
      create table receipts (
        receipt_id text primary key,
        carrier text not null,
        receipt jsonb not null,
        stored boolean not null default false,
        source text,
        expires_at timestamptz not null
      )`.execute(db);
    await sql`create index receipts_expires on receipts (expires_at)`.execute(db);
    await sql`
      create table receipt_claims (
        claim text primary key,
        receipt_id text not null,
        expires_at timestamptz not null
      )`.execute(db);
    await sql`create index receipt_claims_expires on receipt_claims (expires_at)`.execute(db);
  },
};
