import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { CarriersStore, type Clock, SIGNATURE_HEADER, signWebhook } from '@paxscreen/carriers';
import { CarrierEvent, Topic } from '@paxscreen/contracts';
import { KafkaProducer } from '@paxscreen/kafka';
import { errorSummary, LOGGER, type Logger, PeriodicTask } from '@paxscreen/observability';

import type { CarriersEnv } from '../carriers.env';
import { CARRIERS_ENV, CLOCK } from '../tokens';

const DUE_BATCH = 500;
const PUBLISH_BATCH = 500;

/**
 * Raises MISSING incidents when obligations pass their due time (every CARRIERS_WATCH_INTERVAL_MS,
 * by the injected clock), then publishes the stored events (an outbox: Kafka first, marked after,
 * so a crash publishes again rather than never) and calls carriers' webhooks, HMAC-signed, until
 * they answer 2xx or the attempts run out. One run at a time.
 */
@Injectable()
export class TimelinessWatcher implements OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    @Inject(CarriersStore) private readonly store: CarriersStore,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(CARRIERS_ENV) private readonly env: CarriersEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.task = new PeriodicTask({
      name: 'timeliness watch',
      everyMs: env.CARRIERS_WATCH_INTERVAL_MS,
      tick: () => this.pass(),
      logger,
    });
  }

  start(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass now (after the one in progress). Resolves with the events raised. */
  tick(): Promise<CarrierEvent.Value[]> {
    return this.task.run(() => this.pass());
  }

  /** Publishes stored events and calls webhooks now, in the watcher's lane; failures wait for the next tick. */
  publishPending(): Promise<void> {
    return this.task
      .run(async () => {
        await this.publish();
        await this.callWebhooks();
      })
      .catch((err: unknown) =>
        this.logger.warn({ err: errorSummary(err) }, 'carrier events not published yet; retried next tick'),
      );
  }

  /** Raise what is due, publish, call webhooks. */
  private async pass(): Promise<CarrierEvent.Value[]> {
    const raised: CarrierEvent.Value[] = [];
    for (;;) {
      const due = await this.store.dueFlights(this.clock.now(), DUE_BATCH);
      for (const ref of due) raised.push(...(await this.store.reconcile(ref, this.clock.now())));
      if (due.length < DUE_BATCH) break;
    }
    await this.publish();
    await this.callWebhooks();
    return raised;
  }

  private async publish(): Promise<void> {
    for (;;) {
      const events = await this.store.unpublishedEvents(PUBLISH_BATCH);
      if (events.length === 0) return;
      await this.producer.send(
        Topic.CarrierEvents,
        events.map((e) => ({
          key: CarrierEvent.key(e.event),
          value: e.event,
        })),
      );
      await this.store.markPublished(
        events.map((e) => e.eventId),
        this.clock.now(),
      );
      this.logger.info({ events: events.length }, 'carrier events published');
    }
  }

  private async callWebhooks(): Promise<void> {
    const backlog = await this.store.webhookBacklog(PUBLISH_BATCH, this.env.CARRIERS_WEBHOOK_MAX_ATTEMPTS);
    for (const row of backlog) {
      const delivered = await this.deliver(
        row.webhook_url!,
        row.webhook_secret ?? '',
        JSON.stringify(row.event),
      );
      await this.store.markWebhook(row.event_id, delivered, this.clock.now());
      if (!delivered)
        this.logger.warn(
          { eventId: row.event_id, attempt: row.webhook_attempts + 1 },
          'carrier webhook not delivered',
        );
    }
  }

  /** One signed POST; true when the carrier answered 2xx in time (redirects are not followed). */
  private async deliver(url: string, secret: string, body: string): Promise<boolean> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signWebhook(secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.env.CARRIERS_WEBHOOK_TIMEOUT_MS),
      });
      return res.ok;
    } catch {
      return false;
    }
  }
}
