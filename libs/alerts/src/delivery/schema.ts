import type { ColumnType, Generated } from 'kysely';

export interface AlertSubscriptionsTable {
  subscription_id: string;
  owner: string;
  channel: string;
  ports: string[];
  list_ids: string[];
  kinds: string[];
  target: string | null;
  secret: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface AlertDeliveriesTable {
  delivery_id: string;
  alert_id: string;
  subscription_id: string;
  channel: string;
  alert: ColumnType<unknown, string, string>;
  source_partition: number;
  source_offset: string;
  status: Generated<'PENDING' | 'DELIVERED' | 'DEAD'>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string, Date | string>;
  last_error: string | null;
  alert_created_at: ColumnType<Date, Date | string, never>;
  delivered_at: ColumnType<Date | null, never, Date | string>;
  created_at: ColumnType<Date, never, never>;
}

export interface AlertsDatabase {
  alert_subscriptions: AlertSubscriptionsTable;
  alert_deliveries: AlertDeliveriesTable;
}
