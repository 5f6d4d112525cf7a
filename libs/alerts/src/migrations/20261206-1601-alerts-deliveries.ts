import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/**
 * One row per (alert, webhook or e-mail subscription): written before the alert's offset is
 * committed, so a restart loses no delivery; attempts, the next one's time (also the lease that
 * keeps two instances from sending the same one at once) and the outcome.
 */
export const alertsDeliveries: Migration = {
  id: '20261206-1601-alerts-deliveries',
  up: async (db: Kysely<unknown>) => {
    await sql`
      create table alert_deliveries (
        delivery_id text primary key,
        alert_id text not null,
        subscription_id text not null,
        channel text not null,
        alert jsonb not null,
        source_partition integer not null,
        source_offset text not null,
        status text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'DEAD')),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null,
        last_error text,
        alert_created_at timestamptz not null,
        delivered_at timestamptz,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`
      create index alert_deliveries_due on alert_deliveries (next_attempt_at)
        where status = 'PENDING'`.execute(db);
  },
};
