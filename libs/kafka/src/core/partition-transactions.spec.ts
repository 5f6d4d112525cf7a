import type { Kafka } from 'kafkajs';

import { isFenced, PartitionTransactions } from './partition-transactions';
import type { KafkaSettings } from './settings';

describe('isFenced', () => {
  it('recognises a newer producer with the same transactional id, also when wrapped', () => {
    const epoch = Object.assign(new Error('Producer attempted an operation with an old epoch'), {
      type: 'INVALID_PRODUCER_EPOCH',
    });
    expect(isFenced(epoch)).toBe(true);
    expect(isFenced({ type: 'PRODUCER_FENCED' })).toBe(true);
    expect(isFenced(Object.assign(new Error('retried'), { cause: epoch }))).toBe(true);
  });

  it('does not take an unavailable broker or a refused record for fencing', () => {
    expect(isFenced(Object.assign(new Error('x'), { type: 'NOT_COORDINATOR', retriable: true }))).toBe(false);
    expect(isFenced(Object.assign(new Error('x'), { type: 'MESSAGE_TOO_LARGE' }))).toBe(false);
    expect(isFenced(undefined)).toBe(false);
  });
});

describe('PartitionTransactions', () => {
  /** A kafkajs stand-in that records the producers made and what happens to them. */
  function fake() {
    const events: string[] = [];
    const kafka = {
      admin: () => ({
        connect: async () => undefined,
        disconnect: async () => undefined,
        fetchOffsets: async () => [{ topic: 't', partitions: [{ partition: 3, offset: '42' }] }],
      }),
      producer: ({ transactionalId }: { transactionalId: string }) => ({
        connect: async () => void events.push(`connect ${transactionalId}`),
        disconnect: async () => void events.push(`disconnect ${transactionalId}`),
        transaction: async () => {
          events.push(`init ${transactionalId}`);
          return { abort: async () => undefined };
        },
      }),
    } as unknown as Kafka;
    const txs = new PartitionTransactions(kafka, { prefix: 'p.' } as KafkaSettings, 'stage', 'p.group');
    return { txs, events };
  }

  it('names the producer after the input partition, not the instance, and fences before it reads the offset', async () => {
    const { txs, events } = fake();
    await txs.connect();
    expect(txs.transactionalId('p.t', 3)).toBe('p.stage.p.t.3');
    expect(await txs.claim('p.t', 3)).toBe(42n);
    // The transactional producer id is initialised (the fence) at claim, not at the first commit.
    expect(events).toEqual(['connect p.stage.p.t.3', 'init p.stage.p.t.3']);
    expect(txs.owns('p.t', 3)).toBe(true);
  });

  it('lets go of the producers of partitions no longer assigned', async () => {
    const { txs, events } = fake();
    await txs.connect();
    await txs.claim('p.t', 3);
    await txs.claim('p.t', 1);
    await txs.keepOnly({ 'p.t': [1] });
    expect(txs.owns('p.t', 3)).toBe(false);
    expect(txs.owns('p.t', 1)).toBe(true);
    expect(events).toContain('disconnect p.stage.p.t.3');
  });
});
