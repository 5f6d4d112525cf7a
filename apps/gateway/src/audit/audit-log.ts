import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { Audit, envelope, Topic } from '@paxscreen/contracts';
import { ApiError } from '@paxscreen/http';
import { KafkaProducer } from '@paxscreen/kafka';
import { LOGGER, type Logger } from '@paxscreen/observability';

/** Audit records are written in small batches so that a look-up never waits for Kafka. */
const FLUSH_MS = 20;
const MAX_BUFFER = 10_000;

export type AuditEntry = Pick<Audit.Value, 'action' | 'actor' | 'role' | 'target' | 'outcome' | 'details'>;

/**
 * Who looked at what: every port-of-entry look-up goes to the audit topic. Records are buffered for
 * at most FLUSH_MS and flushed with acks = all; a failed flush is retried with the next one; the
 * buffer is flushed at shutdown. (A crash can lose at most the last FLUSH_MS of audit records.)
 */
@Injectable()
export class AuditLog implements OnApplicationShutdown {
  private buffer: Audit.Value[] = [];
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * For what may only happen on the record (re-personalising masked PNR data): resolves once the
   * audit record is durably in Kafka (acks = all); throws 503 AUDIT_UNAVAILABLE otherwise, so the
   * caller reveals nothing it could not audit.
   */
  async recordNow(entry: AuditEntry, requestId: string): Promise<void> {
    try {
      await this.producer.send(Topic.Audit, [
        { key: entry.actor, value: { ...envelope(requestId), ...entry } },
      ]);
    } catch (err) {
      this.logger.error({ err }, 'audit record could not be written; refusing');
      throw new ApiError(
        503,
        'AUDIT_UNAVAILABLE',
        'the audit record could not be written; nothing was disclosed',
      );
    }
  }

  record(entry: AuditEntry, requestId: string): void {
    if (this.buffer.length >= MAX_BUFFER)
      this.logger.error({ dropped: 1 }, 'audit buffer full; Kafka unavailable');
    else this.buffer.push({ ...envelope(requestId), ...entry });
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  async flush(): Promise<void> {
    this.timer = undefined;
    await this.flushing;
    const batch = this.buffer;
    if (batch.length === 0) return;
    this.buffer = [];
    this.flushing = this.producer
      .send(
        Topic.Audit,
        batch.map((value) => ({ key: value.actor, value })),
      )
      .catch((err: unknown) => {
        this.logger.error({ err, records: batch.length }, 'audit flush failed; retrying');
        this.buffer = [...batch, ...this.buffer];
        this.timer ??= setTimeout(() => void this.flush(), 1000);
      });
    await this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    await this.flush();
  }
}
