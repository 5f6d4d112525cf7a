import type { ConsumerRunConfig, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';

import { Topic } from '@paxscreen/contracts';

import { type ConsumedRecord, TopicReplayer } from './consumer';
import type { KafkaSettings } from './settings';

const message = (offset: number): KafkaMessage =>
  ({
    offset: String(offset),
    key: Buffer.from(`LIST:e${offset}`),
    value: Buffer.from(`v${offset}`),
    headers: {},
    timestamp: '0',
  }) as KafkaMessage;

/**
 * A kafkajs stand-in for one partition holding `count` records: the admin reports its watermarks;
 * `deliver` hands the replayer's eachBatch the given offsets, as a run of the consumer would (a
 * consumer restarted by kafkajs with no committed offset starts again at offset 0).
 */
function fakeKafka(count: number) {
  let config: ConsumerRunConfig | undefined;
  const consumer = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    subscribe: async () => undefined,
    run: async (c: ConsumerRunConfig) => void (config = c),
    on: () => () => undefined,
    events: { CRASH: 'consumer.crash' },
    seek: () => undefined,
  };
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    fetchTopicOffsets: async () => [{ partition: 0, low: '0', high: String(count), offset: String(count) }],
  };
  const kafka = { consumer: () => consumer, admin: () => admin } as unknown as Kafka;
  const deliver = async (offsets: number[]) => {
    const messages = offsets.map(message);
    await config!.eachBatch!({
      batch: {
        topic: Topic.Watchlist,
        partition: 0,
        messages,
        lastOffset: () => messages[messages.length - 1].offset,
      },
      heartbeat: async () => undefined,
    } as unknown as EachBatchPayload);
  };
  return { kafka, deliver };
}

describe('TopicReplayer', () => {
  it('hands each record over once: a consumer restarted from the beginning (no committed offset) repeats nothing', async () => {
    const { kafka, deliver } = fakeKafka(3);
    const seen: string[] = [];
    const replayer = new TopicReplayer(
      kafka,
      { prefix: '' } as KafkaSettings,
      [Topic.Watchlist],
      (records) => {
        for (const r of records) seen.push(r.offset);
      },
    );
    await replayer.start();
    await deliver([0, 1, 2]);
    expect(replayer.ready).toBe(true);
    // kafkajs restarted the consumer (a crash, a broker restart): the throw-away group committed
    // nothing, so it reads the partition from the beginning, then the new record 3.
    await deliver([0, 1, 2, 3]);
    await deliver([3]);
    expect(seen).toEqual(['0', '1', '2', '3']);
  });

  it('hands a batch over again when applying it failed (nothing is marked applied)', async () => {
    const { kafka, deliver } = fakeKafka(2);
    const seen: string[] = [];
    let fail = true;
    const replayer = new TopicReplayer(
      kafka,
      { prefix: '' } as KafkaSettings,
      [Topic.Watchlist],
      (records: ConsumedRecord[]) => {
        if (fail) throw new Error('not now');
        for (const r of records) seen.push(r.offset);
      },
    );
    await replayer.start();
    await expect(deliver([0, 1])).rejects.toThrow('not now');
    fail = false;
    await deliver([0, 1]);
    expect(seen).toEqual(['0', '1']);
  });
});
