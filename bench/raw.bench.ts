import { type BenchRow, type BenchSuite } from './lib/suite';
import {
  consumerPerformance,
  createTopic,
  ensureKafkaTools,
  kafkajsConsume,
  kafkajsPipe,
  kafkajsProduce,
  producerPerformance,
  redisBenchmarkGet,
  travellerEventBytes,
} from './lib/raw-limits';
import { benchStack } from './lib/stack';

/**
 * The raw limits of this machine, on the run's private broker and redis-server: Kafka's own Java
 * ProducerPerformance / ConsumerPerformance, a bare kafkajs producer / consumer (separate processes,
 * the services' settings: idempotent, acks = all) with the size of a traveller event, both at once
 * (the rate records pass from one Node process to another through Kafka), and redis-benchmark GET
 * with a hot-path entry's size. Every pipeline figure elsewhere is a ratio to one of these.
 */
const FULL = { javaRecords: 300_000, jsRecords: 200_000, redisRequests: 200_000 };
const SMOKE = { javaRecords: 5_000, jsRecords: 5_000, redisRequests: 5_000 };
const PARTITIONS = 4;
/** A decision entry on the hot path (JSON, one traveller, one reason or none) is about this size. */
export const HOT_PATH_ENTRY_BYTES = 1500;
const REDIS_CLIENTS_LOADED = 50;

export interface RawKafkaLimits {
  eventBytes: number;
  pipe: number;
}

/** The kafkajs produce+consume rate with traveller-event-sized records (used by the e2e suite too). */
export async function measureKafkajsPipe(brokers: string, records: number): Promise<RawKafkaLimits> {
  const eventBytes = await travellerEventBytes();
  const topic = `raw.pipe.${Date.now().toString(36)}`;
  await createTopic(brokers, topic, PARTITIONS);
  const pipe = await kafkajsPipe(brokers, topic, records, eventBytes);
  return { eventBytes, pipe: pipe.recordsPerS };
}

export const rawSuite: BenchSuite = {
  name: 'raw',
  description:
    'raw limits on the run’s private broker and redis-server: Kafka ProducerPerformance / ConsumerPerformance, bare kafkajs loops with traveller-event-sized records, redis-benchmark GET',
  async run(ctx) {
    const n = ctx.smoke ? SMOKE : FULL;
    const stack = benchStack();
    await stack.startServices(ctx.log);
    ensureKafkaTools(ctx.log);
    const brokers = stack.kafka.brokers;
    const eventBytes = await travellerEventBytes();
    ctx.log(`traveller event: ${eventBytes} bytes (mean over generated traffic)`);
    const rows: BenchRow[] = [];

    const javaTopic = `raw.java.${Date.now().toString(36)}`;
    await createTopic(brokers, javaTopic, PARTITIONS);
    const jp = await producerPerformance(brokers, javaTopic, n.javaRecords, eventBytes);
    ctx.log(`ProducerPerformance: ${Math.round(jp.recordsPerS)} records/s`);
    const jc = await consumerPerformance(brokers, javaTopic, n.javaRecords);
    ctx.log(`ConsumerPerformance: ${Math.round(jc.recordsPerS)} records/s`);

    const jsTopic = `raw.js.${Date.now().toString(36)}`;
    await createTopic(brokers, jsTopic, PARTITIONS);
    const kp = await kafkajsProduce(brokers, jsTopic, n.jsRecords, eventBytes);
    ctx.log(`kafkajs produce: ${Math.round(kp.recordsPerS)} records/s`);
    const kc = await kafkajsConsume(brokers, jsTopic, n.jsRecords);
    ctx.log(`kafkajs consume: ${Math.round(kc.recordsPerS)} records/s`);
    const pipe = await measureKafkajsPipe(brokers, n.jsRecords);
    ctx.log(`kafkajs produce+consume: ${Math.round(pipe.pipe)} records/s`);

    const mb = (records: number) => (records * eventBytes) / 2 ** 20;
    rows.push(
      {
        name: `Kafka ProducerPerformance (Java), ${eventBytes} B, acks=all, idempotent`,
        values: {
          records: n.javaRecords,
          'records/s': jp.recordsPerS,
          'MiB/s': jp.mbPerS,
          'p50 ms': jp.p50Ms ?? '',
          'p99 ms': jp.p99Ms ?? '',
        },
      },
      {
        name: `Kafka ConsumerPerformance (Java), ${eventBytes} B`,
        values: { records: n.javaRecords, 'records/s': jc.recordsPerS, 'MiB/s': jc.mbPerS },
      },
      {
        name: `kafkajs produce loop, ${eventBytes} B, batches of 1,000, acks=all, idempotent`,
        values: {
          records: n.jsRecords,
          'records/s': kp.recordsPerS,
          'MiB/s': (mb(n.jsRecords) * 1000) / kp.ms,
        },
        ratio: { to: 'ProducerPerformance', value: kp.recordsPerS / jp.recordsPerS },
      },
      {
        name: `kafkajs consume loop, ${eventBytes} B`,
        values: {
          records: n.jsRecords,
          'records/s': kc.recordsPerS,
          'MiB/s': (mb(n.jsRecords) * 1000) / kc.ms,
        },
        ratio: { to: 'ConsumerPerformance', value: kc.recordsPerS / jc.recordsPerS },
      },
      {
        name: 'kafkajs produce+consume (two processes at once; the pipeline’s reference)',
        values: { records: n.jsRecords, 'records/s': pipe.pipe },
        ratio: { to: 'ProducerPerformance', value: pipe.pipe / jp.recordsPerS },
      },
    );

    for (const clients of [1, REDIS_CLIENTS_LOADED]) {
      const r = await redisBenchmarkGet(stack.redis.port, n.redisRequests, clients, HOT_PATH_ENTRY_BYTES);
      ctx.log(
        `redis-benchmark GET -c ${clients}: ${Math.round(r.requestsPerS)} requests/s, p99 ${r.p99Ms} ms`,
      );
      rows.push({
        name: `redis-benchmark GET, ${HOT_PATH_ENTRY_BYTES} B values, ${clients} connection${clients > 1 ? 's' : ''}`,
        values: {
          records: n.redisRequests,
          'requests/s': r.requestsPerS,
          'p50 ms': r.p50Ms,
          'p99 ms': r.p99Ms,
        },
      });
    }
    return rows;
  },
};
