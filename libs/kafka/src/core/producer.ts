import type { IHeaders, Kafka, Message, Producer } from 'kafkajs';
import { CompressionTypes } from 'kafkajs';

import { maxMessageBytes, Topic } from '@paxscreen/contracts';

import { Pace } from './pace';
import { KafkaSettings, physicalTopic } from './settings';

/** A record to publish: JSON values are serialised here; `null` is a tombstone. */
export interface OutgoingRecord {
  key: string;
  value: object | Buffer | null;
  headers?: Record<string, string | undefined>;
}

export function toMessage(record: OutgoingRecord): Message {
  const headers: IHeaders = {};
  for (const [k, v] of Object.entries(record.headers ?? {})) if (v !== undefined) headers[k] = v;
  return {
    key: record.key,
    value:
      record.value === null
        ? null
        : Buffer.isBuffer(record.value)
          ? record.value
          : JSON.stringify(record.value),
    headers,
  };
}

/** Brokers refuse record batches above `message.max.bytes` (1 MiB by default): stay well below. */
export const MAX_REQUEST_BYTES = 768 * 1024;

const byteLength = (v: string | Buffer | null | undefined) =>
  typeof v === 'string' ? Buffer.byteLength(v) : (v?.length ?? 0);

/**
 * Upper bound of what one message costs in a record batch of its own, bytes: key, value, headers,
 * the record's framing and the batch header (61 bytes). What a topic's `max.message.bytes` limits.
 */
export function recordBytes(m: Message): number {
  let bytes = byteLength(m.value) + byteLength(m.key as string | Buffer | null | undefined) + 61 + 32;
  for (const [k, v] of Object.entries(m.headers ?? {}))
    bytes += Buffer.byteLength(k) + (Array.isArray(v) ? v : [v]).reduce((n, x) => n + byteLength(x) + 10, 0);
  return bytes;
}

/**
 * Serialised size of a message, bytes (what chunkBySize counts): its headers included, so that a
 * request of many small records with headers stays under a 1 MiB topic's limit too.
 */
export const sizeOf = recordBytes;

/** True when the broker takes `m` on `topic` (within the topic's `max.message.bytes`, libs/contracts). */
export function fitsTopic(topic: Topic, m: Message): boolean {
  return recordBytes(m) <= maxMessageBytes(topic);
}

/** A record refused before it was sent: larger than its topic accepts. Not retriable. */
export class RecordTooLargeError extends Error {
  readonly retriable = false;

  constructor(
    readonly topic: Topic,
    readonly bytes: number,
  ) {
    super(`a record of ${bytes} bytes is larger than ${topic} accepts (${maxMessageBytes(topic)} bytes)`);
    this.name = 'RecordTooLargeError';
  }
}

/** Records of one topic as kafkajs messages. */
export interface TopicMessages {
  topic: Topic;
  messages: Message[];
}

/**
 * Records as messages, each value serialised once: the size check (`firstTooLarge`) and the
 * produce requests take the same messages (a decision's JSON was built twice per commit before).
 */
export function toTopicMessages(
  batches: readonly { topic: Topic; records: OutgoingRecord[] }[],
): TopicMessages[] {
  return batches.map((b) => ({ topic: b.topic, messages: b.records.map(toMessage) }));
}

/** The first message of `batches` its topic would refuse, if any. */
export function firstTooLarge(batches: readonly TopicMessages[]): RecordTooLargeError | undefined {
  for (const b of batches)
    for (const m of b.messages)
      if (!fitsTopic(b.topic, m)) return new RecordTooLargeError(b.topic, recordBytes(m));
  return undefined;
}

/** Broker answers that refuse the records themselves: sending them again cannot succeed. */
const REFUSED_RECORD_TYPES = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'INVALID_TIMESTAMP',
]);

/**
 * True when `error` says the records are unacceptable (too large, invalid), not that the broker is
 * unavailable: found on the error or on what it wraps (kafkajs wraps retried errors).
 */
export function isRecordRefused(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    if (e instanceof RecordTooLargeError) return true;
    if (typeof e.type === 'string' && REFUSED_RECORD_TYPES.has(e.type)) return true;
    e = (e.cause ?? e.originalError) as Record<string, unknown> | undefined;
  }
  return false;
}

/** Splits messages into groups whose serialised size stays under MAX_REQUEST_BYTES. */
export function chunkBySize(messages: Message[], limit = MAX_REQUEST_BYTES): Message[][] {
  const chunks: Message[][] = [];
  let current: Message[] = [];
  let bytes = 0;
  for (const m of messages) {
    const size = sizeOf(m);
    if (current.length > 0 && bytes + size > limit) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Messages per topic as produce requests: each topic's messages split under the size limit, then
 * chunks of several topics grouped into one request (kafkajs `sendBatch`) while they fit together.
 */
export function packRequests(
  byTopic: Map<string, Message[]>,
  limit = MAX_REQUEST_BYTES,
): { topic: string; messages: Message[] }[][] {
  const groups: { topic: string; messages: Message[] }[][] = [];
  let group: { topic: string; messages: Message[] }[] = [];
  let bytes = 0;
  for (const [topic, messages] of byTopic)
    for (const chunk of chunkBySize(messages, limit)) {
      const size = chunk.reduce((n, m) => n + sizeOf(m), 0);
      if (group.length > 0 && bytes + size > limit) {
        groups.push(group);
        group = [];
        bytes = 0;
      }
      group.push({ topic, messages: chunk });
      bytes += size;
    }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * Idempotent producer (acks = all, one request in flight per broker, so retries never duplicate
 * or reorder). `send` resolves only when every record is durably written.
 */
export class EventProducer {
  private readonly producer: Producer;
  private connected = false;

  /** Produce requests, at most one per `minIntervalMs`. */
  private readonly pace: Pace;

  /**
   * `minIntervalMs`: at least this long from the start of one produce request to the start of the
   * next (Pace; 0, the default: none). At a steady rate the records handed over meanwhile share
   * one request; a send to an idle producer goes at once.
   */
  constructor(
    kafka: Kafka,
    private readonly settings: KafkaSettings,
    minIntervalMs = 0,
  ) {
    this.pace = new Pace(minIntervalMs);
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Records waiting for the request in flight to finish; sent together in the next one. */
  private queue: { parts: { topic: string; messages: Message[] }[]; done: (err?: unknown) => void }[] = [];
  private draining = false;

  /**
   * Sends records in requests below the broker's size limit; resolves when all are acknowledged.
   * Concurrent callers share requests: with one request in flight (idempotence and ordering
   * need it), each caller would otherwise wait in line for one whole round trip per caller before
   * it (an iAPI request or a carrier POST behind 60 others waited 60 round trips). What queued up
   * while a request was in flight goes out in the next one, in arrival order; an idle producer
   * sends once the event loop's current turn is done (setImmediate, no timer), with whatever else
   * that turn handed over. A record too large for a request still travels in a request of its
   * own, so it fails alone.
   */
  send(topic: Topic, records: OutgoingRecord[]): Promise<void> {
    return this.sendAll([{ topic, records }]);
  }

  /**
   * `send` for several topics at once (an iAPI reply and its decisions): they share the same
   * produce request(s), one per broker, while they fit under the size limit together.
   */
  sendAll(batches: { topic: Topic; records: OutgoingRecord[] }[]): Promise<void> {
    return this.sendMessages(toTopicMessages(batches));
  }

  /** `sendAll` for records already serialised (`toTopicMessages`). */
  sendMessages(batches: readonly TopicMessages[]): Promise<void> {
    // A record its topic would refuse fails its caller alone, before it can spoil a shared request.
    const tooLarge = firstTooLarge(batches);
    if (tooLarge) return Promise.reject(tooLarge);
    const parts = batches
      .filter((b) => b.messages.length > 0)
      .map((b) => ({ topic: physicalTopic(this.settings, b.topic), messages: b.messages }));
    if (parts.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ parts, done: (err) => (err === undefined ? resolve() : reject(err)) });
      if (this.draining) return;
      this.draining = true;
      // After the work already queued on the event loop: what callers hand over in the same turn
      // (the batches of one fetch, handled concurrently; requests that arrived together) goes in
      // one produce request rather than the first alone and the rest in the next.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      await this.pace.next();
      this.pace.began();
      const batch = this.queue.splice(0, this.queue.length);
      const byTopic = new Map<string, Message[]>();
      for (const b of batch)
        for (const part of b.parts) {
          const list = byTopic.get(part.topic) ?? [];
          for (const m of part.messages) list.push(m);
          byTopic.set(part.topic, list);
        }
      try {
        for (const group of packRequests(byTopic))
          await (group.length === 1
            ? this.producer.send({ ...group[0], acks: -1, compression: CompressionTypes.None })
            : this.producer.sendBatch({
                topicMessages: group,
                acks: -1,
                compression: CompressionTypes.None,
              }));
        for (const b of batch) b.done();
      } catch (err) {
        for (const b of batch) b.done(err);
      }
    }
    this.draining = false;
  }

  /** Several topics in one round trip, still acks = all. */
  async sendMany(batches: { topic: Topic; records: OutgoingRecord[] }[]): Promise<void> {
    const topicMessages = batches
      .filter((b) => b.records.length > 0)
      .map((b) => ({ topic: physicalTopic(this.settings, b.topic), messages: b.records.map(toMessage) }));
    if (topicMessages.length === 0) return;
    await this.producer.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.None });
  }
}
