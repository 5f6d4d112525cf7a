import { randomUUID } from 'node:crypto';

import { Consumer, Kafka, logLevel } from 'kafkajs';

import { Topic } from '@paxscreen/contracts';
import { withRetries } from '@paxscreen/kafka';

export interface ReadRecord {
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

/** Reads a topic of a test prefix from the beginning (committed records only) and keeps everything. */
export class TopicReader {
  readonly records: ReadRecord[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly prefix: string,
    private readonly topic: Topic,
  ) {}

  async start(): Promise<this> {
    const kafka = new Kafka({
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      logLevel: logLevel.NOTHING,
      clientId: 'test-reader',
    });
    this.consumer = kafka.consumer({ groupId: `${this.prefix}reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await withRetries(() =>
      this.consumer!.subscribe({ topic: `${this.prefix}${this.topic}`, fromBeginning: true }),
    );
    await this.consumer.run({
      autoCommit: false,
      eachMessage: async ({ message, partition }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {}))
          if (v !== undefined) headers[k] = String(v);
        this.records.push({
          key: message.key?.toString() ?? null,
          value: message.value,
          headers,
          partition,
          offset: message.offset,
        });
      },
    });
    return this;
  }

  json<T>(): T[] {
    return this.records.filter((r) => r.value).map((r) => JSON.parse(r.value!.toString('utf8')) as T);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
