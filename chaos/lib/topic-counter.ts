import { randomUUID } from 'node:crypto';

import { Consumer, Kafka, logLevel } from 'kafkajs';

/**
 * Reads a topic from the beginning, committed records only (read_committed: what a downstream
 * consumer would see), and hands each record's value to `onValue`. Never commits offsets.
 */
export class TopicCounter {
  private consumer?: Consumer;
  records = 0;
  /** When the last record arrived (epoch ms; 0: none yet). */
  private lastRecordAt = 0;

  constructor(
    private readonly brokers: string,
    private readonly topic: string,
    private readonly onValue: (value: Buffer, headers: Record<string, string>) => void,
  ) {}

  async start(): Promise<this> {
    const kafka = new Kafka({
      brokers: [this.brokers],
      clientId: 'chaos-counter',
      logLevel: logLevel.NOTHING,
      retry: { retries: 20, initialRetryTime: 300, maxRetryTime: 5000 },
    });
    this.consumer = kafka.consumer({
      groupId: `chaos-counter-${randomUUID()}`,
      readUncommitted: false,
      maxWaitTimeInMs: 200,
      maxBytesPerPartition: 8 * 1024 * 1024,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        if (batch.messages.length > 0) this.lastRecordAt = Date.now();
        for (const m of batch.messages) {
          this.records++;
          if (!m.value) continue;
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(m.headers ?? {})) if (v !== undefined) headers[k] = String(v);
          this.onValue(m.value, headers);
        }
      },
    });
    return this;
  }

  /**
   * True once at least `minimum` records were read and none came for `ms`: read after the run has
   * settled (nothing more is produced), the counter has then read the whole topic. Comparing the
   * database with a counter still reading would check only the part read so far.
   */
  caughtUp(minimum: number, ms = 3000): boolean {
    return this.records > 0 && this.records >= minimum && Date.now() - this.lastRecordAt >= ms;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
  }
}
