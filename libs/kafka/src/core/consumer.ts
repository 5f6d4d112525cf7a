import { randomUUID } from 'node:crypto';

import { Topic } from '@paxscreen/contracts';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';

import { KafkaSettings, physicalGroup, physicalTopic } from './settings';

/** A consumed record with its logical topic. */
export interface ConsumedRecord {
  topic: Topic;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  /** Broker timestamp, epoch ms. */
  timestamp: number;
}

/**
 * Processes a batch. Contract: resolve only once the batch's output is durable (produced with
 * acks = all, written to Redis…); deal with bad records yourself (dead-letter them). Throwing means
 * "try again": the consumer retries, then isolates the failing record and hands it to `onPoison`.
 */
export type BatchHandler = (records: ConsumedRecord[]) => Promise<void>;

export interface BatchStats {
  topic: Topic;
  partition: number;
  records: number;
  /** Records behind the high watermark after this batch. */
  lag: number;
  millis: number;
}

export interface BatchConsumerOptions {
  groupId: string;
  topics: Topic[];
  fromBeginning?: boolean;
  /** Attempts per batch (and then per record) before a record is declared poison. */
  attempts?: number;
  /** Called with a record that failed every attempt; must make it durable elsewhere (DLQ) or throw. */
  onPoison?: (record: ConsumedRecord, error: unknown) => Promise<void>;
  onBatch?: (stats: BatchStats) => void;
  onError?: (error: unknown, attempt: number) => void;
  /** Largest number of records handed to the handler at once. */
  maxRecords?: number;
  sessionTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function headersOf(message: KafkaMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers ?? {})) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? String(v[0]) : Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
  }
  return out;
}

export function toConsumed(topic: Topic, partition: number, message: KafkaMessage): ConsumedRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString('utf8') : null,
    value: message.value,
    headers: headersOf(message),
    timestamp: Number(message.timestamp),
  };
}

function logicalTopic(settings: KafkaSettings, physical: string): Topic {
  return physical.slice(settings.prefix.length) as Topic;
}

/**
 * A consumer-group member that commits a record's offset only after its handler resolved, i.e.
 * after the record's output is durable (at-least-once; outputs are made idempotent downstream).
 */
export class BatchConsumer {
  private readonly consumer: Consumer;
  private readonly attempts: number;
  private readonly maxRecords: number;

  constructor(
    kafka: Kafka,
    private readonly settings: KafkaSettings,
    private readonly options: BatchConsumerOptions,
    private readonly handler: BatchHandler,
  ) {
    this.attempts = options.attempts ?? 5;
    this.maxRecords = options.maxRecords ?? 2000;
    this.consumer = kafka.consumer({
      groupId: physicalGroup(settings, options.groupId),
      sessionTimeout: options.sessionTimeoutMs ?? settings.sessionTimeoutMs,
      heartbeatInterval: 3000,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: 4 * 1024 * 1024,
      maxWaitTimeInMs: 100,
    });
  }

  get raw(): Consumer {
    return this.consumer;
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    for (const topic of this.options.topics) {
      await this.consumer.subscribe({
        topic: physicalTopic(this.settings, topic),
        fromBeginning: this.options.fromBeginning ?? true,
      });
    }
    await this.consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const topic = logicalTopic(this.settings, batch.topic);
    const messages = batch.messages;
    for (let start = 0; start < messages.length; start += this.maxRecords) {
      if (!isRunning() || isStale()) return;
      const began = Date.now();
      const chunk = messages
        .slice(start, start + this.maxRecords)
        .map((m) => toConsumed(topic, batch.partition, m));
      await this.process(chunk, heartbeat);
      resolveOffset(chunk[chunk.length - 1].offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
      const last = BigInt(chunk[chunk.length - 1].offset);
      const lag = Number(BigInt(batch.highWatermark) - last - 1n);
      this.options.onBatch?.({
        topic,
        partition: batch.partition,
        records: chunk.length,
        lag: lag < 0 ? 0 : lag,
        millis: Date.now() - began,
      });
    }
  }

  private async process(chunk: ConsumedRecord[], heartbeat: () => Promise<void>): Promise<void> {
    if (await this.tryHandle(chunk, heartbeat)) return;
    // The whole chunk keeps failing: isolate the record(s) at fault, keep the others.
    for (const record of chunk) {
      if (chunk.length > 1 && (await this.tryHandle([record], heartbeat))) continue;
      if (!this.options.onPoison)
        throw new Error(`record ${record.partition}/${record.offset} keeps failing`);
      await this.options.onPoison(record, new Error('handler failed on every attempt'));
    }
  }

  private async tryHandle(records: ConsumedRecord[], heartbeat: () => Promise<void>): Promise<boolean> {
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        await this.handler(records);
        return true;
      } catch (error) {
        this.options.onError?.(error, attempt);
        if (attempt < this.attempts) {
          await sleep(Math.min(5000, 100 * 2 ** attempt));
          await heartbeat().catch(() => undefined);
        }
      }
    }
    return false;
  }
}

/**
 * Reads topics from the beginning without committing (a private, throw-away group) and reports when
 * it has caught up with the high watermarks seen at start; keeps delivering new records afterwards.
 * Used to build in-memory state from compacted topics.
 */
export class TopicReplayer {
  private readonly consumer: Consumer;
  private caughtUpResolve!: () => void;
  readonly caughtUp: Promise<void>;
  private remaining = new Map<string, bigint>();
  private isCaughtUp = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly settings: KafkaSettings,
    private readonly topics: Topic[],
    private readonly onRecords: (records: ConsumedRecord[]) => void | Promise<void>,
    name = 'replay',
  ) {
    this.consumer = kafka.consumer({
      groupId: physicalGroup(settings, `paxscreen-${name}-${randomUUID()}`),
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
      maxBytesPerPartition: 8 * 1024 * 1024,
    });
    this.caughtUp = new Promise((resolve) => (this.caughtUpResolve = resolve));
  }

  get ready(): boolean {
    return this.isCaughtUp;
  }

  async start(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const topic of this.topics) {
        const physical = physicalTopic(this.settings, topic);
        for (const p of await admin.fetchTopicOffsets(physical)) {
          const high = BigInt(p.high);
          if (high > BigInt(p.low)) this.remaining.set(`${physical}/${p.partition}`, high);
        }
      }
    } finally {
      await admin.disconnect();
    }
    this.checkCaughtUp();
    await this.consumer.connect();
    for (const topic of this.topics) {
      await this.consumer.subscribe({ topic: physicalTopic(this.settings, topic), fromBeginning: true });
    }
    await this.consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch, heartbeat }) => {
        const topic = logicalTopic(this.settings, batch.topic);
        const records = batch.messages.map((m) => toConsumed(topic, batch.partition, m));
        if (records.length > 0) await this.onRecords(records);
        await heartbeat();
        const id = `${batch.topic}/${batch.partition}`;
        const target = this.remaining.get(id);
        if (
          target !== undefined &&
          records.length > 0 &&
          BigInt(records[records.length - 1].offset) + 1n >= target
        ) {
          this.remaining.delete(id);
          this.checkCaughtUp();
        }
      },
    });
  }

  private checkCaughtUp(): void {
    if (!this.isCaughtUp && this.remaining.size === 0) {
      this.isCaughtUp = true;
      this.caughtUpResolve();
    }
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
