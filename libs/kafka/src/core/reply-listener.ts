import { randomUUID } from 'node:crypto';

import type { Consumer, Kafka } from 'kafkajs';

import { Topic } from '@paxscreen/contracts';

import { ConsumedRecord, fetchSizes, runKeptAlive, toConsumed, withRetries } from './consumer';
import { KafkaSettings, physicalGroup, physicalTopic } from './settings';

/**
 * Listens to a reply topic for one process (request/reply over Kafka): a private consumer group
 * that starts at the end of the topic, so it sees every reply written after it joined, and no
 * offsets to keep. `ready` resolves once it has joined and fetched from the topic's partitions.
 */
export class ReplyListener {
  private readonly consumer: Consumer;
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
      maxWaitTimeInMs: 10,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      ...fetchSizes([topic]),
    });
    this.ready = new Promise((resolve) => (this.joined = resolve));
  }

  async start(): Promise<void> {
    // Ready after the first completed fetch: by then the start offsets (the end of the topic) are
    // resolved, so a reply to a request sent from now on cannot fall before them.
    this.consumer.on(this.consumer.events.FETCH, () => this.joined());
    await this.consumer.connect();
    await withRetries(() =>
      this.consumer.subscribe({ topic: physicalTopic(this.settings, this.topic), fromBeginning: false }),
    );
    // Kept alive across broker restarts: a listener that kafkajs gave up on would let every later
    // request time out.
    this.unwatch = await runKeptAlive(this.consumer, {
      autoCommit: false,
      eachMessage: async ({ message, partition }) =>
        this.onRecord(toConsumed(this.topic, partition, message)),
    });
    await this.ready;
  }

  private unwatch?: () => void;

  async stop(): Promise<void> {
    this.unwatch?.();
    await this.consumer.disconnect();
  }
}
