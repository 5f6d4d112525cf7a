import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { Header, Topic } from '@paxscreen/contracts';
import { ApiError } from '@paxscreen/http';
import { type ConsumedRecord, deadLetterOutput, KafkaProducer } from '@paxscreen/kafka';
import { childTraceparent, LOGGER, type Logger, Metrics } from '@paxscreen/observability';

import { SubmitMessageUseCase } from '../ingest/submit-message.usecase';
import type { GatewayEnv } from '../gateway.env';
import { GATEWAY_ENV } from '../tokens';

/** One message from a queue or a drop folder, already bound to its carrier by where it arrived. */
export interface Delivery {
  carrier: string;
  /** The bytes; undefined when they were not read (a file over the size limit). */
  bytes?: Buffer;
  size: number;
  /** AMQP message-id, when the sender set one: the same key twice gives one receipt, as over HTTP. */
  idempotencyKey?: string;
  /** `amqp:<queue>` or `folder:<carrier>`: no file names (they may name travellers). */
  source: string;
  /** Where the unread bytes were put aside (relative to the drop folder), for the dead letter. */
  reference?: string;
}

export type Outcome =
  | { kind: 'accepted'; receiptId: string; repeated: boolean }
  | { kind: 'dead-lettered'; code: string }
  /** Nothing was decided (Kafka or Redis unavailable): keep the message and offer it again later. */
  | { kind: 'retry'; reason: string };

/** Header naming the transport a dead-lettered message came from (`amqp:<queue>`, `folder:<carrier>`). */
export const INGEST_SOURCE_HEADER = 'x-paxscreen-ingest-source';
/** Header naming where a message too large to carry was put aside. */
export const INGEST_REFERENCE_HEADER = 'x-paxscreen-ingest-reference';

/**
 * What the queue consumer and the folder watcher share with `POST /v1/messages`: the same use case
 * (sniffing, carrier check, idempotency by bytes and key, receipt, raw topic, durable before the
 * answer) and the same size limit. Where HTTP answers 4xx, a transport has nobody to answer, so the
 * message becomes a dead letter (original bytes, or a reference when too large to read) on the
 * shared dead-letter topic; only then may the transport acknowledge it. 5xx: nothing decided, retry.
 */
@Injectable()
export class TransportIngest {
  constructor(
    @Inject(SubmitMessageUseCase) private readonly submit: SubmitMessageUseCase,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get sizeLimit(): number {
    return this.env.GATEWAY_BODY_LIMIT;
  }

  async deliver(d: Delivery): Promise<Outcome> {
    if (d.size > this.sizeLimit || !d.bytes) {
      return this.deadLetter(d, 'PAYLOAD_TOO_LARGE', `the message is larger than ${this.sizeLimit} bytes`);
    }
    try {
      const { receipt, repeated } = await this.submit.execute({
        carrier: d.carrier,
        bytes: d.bytes,
        idempotencyKey: d.idempotencyKey,
        requestId: `${d.source}:${randomUUID()}`,
        traceparent: childTraceparent(undefined),
      });
      return { kind: 'accepted', receiptId: receipt.receiptId, repeated };
    } catch (err) {
      if (err instanceof ApiError && err.getStatus() < 500) return this.deadLetter(d, err.code, err.message);
      return { kind: 'retry', reason: err instanceof ApiError ? err.code : 'INGEST_FAILED' };
    }
  }

  private async deadLetter(d: Delivery, code: string, message: string): Promise<Outcome> {
    // Rejected before any receipt existed: the dead letter gets its own id. Partition and offset -1:
    // the bytes never reached the raw topic.
    const headers: Record<string, string> = {
      [Header.ReceiptId]: randomUUID(),
      [Header.Carrier]: d.carrier,
      [INGEST_SOURCE_HEADER]: d.source,
    };
    if (d.reference) headers[INGEST_REFERENCE_HEADER] = d.reference;
    const record: ConsumedRecord = {
      topic: Topic.MessagesRaw,
      partition: -1,
      offset: '-1',
      key: d.carrier,
      value: d.bytes ?? null,
      headers,
      timestamp: Date.now(),
    };
    try {
      await this.producer.sendMany([deadLetterOutput(record, { stage: 'gateway', code, message })]);
    } catch {
      return { kind: 'retry', reason: 'DEAD_LETTER_UNAVAILABLE' };
    }
    this.metrics.deadLetters.inc({ stage: 'gateway', code });
    this.logger.warn({ carrier: d.carrier, source: d.source, code, bytes: d.size }, 'ingest dead letter');
    return { kind: 'dead-lettered', code };
  }
}
