import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { sql } from 'kysely';

import { Topic } from '@paxscreen/contracts';
import { createKafka, EventProducer, kafkaSettingsFromEnv } from '@paxscreen/kafka';
import { createDatabase, ensureDatabaseExists, postgresSettingsFromEnv } from '@paxscreen/postgres';
import { decisionRow, emptyRows, RecordsDatabase, RecordsWriter } from '@paxscreen/records';
import { testDecisionEvent } from '@paxscreen/testing';

import { startRecords } from '../apps/records/src/records.app';
import { BENCH_PORTS, benchDatabaseUrl } from './lib/services';
import { benchStack } from './lib/stack';
import { type BenchRow, type BenchSuite, RESULTS_DIR } from './lib/suite';

/**
 * Records ingest (issue 15): decisions written to PostgreSQL per second, (1) by the writer alone
 * (multi-row inserts, one transaction per batch) and (2) end to end through Kafka by the records
 * service in its own consumer group, set against the pipeline's capacity measured by the e2e
 * suite of the same run (bench/results[/tmp]/e2e.json; `npm run bench` runs e2e first).
 * PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL's server, else the local one; database
 * `paxscreen_bench`, a schema per run, dropped at the end.
 */
const FULL = { decisions: 100_000, batch: 5000 };
const SMOKE = { decisions: 2_000, batch: 1000 };
const MS_PER_S = 1000;

/** The pipeline's capacity (travellers/s, gateway → decision) from the e2e suite's latest result. */
function pipelineCapacity(smoke: boolean): { perSecond: number; at: string } | undefined {
  const file = join(smoke ? join(RESULTS_DIR, 'tmp') : RESULTS_DIR, 'e2e.json');
  if (!existsSync(file)) return undefined;
  const result = JSON.parse(readFileSync(file, 'utf8')) as {
    startedAt: string;
    rows: { name: string; values: Record<string, number | string> }[];
  };
  const row = result.rows.find((r) => r.name.startsWith('capacity:'));
  const v = row?.values['travellers/s'];
  return typeof v === 'number' ? { perSecond: v, at: result.startedAt } : undefined;
}

const events = (n: number, run: string) => {
  const date = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: n }, (_, i) =>
    testDecisionEvent(
      { carrier: 'QB', number: String(1 + (i % 400)).padStart(4, '0'), date },
      {
        travellerId: `${run}-${i}`,
        surname: `SURNAME${i % 5000}`,
        givenNames: `GIVEN${i % 97}`,
        dateOfBirth: '1980-01-01',
        nationality: 'AUS',
        document: { issuer: 'AUS', number: `PA${String(i).padStart(7, '0')}` },
      },
    ),
  );
};

export const recordsSuite: BenchSuite = {
  name: 'records',
  description:
    'records ingest (apps/records, PostgreSQL): decisions written per second vs the pipeline capacity',
  async run(ctx) {
    const size = ctx.smoke ? SMOKE : FULL;
    const rows: BenchRow[] = [];
    const url = benchDatabaseUrl();
    await ensureDatabaseExists(url);
    const schema = `bench_${Date.now().toString(36)}`;
    const settings = postgresSettingsFromEnv({ DATABASE_URL: url, DATABASE_SCHEMA: schema });
    const db = createDatabase<RecordsDatabase>(settings, 'paxscreen-bench');
    const capacity = pipelineCapacity(ctx.smoke);
    const versus = (perSecond: number) =>
      capacity
        ? {
            ratio: {
              to: `pipeline capacity (${Math.round(capacity.perSecond)}/s, e2e ${capacity.at})`,
              value: perSecond / capacity.perSecond,
            },
            target: { text: '≥ the pipeline capacity', met: perSecond >= capacity.perSecond },
          }
        : {};
    try {
      // (2) first, so the service creates the schema (migrations at start) as it would in production.
      const stack = benchStack();
      await stack.startServices(ctx.log);
      const env = {
        ...process.env,
        KAFKA_BROKERS: stack.kafka.brokers,
        KAFKA_TOPIC_PREFIX: `benchrec${Date.now().toString(36)}.`,
        // The hot-path refill writes to the bench's own redis-server, never the shared one.
        REDIS_URL: stack.redis.url,
        REDIS_KEY_PREFIX: `benchrec${Date.now().toString(36)}.`,
        DATABASE_URL: url,
        DATABASE_SCHEMA: schema,
        RECORDS_PORT: String(BENCH_PORTS.screening2 + 2),
        AUTH_JWT_SECRET: 'bench-records-secret-0123456789abcdef',
        LOG_LEVEL: 'warn',
      };
      const kafkaSettings = kafkaSettingsFromEnv(env);
      const producer = new EventProducer(createKafka(kafkaSettings, 'bench-records'), kafkaSettings);
      const viaKafka = events(size.decisions, 'k');
      const app = await startRecords(env);
      await producer.connect();
      const produceStart = performance.now();
      for (let i = 0; i < viaKafka.length; i += size.batch)
        await producer.send(
          Topic.Decisions,
          viaKafka
            .slice(i, i + size.batch)
            .map((value) => ({ key: `${value.flight.carrier}${value.flight.number}`, value })),
        );
      const producedPerSecond = (viaKafka.length * MS_PER_S) / (performance.now() - produceStart);
      let filed = 0;
      const deadline = Date.now() + 600_000;
      while (filed < viaKafka.length && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        filed = (
          await db
            .selectFrom('decisions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      }
      const kafkaMs = performance.now() - produceStart;
      await app.close();
      await producer.disconnect();
      const kafkaPerSecond = (filed * MS_PER_S) / kafkaMs;
      ctx.log(
        `via Kafka: ${filed} decisions filed in ${(kafkaMs / MS_PER_S).toFixed(1)} s (produced at ${Math.round(producedPerSecond)}/s)`,
      );
      rows.push({
        name: `records service: ${size.decisions.toLocaleString('en')} decisions produced to Kafka → rows in PostgreSQL`,
        values: {
          decisions: filed,
          'decisions/s written': kafkaPerSecond,
          'decisions/s produced': producedPerSecond,
          seconds: kafkaMs / MS_PER_S,
        },
        ...versus(kafkaPerSecond),
      });

      // (1) the writer alone: same kind of rows, batch by batch.
      const writer = new RecordsWriter(db);
      const direct = events(size.decisions, 'w').map(decisionRow);
      const writeStart = performance.now();
      for (let i = 0; i < direct.length; i += size.batch)
        await writer.write({ ...emptyRows(), decisions: direct.slice(i, i + size.batch) });
      const writeMs = performance.now() - writeStart;
      rows.push({
        name: `writer alone: ${size.decisions.toLocaleString('en')} decisions in batches of ${size.batch}`,
        values: {
          decisions: direct.length,
          'decisions/s written': (direct.length * MS_PER_S) / writeMs,
          seconds: writeMs / MS_PER_S,
        },
        ...versus((direct.length * MS_PER_S) / writeMs),
      });
      // A replay of the same batch: the idempotent path (every row a conflict).
      const replayStart = performance.now();
      const again = await writer.write({ ...emptyRows(), decisions: direct.slice(0, size.batch) });
      rows.push({
        name: `replay of one batch (${size.batch} decisions already filed)`,
        values: {
          'rows inserted': again.decisions,
          'decisions/s': (size.batch * MS_PER_S) / (performance.now() - replayStart),
        },
      });
    } finally {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db).catch(() => undefined);
      await db.destroy();
    }
    return rows;
  },
};
