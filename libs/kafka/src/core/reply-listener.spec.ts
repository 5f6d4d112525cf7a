import type { ConsumerRunConfig, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';

import { Topic } from '@paxscreen/contracts';

import type { ConsumedRecord } from './records';
import { REPLY_FETCH_WAIT_MS, ReplyListener } from './reply-listener';
import type { KafkaSettings } from './settings';

/** A kafkajs consumer stand-in: keeps its options and run config; the test plays the fetches. */
function fakeKafka() {
  const seen: { options?: Record<string, unknown>; run?: ConsumerRunConfig; fetchStart?: () => void } = {};
  const consumer = {
    events: { FETCH: 'consumer.fetch', FETCH_START: 'consumer.fetch_start', CRASH: 'consumer.crash' },
    on: (event: string, listener: () => void) => {
      if (event === 'consumer.fetch') setImmediate(listener);
      if (event === 'consumer.fetch_start') seen.fetchStart = listener;
    },
    connect: async () => undefined,
    disconnect: async () => undefined,
    subscribe: async () => undefined,
    run: async (config: ConsumerRunConfig) => void (seen.run = config),
  };
  const kafka = {
    consumer: (options: Record<string, unknown>) => ((seen.options = options), consumer),
  } as unknown as Kafka;
  return { kafka, seen };
}

const PACE_MS = 4;
const settings = {
  prefix: 't.',
  paceMs: PACE_MS,
  topics: [{ topic: Topic.IapiReplies, partitions: 4 }],
} as unknown as KafkaSettings;

const batch = (partition: number, offsets: number[]) =>
  ({
    batch: {
      topic: `t.${Topic.IapiReplies}`,
      partition,
      messages: offsets.map(
        (o) =>
          ({
            offset: String(o),
            key: Buffer.from(`r${o}`),
            value: Buffer.from('{}'),
            headers: {},
            timestamp: '0',
          }) as KafkaMessage,
      ),
    },
  }) as unknown as EachBatchPayload;

describe('ReplyListener', () => {
  it('waits long for an empty fetch, hands records over at once, and paces the fetches that bring some', async () => {
    const { kafka, seen } = fakeKafka();
    const got: ConsumedRecord[] = [];
    const listener = new ReplyListener(kafka, settings, Topic.IapiReplies, (r) => got.push(r), 'spec');
    await listener.start();
    expect(seen.options?.maxWaitTimeInMs).toBe(REPLY_FETCH_WAIT_MS);
    expect(seen.run?.partitionsConsumedConcurrently).toBe(4);
    expect(seen.run?.autoCommit).toBe(false);
    const started = Date.now();
    seen.fetchStart!();
    const one = seen.run!.eachBatch!(batch(0, [1, 2]));
    const two = seen.run!.eachBatch!(batch(3, [7]));
    // Delivered before the linger, in order, with their partition.
    expect(got.map((r) => [r.partition, r.key])).toEqual([
      [0, 'r1'],
      [0, 'r2'],
      [3, 'r7'],
    ]);
    await Promise.all([one, two]);
    const waited = Date.now() - started;
    // One wait for the fetch (until the interval since it began), not one per batch.
    expect(waited).toBeGreaterThanOrEqual(PACE_MS - 1);
    expect(waited).toBeLessThan(PACE_MS * 2 + 20);
    // A fetch that brought nothing does not wait, nor one that began long enough ago.
    seen.fetchStart!();
    const empty = Date.now();
    await seen.run!.eachBatch!(batch(1, []));
    expect(Date.now() - empty).toBeLessThan(PACE_MS);
    await new Promise((r) => setTimeout(r, PACE_MS + 2));
    const late = Date.now();
    await seen.run!.eachBatch!(batch(2, [9]));
    expect(Date.now() - late).toBeLessThan(PACE_MS);
    await listener.stop();
  });
});
