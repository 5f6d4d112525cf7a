import type { EachBatchPayload, Kafka, KafkaMessage, Message } from 'kafkajs';

import { DeadLetter, Topic } from '@paxscreen/contracts';

import { BatchConsumer, BatchHandler, BatchStats, ConsumedRecord, OutputBatch } from './consumer';
import type { KafkaSettings } from './settings';

/** A sent message with the topic it went to. */
type Sent = Message & { topic: string };

/**
 * A kafkajs stand-in: the consumer is never run; the producer records what it was asked to send,
 * and refuses (as a broker does) what `refuse` says it would.
 */
function fakeKafka(
  sent: Message[],
  refuse: (topic: string, m: Message) => boolean = () => false,
  /** Awaited before each produce request is answered (a broker round trip). */
  roundTrip: (request: { topic: string; messages: Message[] }) => Promise<void> = async () => undefined,
): Kafka {
  const producer = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    send: async (request: { topic: string; messages: Message[] }) => {
      await roundTrip(request);
      if (request.messages.some((m) => refuse(request.topic, m)))
        throw Object.assign(new Error('The request included a message larger than the max message size'), {
          name: 'KafkaJSProtocolError',
          type: 'MESSAGE_TOO_LARGE',
          retriable: false,
        });
      for (const m of request.messages) sent.push({ ...m, topic: request.topic } as Sent);
    },
    sendBatch: async (request: { topicMessages: { topic: string; messages: Message[] }[] }) => {
      for (const part of request.topicMessages) await producer.send(part);
    },
  };
  return { consumer: () => ({}), producer: () => producer } as unknown as Kafka;
}

/** Keys of what went to `topic`. */
const keysOn = (sent: Message[], topic: Topic) =>
  (sent as Sent[]).filter((m) => m.topic === topic).map((m) => m.key);

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

/** The dead letters among the sent messages. */
const lettersIn = (sent: Message[]) =>
  (sent as Sent[])
    .filter((m) => m.topic === Topic.DeadLetter)
    .map((m) => JSON.parse(String(m.value)) as DeadLetter.Value);

function consumer(
  handler: BatchHandler,
  sent: Message[],
  poisoned: string[],
  refuse?: (topic: string, m: Message) => boolean,
  extra: { maxRecords?: number; onBatch?: (stats: BatchStats) => void } = {},
  roundTrip?: (request: { topic: string; messages: Message[] }) => Promise<void>,
) {
  const c = new BatchConsumer(
    fakeKafka(sent, refuse, roundTrip),
    { prefix: '' } as KafkaSettings,
    {
      groupId: 'g',
      topics: [Topic.Travellers],
      attempts: 2,
      stage: 'screening',
      isTransient: (e) => e instanceof Outage,
      onDeadLetter: (record, reason) => void poisoned.push(`${record.offset} ${reason.code}`),
      ...extra,
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
    expect(keysOn(sent, Topic.Decisions)).toEqual(['0', '1', '2']);
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
    expect(poisoned).toEqual(['1 HANDLER_FAILED']);
    expect(keysOn(sent, Topic.Decisions)).toEqual(['0', '2']);
    const letters = lettersIn(sent);
    expect(letters.map((l) => [l.offset, l.code, l.stage])).toEqual([['1', 'HANDLER_FAILED', 'screening']]);
    expect(DeadLetter.deadLetterBytes(letters, letters[0].payload!.deadLetterId).toString()).toBe('v1');
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
      { groupId: 'g', topics: [Topic.Travellers], commitIntervalMs: 20, stage: 'screening' },
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

describe('BatchConsumer: output values serialised once per commit', () => {
  it('checks the size of and sends the same bytes (one JSON.stringify per decision, not three)', async () => {
    const sent: Message[] = [];
    let serialised = 0;
    const handler = async (records: ConsumedRecord[]): Promise<OutputBatch[]> => [
      {
        topic: Topic.Decisions,
        records: records.map((r) => ({
          key: r.offset,
          value: { toJSON: () => (serialised++, { offset: r.offset }) },
        })),
      },
    ];
    const { p, resolved } = payload(2);
    await consumer(handler, sent, []).eachBatch(p);
    expect((sent as Sent[]).map((m) => String(m.value))).toEqual(['{"offset":"0"}', '{"offset":"1"}']);
    expect(resolved).toEqual(['1']);
    expect(serialised).toBe(2);
  });
});

describe('BatchConsumer: no record holds up its partition', () => {
  /** A handler whose output for the record at offset `big` is larger than the topic takes. */
  const withHugeOutput =
    (big: string, topic = Topic.Travellers) =>
    async (records: ConsumedRecord[]): Promise<OutputBatch[]> => [
      {
        topic,
        records: records.map((r) => ({
          key: r.offset,
          value: r.offset === big ? Buffer.alloc(2 * 1024 * 1024, 65) : r.value,
        })),
      },
    ];

  it('dead-letters the record whose output is too large for its topic, before sending, and publishes the others', async () => {
    const sent: Message[] = [];
    const poisoned: string[] = [];
    const c = consumer(withHugeOutput('1'), sent, poisoned);
    const { p, resolved } = payload(3);
    await c.eachBatch(p);
    expect(keysOn(sent, Topic.Travellers)).toEqual(['0', '2']);
    expect(poisoned).toEqual(['1 OUTPUT_TOO_LARGE']);
    const letters = lettersIn(sent);
    expect(letters.map((l) => [l.offset, l.code])).toEqual([['1', 'OUTPUT_TOO_LARGE']]);
    expect(letters[0].message).toMatch(/2097\d+ bytes is larger than paxscreen.travellers.v2 accepts/);
    expect(resolved).toEqual(['2']);
  });

  it('does the same when the broker refuses the output (its limit below the one in libs/contracts)', async () => {
    const sent: Message[] = [];
    const poisoned: string[] = [];
    const c = consumer(
      withHugeOutput('0', Topic.Decisions),
      sent,
      poisoned,
      (topic, m) => topic === Topic.Decisions && String(m.value).length > 1_000_000,
    );
    const { p, resolved } = payload(3);
    await c.eachBatch(p);
    expect(keysOn(sent, Topic.Decisions)).toEqual(['1', '2']);
    expect(poisoned).toEqual(['0 OUTPUT_TOO_LARGE']);
    expect(lettersIn(sent).map((l) => l.offset)).toEqual(['0']);
    expect(resolved).toEqual(['2']);
  });

  it('writes a dead letter without the bytes when the one with them is refused too', async () => {
    const sent: Message[] = [];
    const poisoned: string[] = [];
    const c = consumer(
      async () => {
        throw new Error('cannot read this record');
      },
      sent,
      poisoned,
      // The dead-letter topic refuses anything holding bytes.
      (topic, m) => topic === Topic.DeadLetter && !String(m.value).includes('"payloadBase64":""'),
    );
    const { p, resolved } = payload(1);
    await c.eachBatch(p);
    const letters = lettersIn(sent);
    expect(letters.map((l) => [l.code, l.payload?.parts, l.payloadReference])).toEqual([
      ['HANDLER_FAILED', 0, `${Topic.Travellers}/0/0`],
    ]);
    expect(letters[0].payload?.bytes).toBe(2);
    expect(() => DeadLetter.deadLetterBytes(letters, letters[0].payload!.deadLetterId)).toThrow(
      /holds no bytes; they are at paxscreen.travellers.v2\/0\/0/,
    );
    expect(poisoned).toEqual(['0 HANDLER_FAILED']);
    expect(resolved).toEqual(['0']);
  });

  it('leaves the batch uncommitted only when the broker refuses every record, whatever its size', async () => {
    const sent: Message[] = [];
    const c = consumer(
      async (records) => echo(records),
      sent,
      [],
      () => true,
    );
    const { p, resolved } = payload(2);
    await expect(c.eachBatch(p)).rejects.toThrow(/batch not committed/);
    expect({ sent, resolved }).toEqual({ sent: [], resolved: [] });
  });
});

describe('BatchConsumer: a batch is handled whole, then committed', () => {
  const run = async (maxRecords: number, count: number) => {
    const seen: number[] = [];
    const requests: string[][] = [];
    const stats: BatchStats[] = [];
    const c = consumer(
      async (records) => (seen.push(records.length), echo(records)),
      [],
      [],
      undefined,
      { maxRecords, onBatch: (s) => void stats.push(s) },
      async (request) => void requests.push(request.messages.map((m) => String(m.key))),
    );
    const { p, resolved } = payload(count);
    await c.eachBatch(p);
    return { seen, requests, resolved, stats };
  };
  const keys = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => String(from + i));

  it('hands the whole batch at once and publishes its outputs in one request', async () => {
    const r = await run(2000, 30);
    expect(r).toMatchObject({ seen: [30], requests: [keys(0, 30)], resolved: ['29'] });
    expect(r.stats.map((s) => [s.records, s.lag])).toEqual([[30, 0]]);
  });

  it('takes a batch larger than maxRecords in parts of maxRecords, each committed before the next is handled', async () => {
    const r = await run(20, 30);
    expect(r).toMatchObject({
      seen: [20, 10],
      requests: [keys(0, 20), keys(20, 30)],
      resolved: ['19', '29'],
    });
    expect(r.stats.map((s) => [s.records, s.lag])).toEqual([
      [20, 10],
      [10, 0],
    ]);
  });

  it("reports where the batch's time went: handling, then the commit", async () => {
    const stats: BatchStats[] = [];
    const c = consumer(
      async (records) => {
        await new Promise((r) => setTimeout(r, 30));
        return echo(records);
      },
      [],
      [],
      undefined,
      { onBatch: (s) => void stats.push(s) },
      () => new Promise((r) => setTimeout(r, 50)),
    );
    await c.eachBatch(payload(3).p);
    const waits = stats[0].waits!;
    expect(waits.handled).toBeGreaterThanOrEqual(25);
    expect(waits.committed).toBeGreaterThanOrEqual(45);
    expect(stats[0].millis).toBe(waits.handled + waits.committed);
  });
});
