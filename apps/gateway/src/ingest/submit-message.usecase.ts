import { createHash, randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { Header, RawMessage, Receipt, Topic } from '@paxscreen/contracts';
import { sniffMessage } from '@paxscreen/edifact';
import { ApiError } from '@paxscreen/http';
import { KafkaProducer } from '@paxscreen/kafka';
import { Metrics } from '@paxscreen/observability';
import { RedisKeys, ReceiptStore } from '@paxscreen/redis';

export interface SubmitMessageCommand {
  carrier: string;
  bytes: Buffer;
  idempotencyKey?: string;
  requestId: string;
  traceparent: string;
}

export interface SubmitResult {
  receipt: Receipt;
  /** True when these bytes (or this Idempotency-Key) were already accepted. */
  repeated: boolean;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Accepts a carrier message: recognises it, refuses another carrier's flight, deduplicates by
 * bytes and Idempotency-Key, and answers only once the bytes are durably in Kafka.
 */
@Injectable()
export class SubmitMessageUseCase {
  constructor(
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(ReceiptStore) private readonly receipts: ReceiptStore,
    @Inject(RedisKeys) private readonly keys: RedisKeys,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  async execute(cmd: SubmitMessageCommand): Promise<SubmitResult> {
    if (cmd.bytes.length === 0) throw this.reject(400, 'EMPTY_BODY', 'the message body is empty');
    if (cmd.idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(cmd.idempotencyKey)) {
      throw this.reject(
        400,
        'INVALID_IDEMPOTENCY_KEY',
        'Idempotency-Key must be 1-128 characters of [A-Za-z0-9._:-]',
      );
    }
    const sniffed = sniffMessage(cmd.bytes);
    if (sniffed.kind === 'UNKNOWN') {
      throw this.reject(
        415,
        'UNSUPPORTED_CONTENT',
        'expected an EDIFACT interchange (UNA/UNB) or a JSON manifest',
      );
    }
    if (sniffed.carrier && sniffed.carrier !== cmd.carrier) {
      throw this.reject(
        403,
        'CARRIER_MISMATCH',
        'the message reports a flight of another carrier than the API key',
      );
    }
    const digest = createHash('sha256').update(cmd.bytes).digest('hex');
    const receiptId = randomUUID();
    const claims = [
      this.keys.receiptByDigest(cmd.carrier, digest),
      ...(cmd.idempotencyKey ? [this.keys.receiptByIdempotencyKey(cmd.carrier, cmd.idempotencyKey)] : []),
    ];
    for (const claim of claims) {
      const existing = await this.receipts.claim(claim, receiptId);
      if (existing) {
        const receipt = await this.receipts.get(existing);
        if (receipt) return { receipt, repeated: true };
      }
    }
    const now = new Date().toISOString();
    const receipt: Receipt = {
      receiptId,
      carrier: cmd.carrier,
      status: 'RECEIVED',
      receivedAt: now,
      updatedAt: now,
      contentType: sniffed.kind === 'JSON' ? 'application/json' : 'application/edifact',
      size: cmd.bytes.length,
      digest,
    };
    await this.receipts.put(receipt);
    try {
      await this.producer.send(Topic.MessagesRaw, [
        {
          key: RawMessage.rawMessageKey(cmd.carrier, sniffed.flight),
          value: cmd.bytes,
          headers: {
            [Header.ReceiptId]: receiptId,
            [Header.Carrier]: cmd.carrier,
            [Header.ContentType]: receipt.contentType,
            [Header.ReceivedAt]: String(Date.parse(now)),
            [Header.RequestId]: cmd.requestId,
            [Header.TraceParent]: cmd.traceparent,
          },
        },
      ]);
    } catch (err) {
      // Not durable: undo the claims so that the carrier's retry is accepted as new.
      await Promise.all(claims.map((c) => this.receipts.release(c, receiptId))).catch(() => undefined);
      await this.receipts.update(receiptId, {
        status: 'REJECTED',
        rejection: { code: 'UNAVAILABLE', message: 'not stored; retry' },
      });
      throw new ApiError(503, 'UNAVAILABLE', 'the message could not be stored; retry later', {
        cause: String(err),
      });
    }
    this.metrics.messagesReceived.inc({ type: sniffed.messageType ?? sniffed.kind });
    return { receipt, repeated: false };
  }

  private reject(status: number, code: string, message: string): ApiError {
    this.metrics.messagesRejected.inc({ code });
    return new ApiError(status, code, message);
  }
}
