import type { Alert } from '@paxscreen/contracts';

import { type BackoffPolicy, nextRetryDelayMs } from '../core/backoff';
import { type AlertChannel, routeAlert } from '../core/subscription';
import type { AlertsRepository, PendingDelivery } from './alerts.repository';

/** What delivery needs of the tables (AlertsRepository; specs give an in-memory one). */
export type DeliveryStore = Pick<
  AlertsRepository,
  'subscriptionsOn' | 'fileDeliveries' | 'leaseDue' | 'markDelivered' | 'scheduleRetry' | 'finish'
>;
import type { AlertSender } from './senders';

/** Channels delivered from the database (LIVE is pushed to open streams, not stored). */
export const STORED_CHANNELS: readonly AlertChannel[] = ['WEBHOOK', 'EMAIL'];

export interface ReadAlert {
  alert: Alert.Value;
  partition: number;
  offset: string;
}

export interface DeliveryOutcome {
  deliveryId: string;
  channel: AlertChannel;
  result: 'DELIVERED' | 'RETRY' | 'DEAD';
  attempts: number;
}

export interface AlertDeliveryOptions {
  repository: DeliveryStore;
  senders: Partial<Record<AlertChannel, AlertSender>>;
  backoff: BackoffPolicy;
  /** How long a leased delivery is this instance's before another may take it, ms. */
  leaseMs: number;
  /** Told about a delivery that failed its last attempt (apps publish a dead letter). */
  onDead: (delivery: PendingDelivery, reason: string) => Promise<void>;
  /** Told about every attempt's outcome (metrics, latency). */
  onOutcome?: (delivery: PendingDelivery, outcome: DeliveryOutcome) => void;
}

/**
 * Webhook and e-mail delivery. `accept` files one delivery per matching subscription (idempotent:
 * an alert read twice files nothing new) and attempts them at once; failed attempts wait
 * (exponential backoff) in the table until `retryDue` leases them again; after the last attempt
 * the delivery is DEAD and dead-lettered. Attempts never throw: a receiver's failure is recorded.
 */
export class AlertDelivery {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: AlertDeliveryOptions) {}

  /** Files the deliveries the alerts owe (resolves once stored) and starts their first attempts. */
  async accept(alerts: readonly ReadAlert[]): Promise<number> {
    if (alerts.length === 0) return 0;
    const subscriptions = await this.options.repository.subscriptionsOn(STORED_CHANNELS);
    const wanted = alerts.flatMap((a) =>
      routeAlert(a.alert, subscriptions, STORED_CHANNELS).map((subscription) => ({
        alert: a.alert,
        subscription,
        sourcePartition: a.partition,
        sourceOffset: a.offset,
      })),
    );
    const filed = await this.options.repository.fileDeliveries(wanted, this.options.leaseMs);
    filed.forEach((d) => this.track(this.attempt(d)));
    return filed.length;
  }

  /** Attempts the deliveries whose retry time has come; returns how many were leased. */
  async retryDue(limit = 100): Promise<number> {
    const due = await this.options.repository.leaseDue(limit, this.options.leaseMs);
    await Promise.all(due.map((d) => this.attempt(d)));
    return due.length;
  }

  /** Resolves when the attempts started so far have finished (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async attempt(delivery: PendingDelivery): Promise<void> {
    const { repository, senders, backoff } = this.options;
    const channel = delivery.subscription.channel;
    const attempts = delivery.attempts + 1;
    const report = (result: DeliveryOutcome['result']) =>
      this.options.onOutcome?.(delivery, { deliveryId: delivery.deliveryId, channel, result, attempts });
    try {
      const sender = senders[channel];
      if (!sender) throw new Error(`no ${channel} sender configured`);
      await sender.send(delivery);
    } catch (err) {
      const reason = (err as Error).message;
      const delay = nextRetryDelayMs(attempts, backoff);
      try {
        if (delay === null) {
          await repository.finish(delivery.deliveryId, 'DEAD', attempts, reason);
          await this.options.onDead(delivery, reason);
          report('DEAD');
        } else {
          await repository.scheduleRetry(delivery.deliveryId, attempts, delay, reason);
          report('RETRY');
        }
      } catch {
        // The database is away: the lease runs out and the poller attempts the delivery again.
      }
      return;
    }
    report('DELIVERED');
    await repository.markDelivered(delivery.deliveryId, attempts).catch(() => undefined);
  }
}
