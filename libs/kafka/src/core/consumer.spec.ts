import type { EachBatchPayload, Kafka, KafkaMessage, Message } from 'kafkajs';

import { Topic } from '@paxscreen/contracts';

import { BatchConsumer, BatchHandler, ConsumedRecord, OutputBatch } from './consumer';
import type { KafkaSettings } from './settings';

/** A kafkajs stand-in: the consumer is never run; the producer records what it was asked to send. */
function fakeKafka(sent: Message[]): Kafka {
  const producer = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    send: async (request: { messages: Message[] }) => void sent.push(...request.messages),
  };
  return { consumer: () => ({}), producer: () => producer } as unknown as Kafka;
}

const message = (offset: number): KafkaMessage =>
  ({
    offset: String(offset),
    key: null,
    value: Buffer.from(`v${offset}`),
    headers: {},
    timestamp: '0',
  }) as KafkaMessage;

function payload(count: number, running: () => boolean = () => true) {
  const resolved: string[] = [];
  const p = {
    batch: {
      topic: Topic.Travellers,
      partition: 0,
      highWatermark: String(count),
      messages: Array.from({ length: count }, (_, i) => message(i)),
    },
    resolveOffset: (offset: string) => void resolved.push(offset),
    heartbeat: async () => undefined,
    commitOffsetsIfNecessary: async () => undefined,
    isRunning: running,
    isStale: () => false,
  } as unknown as EachBatchPayload;
  return { p, resolved };
}

const echo = (records: ConsumedRecord[]): OutputBatch[] => [
  { topic: Topic.Decisions, records: records.map((r) => ({ key: r.offset, value: r.value })) },
];

class Outage extends Error {}

function consumer(handler: BatchHandler, sent: Message[], poisoned: string[]) {
  const c = new BatchConsumer(
    fakeKafka(sent),
    { prefix: '' } as KafkaSettings,
    {
      groupId: 'g',
      topics: [Topic.Travellers],
      attempts: 2,
      isTransient: (e) => e instanceof Outage,
      onPoison: (record) => {
        poisoned.push(record.offset);
        return [];
      },
    },
    handler,
  );
  return c as unknown as { eachBatch(p: EachBatchPayload): Promise<void> };
}

describe('BatchConsumer (at-least-once mode): dependency outages versus bad records', () => {
  it('waits through an outage longer than every attempt: nothing is dead-lettered', async () => {
    const sent: Message[] = [];
    const poisoned: string[] = [];
    let calls = 0;
    const c = consumer(
      async (records) => {
        if (++calls <= 4) throw new Outage('Connection is closed.');
        return echo(records);
      },
      sent,
      poisoned,
    );
    const { p, resolved } = payload(3);
    await c.eachBatch(p);
    expect(poisoned).toEqual([]);
    expect(sent.map((m) => m.key)).toEqual(['0', '1', '2']);
    expect(resolved).toEqual(['2']);
  });

  it('still dead-letters the one record that fails every attempt, and keeps the others', async () => {
    const sent: Message[] = [];
    const poisoned: string[] = [];
    const c = consumer(
      async (records) => {
        if (records.some((r) => r.offset === '1')) throw new Error('cannot read this record');
        return echo(records);
      },
      sent,
      poisoned,
    );
    const { p, resolved } = payload(3);
    await c.eachBatch(p);
    expect(poisoned).toEqual(['1']);
    expect(sent.map((m) => m.key)).toEqual(['0', '2']);
    expect(resolved).toEqual(['2']);
  });

  it('leaves without committing when it is stopped during an outage', async () => {
    const sent: Message[] = [];
    const poisoned: string[] = [];
    let running = true;
    const c = consumer(
      async () => {
        running = false;
        throw new Outage('Command timed out');
      },
      sent,
      poisoned,
    );
    const { p, resolved } = payload(2, () => running);
    await c.eachBatch(p);
    expect({ poisoned, sent, resolved }).toEqual({ poisoned: [], sent: [], resolved: [] });
  });
});

describe('BatchConsumer: a batch delivered again after this instance committed it (rejoin mid-batch)', () => {
  it('publishes nothing for records it already committed, and resolves them', async () => {
    const sent: Message[] = [];
    const c = consumer(async (records) => echo(records), sent, []);
    await c.eachBatch(payload(3).p);
    const again = payload(5);
    await c.eachBatch(again.p);
    expect(sent.map((m) => m.key)).toEqual(['0', '1', '2', '3', '4']);
    expect(again.resolved).toEqual(['4']);
  });

  it('publishes once when a second pass over the same records starts before the first has committed', async () => {
    const sent: Message[] = [];
    let release!: () => void;
    const firstPassHeld = new Promise<void>((r) => (release = r));
    let passes = 0;
    const c = consumer(
      async (records) => {
        // The first pass is slow (a long batch while the member is dropped and rejoins).
        if (++passes === 1) await firstPassHeld;
        return echo(records);
      },
      sent,
      [],
    );
    const first = payload(3);
    const second = payload(3);
    const firstDone = c.eachBatch(first.p);
    const secondDone = c.eachBatch(second.p);
    await Promise.resolve();
    release();
    await Promise.all([firstDone, secondDone]);
    expect(sent.map((m) => m.key)).toEqual(['0', '1', '2']);
    expect([first.resolved, second.resolved]).toEqual([['2'], ['2']]);
  });
});

describe('BatchConsumer (at-least-once, commitIntervalMs): offsets committed in the background', () => {
  it('publishes, resolves, then commits the next offset once the interval has passed', async () => {
    const sent: Message[] = [];
    const commits: { topic: string; partition: number; offset: string }[][] = [];
    let committedBeforePublish = false;
    const kafka = fakeKafka(sent);
    const raw = {
      commitOffsets: async (offsets: { topic: string; partition: number; offset: string }[]) => {
        committedBeforePublish ||= sent.length === 0;
        commits.push(offsets);
      },
    };
    const c = new BatchConsumer(
      { ...kafka, consumer: () => raw } as unknown as Kafka,
      { prefix: '' } as KafkaSettings,
      { groupId: 'g', topics: [Topic.Travellers], commitIntervalMs: 20, onPoison: () => [] },
      async (records) => echo(records),
    ) as unknown as { eachBatch(p: EachBatchPayload): Promise<void> };
    const { p, resolved } = payload(3);
    await c.eachBatch(p);
    expect(sent.map((m) => m.key)).toEqual(['0', '1', '2']);
    expect(resolved).toEqual(['2']);
    expect(commits).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(commits).toEqual([[{ topic: Topic.Travellers, partition: 0, offset: '3' }]]);
    expect(committedBeforePublish).toBe(false);
  });
});
