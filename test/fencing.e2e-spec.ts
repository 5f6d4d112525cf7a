import { Topic } from '@paxscreen/contracts';
import {
  BatchConsumer,
  ConsumedRecord,
  createKafka,
  ensureTopics,
  EventProducer,
  kafkaSettingsFromEnv,
  OutputBatch,
} from '@paxscreen/kafka';
import { testEnv, uniquePrefix, waitFor } from '@paxscreen/testing';

import { TopicReader } from './support/topic-reader';

/**
 * Issue 19, fencing: a member that stalls mid-batch (here: its handler hangs, so it sends no
 * heartbeat) loses its partition to another member; when it wakes up it must not publish that
 * batch a second time. kafkajs has no KIP-447: the transactional id per input partition
 * (PartitionTransactions) is what fences it. One partition, the broker's shortest session.
 * The process-level version (SIGSTOP of a screening instance) is a case of the chaos run.
 */
const RECORDS = 30;
const SESSION_MS = 6000;

const echo = (records: ConsumedRecord[]): OutputBatch[] => [
  { topic: Topic.Decisions, records: records.map((r) => ({ key: r.offset, value: { offset: r.offset } })) },
];

describe('fencing: a stalled member cannot publish its batch after another took its partition', () => {
  const prefix = uniquePrefix('fencing');
  const settings = kafkaSettingsFromEnv(testEnv(prefix, { KAFKA_PARTITIONS: '1' }));
  const kafka = createKafka(settings, 'fencing-test');
  const consumers: BatchConsumer[] = [];
  let decisions: TopicReader;

  const member = (
    handler: (records: ConsumedRecord[]) => Promise<OutputBatch[]>,
    onError?: (error: unknown) => void,
  ) => {
    const c = new BatchConsumer(
      kafka,
      settings,
      {
        groupId: 'fencing',
        topics: [Topic.Travellers],
        stage: 'screening',
        transactionalIdPrefix: 'fencing',
        sessionTimeoutMs: SESSION_MS,
        onError,
      },
      handler,
    );
    consumers.push(c);
    return c;
  };

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, settings);
    await admin.disconnect();
    const producer = new EventProducer(kafka, settings);
    await producer.connect();
    await producer.send(
      Topic.Travellers,
      Array.from({ length: RECORDS }, (_, i) => ({ key: `k${i}`, value: { n: i } })),
    );
    await producer.disconnect();
    decisions = await new TopicReader(prefix, Topic.Decisions).start();
  });

  afterAll(async () => {
    for (const c of consumers) await c.stop().catch(() => undefined);
    await decisions?.stop();
  });

  it('publishes every output once (read_committed) when the stalled member wakes up', async () => {
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    let stalledOn = 0;
    const refused: string[] = [];
    // A: stalls on its first batch until B has taken the partition over and published everything.
    await member(
      async (records) => {
        if (stalledOn++ === 0) await woken;
        return echo(records);
      },
      (error) => refused.push(error instanceof Error ? error.message : String(error)),
    ).start();
    await waitFor(() => stalledOn > 0, { what: 'the first member mid-batch', timeoutMs: 30_000 });

    await member(async (records) => echo(records)).start();
    await waitFor(() => decisions.records.length >= RECORDS || undefined, {
      what: 'the second member publishing the batch',
      timeoutMs: 60_000,
    });

    wake();
    // The stalled member tries to commit its batch now: refused (fenced), it rejoins the group.
    // (With a transactional id per instance instead, its commit goes through: 60 decisions.)
    await waitFor(() => refused.length > 0 || decisions.records.length > RECORDS || undefined, {
      what: 'the stalled member trying to commit',
      timeoutMs: 30_000,
    });
    await new Promise((r) => setTimeout(r, 3000));

    const offsets = decisions.records.map((r) => r.key);
    expect(offsets).toHaveLength(RECORDS);
    expect(new Set(offsets).size).toBe(RECORDS);
    expect(refused.some((m) => /epoch|fenced/i.test(m))).toBe(true);
  });
});
