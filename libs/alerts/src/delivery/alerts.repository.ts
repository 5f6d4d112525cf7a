import { Kysely, type Selectable, sql } from 'kysely';

import type { Alert } from '@paxscreen/contracts';

import type { AlertChannel, Subscription } from '../core/subscription';
import type { AlertsDatabase, AlertSubscriptionsTable } from './schema';

/** A delivery to attempt: the alert as published and the subscription it goes to. */
export interface PendingDelivery {
  deliveryId: string;
  alert: Alert.Value;
  subscription: Subscription;
  /** Attempts made before this one. */
  attempts: number;
  sourcePartition: number;
  sourceOffset: string;
}

export interface NewDelivery {
  alert: Alert.Value;
  subscription: Subscription;
  sourcePartition: number;
  sourceOffset: string;
}

const toSubscription = (row: Selectable<AlertSubscriptionsTable>): Subscription => ({
  subscriptionId: row.subscription_id,
  owner: row.owner,
  channel: row.channel as AlertChannel,
  ports: row.ports,
  listIds: row.list_ids,
  kinds: row.kinds as Alert.AlertKind[],
  target: row.target,
  secret: row.secret,
  createdAt: new Date(row.created_at).toISOString(),
});

/** The subscription and delivery tables (SQL visible here, nowhere else). */
export class AlertsRepository {
  constructor(private readonly db: Kysely<AlertsDatabase>) {}

  async createSubscription(s: Subscription): Promise<void> {
    await this.db
      .insertInto('alert_subscriptions')
      .values({
        subscription_id: s.subscriptionId,
        owner: s.owner,
        channel: s.channel,
        ports: s.ports,
        list_ids: s.listIds,
        kinds: s.kinds,
        target: s.target,
        secret: s.secret,
        created_at: s.createdAt,
      })
      .execute();
  }

  async subscriptionsOf(owner: string): Promise<Subscription[]> {
    const rows = await this.db
      .selectFrom('alert_subscriptions')
      .selectAll()
      .where('owner', '=', owner)
      .orderBy('created_at')
      .execute();
    return rows.map(toSubscription);
  }

  async subscriptionsOn(channels: readonly AlertChannel[]): Promise<Subscription[]> {
    const rows = await this.db
      .selectFrom('alert_subscriptions')
      .selectAll()
      .where('channel', 'in', [...channels])
      .execute();
    return rows.map(toSubscription);
  }

  /** Removes one of `owner`'s subscriptions; false when they have none by that id. */
  async deleteSubscription(owner: string, subscriptionId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('alert_subscriptions')
      .where('owner', '=', owner)
      .where('subscription_id', '=', subscriptionId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Files deliveries (an alert read twice files nothing new) leased to the caller for `leaseMs`;
   * returns those filed now, which the caller attempts at once.
   */
  async fileDeliveries(deliveries: readonly NewDelivery[], leaseMs: number): Promise<PendingDelivery[]> {
    if (deliveries.length === 0) return [];
    const leaseUntil = new Date(Date.now() + leaseMs);
    const rows = await this.db
      .insertInto('alert_deliveries')
      .values(
        deliveries.map((d) => ({
          delivery_id: `${d.alert.alertId}:${d.subscription.subscriptionId}`,
          alert_id: d.alert.alertId,
          subscription_id: d.subscription.subscriptionId,
          channel: d.subscription.channel,
          alert: JSON.stringify(d.alert),
          source_partition: d.sourcePartition,
          source_offset: d.sourceOffset,
          next_attempt_at: leaseUntil,
          last_error: null,
          alert_created_at: d.alert.createdAt,
        })),
      )
      .onConflict((oc) => oc.column('delivery_id').doNothing())
      .returning('delivery_id')
      .execute();
    const filed = new Set(rows.map((r) => r.delivery_id));
    return deliveries
      .map((d) => ({
        deliveryId: `${d.alert.alertId}:${d.subscription.subscriptionId}`,
        alert: d.alert,
        subscription: d.subscription,
        attempts: 0,
        sourcePartition: d.sourcePartition,
        sourceOffset: d.sourceOffset,
      }))
      .filter((d) => filed.has(d.deliveryId));
  }

  /**
   * Leases up to `limit` pending deliveries whose time has come (retries, and first attempts an
   * instance died before making). SKIP LOCKED: instances polling together take different rows.
   */
  async leaseDue(limit: number, leaseMs: number): Promise<PendingDelivery[]> {
    const rows = await sql<{
      delivery_id: string;
      alert: Alert.Value;
      attempts: number;
      source_partition: number;
      source_offset: string;
      subscription_id: string;
    }>`
      update alert_deliveries d set next_attempt_at = now() + ${`${leaseMs} milliseconds`}::interval
      where d.delivery_id in (
        select delivery_id from alert_deliveries
        where status = 'PENDING' and next_attempt_at <= now()
        order by next_attempt_at
        limit ${limit}
        for update skip locked)
      returning d.delivery_id, d.alert, d.attempts, d.source_partition, d.source_offset, d.subscription_id`.execute(
      this.db,
    );
    if (rows.rows.length === 0) return [];
    const subscriptions = await this.db
      .selectFrom('alert_subscriptions')
      .selectAll()
      .where('subscription_id', 'in', [...new Set(rows.rows.map((r) => r.subscription_id))])
      .execute();
    const byId = new Map(subscriptions.map((s) => [s.subscription_id, toSubscription(s)]));
    const due: PendingDelivery[] = [];
    for (const r of rows.rows) {
      const subscription = byId.get(r.subscription_id);
      // The subscription was removed since: nothing is owed to it any more.
      if (!subscription) {
        await this.finish(r.delivery_id, 'DEAD', r.attempts, 'subscription removed');
        continue;
      }
      due.push({
        deliveryId: r.delivery_id,
        alert: r.alert,
        subscription,
        attempts: r.attempts,
        sourcePartition: r.source_partition,
        sourceOffset: r.source_offset,
      });
    }
    return due;
  }

  async markDelivered(deliveryId: string, attempts: number): Promise<void> {
    await this.db
      .updateTable('alert_deliveries')
      .set({ status: 'DELIVERED', attempts, delivered_at: new Date(), last_error: null })
      .where('delivery_id', '=', deliveryId)
      .execute();
  }

  async scheduleRetry(deliveryId: string, attempts: number, delayMs: number, error: string): Promise<void> {
    await this.db
      .updateTable('alert_deliveries')
      .set({ attempts, next_attempt_at: new Date(Date.now() + delayMs), last_error: error })
      .where('delivery_id', '=', deliveryId)
      .execute();
  }

  async finish(deliveryId: string, status: 'DEAD', attempts: number, error: string): Promise<void> {
    await this.db
      .updateTable('alert_deliveries')
      .set({ status, attempts, last_error: error })
      .where('delivery_id', '=', deliveryId)
      .execute();
  }

  /** The deliveries of one alert (tests, the subscription API's "last deliveries"). */
  async deliveriesOf(alertId: string) {
    return this.db
      .selectFrom('alert_deliveries')
      .select([
        'delivery_id',
        'channel',
        'status',
        'attempts',
        'last_error',
        'alert_created_at',
        'delivered_at',
      ])
      .where('alert_id', '=', alertId)
      .execute();
  }
}
