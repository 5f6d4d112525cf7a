import { createHash, randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { Header, RawMessage, Receipt, Topic } from '@paxscreen/contracts';
import { sniffMessage } from '@paxscreen/edifact';
import { ApiError, TakeTurns } from '@paxscreen/http';
import { KafkaProducer, RecordTooLargeError } from '@paxscreen/kafka';
import { LOGGER, type Logger, Metrics, traceIdOf } from '@paxscreen/observability';
import { isPostgresUnavailable } from '@paxscreen/postgres';
import { ReceiptStore } from '@paxscreen/records';
import { isRedisUnavailable, RedisKeys } from '@paxscreen/redis';

import { CARRIER_TURNS } from '../tokens';

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
 *
 * A claim (bytes or key → receipt id) is taken before the bytes go to Kafka, and the receipt is
 * marked stored once Kafka acknowledged them. A repeat of a receipt that was never marked (the
 * gateway died or Kafka failed in between) sends the bytes again under the same receipt id: they
 * may be in Kafka once or twice, never zero times, and the parser reads one record per receipt id.
 */
@Injectable()
export class SubmitMessageUseCase {
  constructor(
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(ReceiptStore) private readonly receipts: ReceiptStore,
    @Inject(RedisKeys) private readonly keys: RedisKeys,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CARRIER_TURNS) private readonly turns: TakeTurns,
  ) {}

  async execute(cmd: SubmitMessageCommand): Promise<SubmitResult> {
    try {
      return await this.accept(cmd);
    } catch (err) {
      if (!isRedisUnavailable(err) && !isPostgresUnavailable(err)) throw err;
      // Nothing was accepted (Kafka was not reached, or its ack was not recorded): a retry is safe.
      throw new ApiError(503, 'UNAVAILABLE', 'the message could not be stored; retry later');
    }
  }

  private async accept(cmd: SubmitMessageCommand): Promise<SubmitResult> {
    if (cmd.bytes.length === 0) throw this.reject(400, 'EMPTY_BODY', 'the message body is empty');
    if (cmd.idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(cmd.idempotencyKey)) {
      throw this.reject(
        400,
        'INVALID_IDEMPOTENCY_KEY',
        'Idempotency-Key must be 1-128 characters of [A-Za-z0-9._:-]',
      );
    }
    const [sniffed, digest] = await this.turns.run(
      () => [sniffMessage(cmd.bytes), createHash('sha256').update(cmd.bytes).digest('hex')] as const,
    );
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
    let receiptId: string = randomUUID();
    let unfinished: { receipt?: Receipt } | undefined;
    const claims = [
      this.keys.receiptByDigest(cmd.carrier, digest),
      ...(cmd.idempotencyKey ? [this.keys.receiptByIdempotencyKey(cmd.carrier, cmd.idempotencyKey)] : []),
    ];
    for (const [i, claim] of claims.entries()) {
      const holder = await this.receipts.claim(claim, receiptId);
      if (!holder || holder === receiptId) continue;
      const previous = await this.receipts.get(holder);
      if (await this.receipts.isStored(holder)) {
        if (previous) return { receipt: previous, repeated: true };
        continue;
      }
      // Same key, other bytes, still on their way: the key's receipt answers (as for a stored one).
      if (previous && previous.digest !== digest) return { receipt: previous, repeated: true };
      if (unfinished) continue;
      // Accepted before but never acknowledged by Kafka: finish that attempt under its receipt id.
      for (const earlier of claims.slice(0, i)) {
        await this.receipts.release(earlier, receiptId);
        await this.receipts.claim(earlier, holder);
      }
      receiptId = holder;
      unfinished = { receipt: previous };
    }
    const now = new Date().toISOString();
    // An unfinished receipt keeps what it says (the parser may already have read the first copy).
    const receipt: Receipt = unfinished?.receipt ?? {
      receiptId,
      carrier: cmd.carrier,
      status: 'RECEIVED',
      receivedAt: now,
      updatedAt: now,
      contentType: sniffed.kind === 'JSON' ? 'application/json' : 'application/edifact',
      size: cmd.bytes.length,
      digest,
      ...(sniffed.typeB ? { typeB: sniffed.typeB } : {}),
    };
    if (!unfinished?.receipt) await this.receipts.put(receipt);
    try {
      await this.producer.send(Topic.MessagesRaw, [
        {
          key: RawMessage.rawMessageKey(cmd.carrier, sniffed.flight),
          value: cmd.bytes,
          headers: {
            [Header.ReceiptId]: receiptId,
            [Header.Carrier]: cmd.carrier,
            [Header.ContentType]: receipt.contentType,
            [Header.ReceivedAt]: String(Date.parse(receipt.receivedAt)),
            [Header.RequestId]: cmd.requestId,
            [Header.TraceParent]: cmd.traceparent,
          },
        },
      ]);
    } catch (err) {
      if (err instanceof RecordTooLargeError) {
        // Refused before sending (above what the raw topic takes): nothing was written.
        await this.receipts.update(receiptId, {
          status: 'REJECTED',
          rejection: { code: 'PAYLOAD_TOO_LARGE', message: 'the message is larger than paxscreen accepts' },
        });
        throw this.reject(413, 'PAYLOAD_TOO_LARGE', 'the message is larger than paxscreen accepts');
      }
      // Maybe written, maybe not (a timeout does not say): the claims stay unmarked, so the
      // carrier's retry sends the bytes again under this receipt id rather than a new one. The
      // cause is logged, never answered (it is Kafka's internals, not the carrier's business).
      this.logger.warn(
        { err, receiptId, traceId: traceIdOf(cmd.traceparent) },
        'message not acknowledged by Kafka',
      );
      throw new ApiError(503, 'UNAVAILABLE', 'the message could not be stored; retry later');
    }
    // Without the mark a later repeat would only send a second copy, which the parser skips.
    await this.receipts.markStored(receiptId).catch(() => undefined);
    this.metrics.messagesReceived.inc({ type: sniffed.messageType ?? sniffed.kind });
    // The trace id is on every line a service writes for this message (parser, screening too).
    this.logger.info(
      { receiptId, carrier: cmd.carrier, bytes: cmd.bytes.length, traceId: traceIdOf(cmd.traceparent) },
      'message accepted',
    );
    return { receipt, repeated: unfinished !== undefined };
  }

  private reject(status: number, code: string, message: string): ApiError {
    this.metrics.messagesRejected.inc({ code });
    return new ApiError(status, code, message);
  }
}
