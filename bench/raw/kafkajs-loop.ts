/**
 * The bare kafkajs loop of the raw suite, run as its own process (like each service):
 *   node -r @swc-node/register bench/raw/kafkajs-loop.ts produce|consume <brokers> <topic> <count> <bytes>
 * `produce` sends `count` records of `bytes` bytes in batches of 1,000 with the settings the
 * services use (idempotent, acks = all, one request in flight); `consume` reads `count` records
 * from the beginning in a consumer group with the services' fetch settings. Each prints one JSON
 * line: { records, ms, firstAt, lastAt } (epoch ms of the first and last record handled).
 */
import { Kafka, logLevel } from 'kafkajs';

const BATCH = 1000;

async function produce(kafka: Kafka, topic: string, count: number, bytes: number): Promise<void> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const value = Buffer.alloc(bytes, 'x');
  const started = Date.now();
  for (let sent = 0; sent < count; sent += BATCH) {
    const n = Math.min(BATCH, count - sent);
    const messages = Array.from({ length: n }, (_, i) => ({ key: `flight-${(sent + i) % 512}`, value }));
    await producer.send({ topic, acks: -1, messages });
  }
  const ended = Date.now();
  await producer.disconnect();
  console.log(JSON.stringify({ records: count, ms: ended - started, firstAt: started, lastAt: ended }));
}

async function consume(kafka: Kafka, topic: string, count: number): Promise<void> {
  const consumer = kafka.consumer({
    groupId: `raw-${topic}-${process.pid}`,
    maxBytesPerPartition: 4 * 1024 * 1024,
    maxWaitTimeInMs: 50,
    allowAutoTopicCreation: false,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  let firstAt = 0;
  const done = new Promise<number>((resolve) => {
    void consumer.run({
      autoCommit: true,
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        if (firstAt === 0) firstAt = Date.now();
        // Touch each value as a handler would (length only: the decoding cost is the pipeline's).
        for (const m of batch.messages) if (m.value && m.value.length > 0) seen++;
        resolveOffset(batch.messages[batch.messages.length - 1].offset);
        await heartbeat();
        if (seen >= count) resolve(Date.now());
      },
    });
  });
  const lastAt = await done;
  await consumer.disconnect();
  console.log(JSON.stringify({ records: seen, ms: lastAt - firstAt, firstAt, lastAt }));
}

async function main(): Promise<void> {
  const [mode, brokers, topic, countArg, bytesArg] = process.argv.slice(2);
  const kafka = new Kafka({ clientId: `raw-${mode}`, brokers: brokers.split(','), logLevel: logLevel.ERROR });
  if (mode === 'produce') await produce(kafka, topic, Number(countArg), Number(bytesArg));
  else await consume(kafka, topic, Number(countArg));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
