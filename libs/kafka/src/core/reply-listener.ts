import { randomUUID } from 'node:crypto';

import type { Consumer, Kafka } from 'kafkajs';

import { Topic } from '@paxscreen/contracts';

import { ConsumedRecord, fetchSizes, runKeptAlive, toConsumed, withRetries } from './consumer';
import { Pace } from './pace';
import { KafkaSettings, partitionsOf, physicalGroup, physicalTopic } from './settings';

/**
 * Longest time the broker holds a fetch that found nothing, ms. A fetch returns as soon as a record
 * arrives (minBytes 1), so this is not a wait for replies: only how often an idle listener asks
 * again (at 10 ms, 80–100 empty fetches a second, each costing the broker CPU).
 */
export const REPLY_FETCH_WAIT_MS = 200;
/**
 * Listens to a reply topic for one process (request/reply over Kafka): a private consumer group
 * that starts at the end of the topic, so it sees every reply written after it joined, and no
 * offsets to keep. `ready` resolves once it has joined and fetched from the topic's partitions.
 */
export class ReplyListener {
  private readonly consumer: Consumer;
  private readonly partitions: number;
  readonly ready: Promise<void>;
  private joined!: () => void;

  constructor(
    kafka: Kafka,
    private readonly settings: KafkaSettings,
    private readonly topic: Topic,
    private readonly onRecord: (record: ConsumedRecord) => void,
    name: string,
  ) {
    this.consumer = kafka.consumer({
      groupId: physicalGroup(settings, `paxscreen-${name}-${randomUUID()}`),
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: REPLY_FETCH_WAIT_MS,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      ...fetchSizes([topic]),
    });
    this.partitions = partitionsOf(settings, topic);
    this.pace = new Pace(settings.paceMs ?? 0);
    this.ready = new Promise((resolve) => (this.joined = resolve));
  }

  async start(): Promise<void> {
    // Ready after the first completed fetch: by then the start offsets (the end of the topic) are
    // resolved, so a reply to a request sent from now on cannot fall before them.
    this.consumer.on(this.consumer.events.FETCH, () => this.joined());
    this.consumer.on(this.consumer.events.FETCH_START, () => this.pace.began());
    await this.consumer.connect();
    await withRetries(() =>
      this.consumer.subscribe({ topic: physicalTopic(this.settings, this.topic), fromBeginning: false }),
    );
    // Kept alive across broker restarts: a listener that kafkajs gave up on would let every later
    // request time out.
    this.unwatch = await runKeptAlive(this.consumer, {
      autoCommit: false,
      // A fetch's batches (one per partition) are handled together, so they share one wait.
      partitionsConsumedConcurrently: this.partitions,
      eachBatch: async ({ batch }) => {
        if (batch.messages.length === 0) return;
        for (const message of batch.messages) this.onRecord(toConsumed(this.topic, batch.partition, message));
        await this.pace.next();
      },
    });
    await this.ready;
  }

  private unwatch?: () => void;
  /**
   * At most one fetch that brings records every `settings.paceMs`: replies that arrive meanwhile
   * come in one fetch instead of one fetch each. A reply waits for it only when it follows another
   * within that time: an idle listener adds nothing.
   */
  private readonly pace: Pace;

  async stop(): Promise<void> {
    this.unwatch?.();
    await this.consumer.disconnect();
  }
}
