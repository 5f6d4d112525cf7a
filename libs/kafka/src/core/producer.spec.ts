import { Topic } from '@paxscreen/contracts';
import type { Kafka, ProducerBatch, ProducerRecord } from 'kafkajs';

import { EventProducer, isRecordRefused, RecordTooLargeError } from './producer';
import type { KafkaSettings } from './settings';

/** A kafkajs producer stand-in whose requests complete when the test says so. */
function fakeKafka() {
  const requests: { record: ProducerRecord; finish: (err?: Error) => void }[] = [];
  const batches: { batch: ProducerBatch; finish: (err?: Error) => void }[] = [];
  const producer = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    send: (record: ProducerRecord) =>
      new Promise<void>((resolve, reject) =>
        requests.push({ record, finish: (err) => (err ? reject(err) : resolve()) }),
      ),
    sendBatch: (batch: ProducerBatch) =>
      new Promise<void>((resolve, reject) =>
        batches.push({ batch, finish: (err) => (err ? reject(err) : resolve()) }),
      ),
  };
  return { kafka: { producer: () => producer } as unknown as Kafka, requests, batches };
}

const settings = { prefix: 't.' } as KafkaSettings;
const tick = () => new Promise((r) => setImmediate(r));
const values = (r: ProducerRecord) => r.messages.map((m) => String(m.value));

describe('EventProducer.send', () => {
  it('sends at once when idle, and what queued meanwhile in one request, in arrival order', async () => {
    const { kafka, requests } = fakeKafka();
    const p = new EventProducer(kafka, settings);
    const first = p.send(Topic.Audit, [{ key: 'a', value: Buffer.from('1') }]);
    await tick();
    expect(requests).toHaveLength(1);
    const second = p.send(Topic.Audit, [{ key: 'b', value: Buffer.from('2') }]);
    const third = p.send(Topic.Audit, [{ key: 'c', value: Buffer.from('3') }]);
    await tick();
    expect(requests).toHaveLength(1);
    requests[0].finish();
    await first;
    await tick();
    expect(requests).toHaveLength(2);
    expect(requests[1].record.topic).toBe(`t.${Topic.Audit}`);
    expect(values(requests[1].record)).toEqual(['2', '3']);
    requests[1].finish();
    await expect(Promise.all([second, third])).resolves.toEqual([undefined, undefined]);
  });

  it('sends what callers hand over in the same turn of the event loop in one request', async () => {
    const { kafka, requests } = fakeKafka();
    const p = new EventProducer(kafka, settings);
    // The batches of one fetch, handled concurrently: each publishes when its handler is done.
    const sends = ['1', '2', '3'].map(async (v) => {
      await Promise.resolve();
      return p.send(Topic.Audit, [{ key: v, value: Buffer.from(v) }]);
    });
    await tick();
    await tick();
    expect(requests).toHaveLength(1);
    expect(values(requests[0].record)).toEqual(['1', '2', '3']);
    requests[0].finish();
    await expect(Promise.all(sends)).resolves.toEqual([undefined, undefined, undefined]);
  });

  it('fails every caller whose records were in a failed request, and goes on with the next', async () => {
    const { kafka, requests } = fakeKafka();
    const p = new EventProducer(kafka, settings);
    const first = p.send(Topic.Audit, [{ key: 'a', value: Buffer.from('1') }]);
    await tick();
    const second = p.send(Topic.Audit, [{ key: 'b', value: Buffer.from('2') }]);
    requests[0].finish(new Error('broker gone'));
    await expect(first).rejects.toThrow('broker gone');
    await tick();
    requests[1].finish();
    await expect(second).resolves.toBeUndefined();
  });

  it('serialises a JSON value once: the size check and the request share its bytes', async () => {
    const { kafka, requests } = fakeKafka();
    const p = new EventProducer(kafka, settings);
    let serialised = 0;
    const value = { toJSON: () => (serialised++, { n: 1 }) };
    const sent = p.send(Topic.Audit, [{ key: 'a', value }]);
    await tick();
    expect(values(requests[0].record)).toEqual(['{"n":1}']);
    requests[0].finish();
    await sent;
    expect(serialised).toBe(1);
  });

  it('sends records for several topics (sendAll) in one request, and those of one topic with send', async () => {
    const { kafka, requests, batches } = fakeKafka();
    const p = new EventProducer(kafka, settings);
    const both = p.sendAll([
      { topic: Topic.IapiReplies, records: [{ key: 'r', value: Buffer.from('reply') }] },
      { topic: Topic.Decisions, records: [{ key: 'd', value: Buffer.from('decision') }] },
      { topic: Topic.Audit, records: [] },
    ]);
    await tick();
    expect(requests).toHaveLength(0);
    expect(batches).toHaveLength(1);
    expect(
      batches[0].batch.topicMessages?.map((t) => [t.topic, t.messages.map((m) => String(m.value))]),
    ).toEqual([
      [`t.${Topic.IapiReplies}`, ['reply']],
      [`t.${Topic.Decisions}`, ['decision']],
    ]);
    batches[0].finish();
    await expect(both).resolves.toBeUndefined();
  });

  it('refuses a record larger than its topic takes at once, alone, and sends the others', async () => {
    const { kafka, requests } = fakeKafka();
    const p = new EventProducer(kafka, settings);
    // 2 MiB: within the raw topic's 12 MiB, beyond the audit topic's 1 MiB.
    const big = Buffer.alloc(2 * 1024 * 1024);
    const refused = p.send(Topic.Audit, [{ key: 'x', value: big }]);
    const fine = p.send(Topic.MessagesRaw, [{ key: 'y', value: big }]);
    await expect(refused).rejects.toBeInstanceOf(RecordTooLargeError);
    await tick();
    expect(requests.map((r) => r.record.topic)).toEqual([`t.${Topic.MessagesRaw}`]);
    requests[0].finish();
    await expect(fine).resolves.toBeUndefined();
  });
});

describe('isRecordRefused', () => {
  it('tells a broker refusing the records from a broker that is unavailable, also when wrapped', () => {
    const tooLarge = Object.assign(new Error('too large'), { type: 'MESSAGE_TOO_LARGE', retriable: false });
    expect(isRecordRefused(tooLarge)).toBe(true);
    expect(isRecordRefused(Object.assign(new Error('retries exceeded'), { cause: tooLarge }))).toBe(true);
    expect(isRecordRefused(Object.assign(new Error('retries exceeded'), { originalError: tooLarge }))).toBe(
      true,
    );
    expect(isRecordRefused(new RecordTooLargeError(Topic.Audit, 2))).toBe(true);
    expect(isRecordRefused(Object.assign(new Error('gone'), { type: 'NOT_LEADER_FOR_PARTITION' }))).toBe(
      false,
    );
    expect(isRecordRefused(new Error('Connection error'))).toBe(false);
    expect(isRecordRefused(undefined)).toBe(false);
  });
});
