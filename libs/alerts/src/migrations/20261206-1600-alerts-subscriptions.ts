import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/** Who hears which alerts, on which channel (apps/workbench's subscription API writes them). */
export const alertsSubscriptions: Migration = {
  id: '20261206-1600-alerts-subscriptions',
  up: async (db: Kysely<unknown>) => {
    await sql`
      create table alert_subscriptions (
        subscription_id text primary key,
        owner text not null,
        channel text not null check (channel in ('LIVE', 'WEBHOOK', 'EMAIL')),
        ports text[] not null default '{}',
        list_ids text[] not null default '{}',
        kinds text[] not null default '{}',
        target text,
        secret text,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index alert_subscriptions_owner on alert_subscriptions (owner)`.execute(db);
    await sql`create index alert_subscriptions_channel on alert_subscriptions (channel)`.execute(db);
  },
};
