import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import type { Topic } from '@paxscreen/contracts';
import { CaseworkStore, type OutboxRecord } from '@paxscreen/casework';
import { KafkaProducer, type OutgoingRecord } from '@paxscreen/kafka';
import { LOGGER, type Logger } from '@paxscreen/observability';

import type { CaseworkEnv } from '../casework.env';
import { CASEWORK_ENV } from '../tokens';

/**
 * Sends the outbox (alerts, dispositions, audit records) to Kafka: at once when an action or a
 * batch of decisions kicks it, and on a timer for whatever a crash or an outage left behind.
 * Rows are marked sent only after Kafka acknowledged them (at least once).
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;

  constructor(
    @Inject(CaseworkStore) private readonly store: CaseworkStore,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(CASEWORK_ENV) private readonly env: CaseworkEnv,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.env.CASEWORK_RELAY_MS);
    this.timer.unref();
    this.kick();
  }

  /** Sends what waits now; a kick while sending runs one more round after it. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err: unknown) => this.logger.warn({ err }, 'outbox relay failed; the next round retries'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves once everything that waits has been sent (tests, shutdown). */
  async flush(): Promise<void> {
    this.kick();
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while ((await this.store.relay((records) => this.send(records))) > 0);
  }

  private async send(records: OutboxRecord[]): Promise<void> {
    const byTopic = new Map<Topic, OutgoingRecord[]>();
    for (const r of records) {
      if (!byTopic.has(r.topic)) byTopic.set(r.topic, []);
      byTopic.get(r.topic)!.push({ key: r.key, value: r.value === null ? null : (r.value as object) });
    }
    await this.producer.sendAll([...byTopic].map(([topic, recs]) => ({ topic, records: recs })));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
