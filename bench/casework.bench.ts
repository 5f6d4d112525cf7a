import { randomUUID } from 'node:crypto';

import { Kafka, logLevel } from 'kafkajs';
import { sql } from 'kysely';

import { type CaseworkDatabase, hitFlightOf, hitIdOf } from '@paxscreen/casework';
import { type Alert, DecisionMade, identityKey, type Reason, Topic, topicName } from '@paxscreen/contracts';
import { createKafka, EventProducer, kafkaSettingsFromEnv } from '@paxscreen/kafka';
import { createDatabase, ensureDatabaseExists, postgresSettingsFromEnv } from '@paxscreen/postgres';
import { testDecisionEvent } from '@paxscreen/testing';

import { startCasework } from '../apps/casework/src/casework.app';
import { benchStack } from './lib/stack';
import { type BenchRow, type BenchSuite, percentile } from './lib/suite';

/**
 * Casework (issue 16): (1) decisions applied per second by apps/casework (its own consumer group,
 * one PostgreSQL transaction per batch, exactly once per decision id), one in ten a REFER that opens
 * a hit; (2) alert latency: decisions produced at a steady rate, each REFER arriving within the
 * alert window, from the decision's append to the broker to its HIT_NEAR_ARRIVAL alert's append
 * (broker timestamps; the delivery to staff, libs/alerts, comes after this). Kafka and Redis:
 * KAFKA_BROKERS / REDIS_URL when set (a unique prefix), else the bench's private ones;
 * PostgreSQL as the records suite (a schema per run, dropped at the end).
 */
const FULL = { burst: 20_000, paced: 1_000, perSecond: 100 };
const SMOKE = { burst: 1_000, paced: 100, perSecond: 50 };
const REFER_EVERY = 10;
const MS_PER_S = 1000;

const REASON: Reason = {
  kind: 'WATCHLIST',
  action: 'REFER',
  source: { listId: 'UN', entryId: 'QDi.1', listVersion: 'v1' },
  score: 0.9,
  matchedFields: ['name'],
  explanation: 'bench',
};

function databaseUrl(): string {
  const u = new URL(
    process.env.BENCH_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  );
  u.pathname = '/paxscreen_bench';
  return u.toString();
}

/** Decision `i` of run `run`: a REFER landing in 3 h every REFER_EVERY-th, else CLEAR. */
function decision(run: string, i: number): DecisionMade.Value {
  const arrival = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 16);
  const refer = i % REFER_EVERY === 0;
  const d = testDecisionEvent(
    { carrier: 'QB', number: String(1 + (i % 200)).padStart(4, '0'), date: arrival.slice(0, 10) },
    {
      travellerId: `${run}-${i}`,
      surname: `${run.toUpperCase()}SURNAME${i}`,
      givenNames: 'BENCH',
      dateOfBirth: '1980-01-01',
      document: { issuer: 'AUS', number: `P${run.toUpperCase()}${i}` },
    },
    { outcome: refer ? 'REFER' : 'CLEAR' },
  );
  d.flight.arrival.at = arrival;
  if (refer) d.decision.reasons = [REASON];
  return d;
}

export const caseworkSuite: BenchSuite = {
  name: 'casework',
  description: 'casework (apps/casework): decisions applied per second; decision → alert latency',
  async run(ctx) {
    const size = ctx.smoke ? SMOKE : FULL;
    const rows: BenchRow[] = [];
    const url = databaseUrl();
    await ensureDatabaseExists(url);
    const schema = `bench_cw_${Date.now().toString(36)}`;
    const db = createDatabase<CaseworkDatabase>(
      postgresSettingsFromEnv({ DATABASE_URL: url, DATABASE_SCHEMA: schema }),
      'paxscreen-bench',
    );
    const shared = process.env.KAFKA_BROKERS && process.env.REDIS_URL;
    const stack = shared ? undefined : benchStack();
    if (stack) await stack.startServices(ctx.log);
    const prefix = `benchcw${Date.now().toString(36)}.`;
    const env = {
      ...process.env,
      KAFKA_BROKERS: stack ? stack.kafka.brokers : process.env.KAFKA_BROKERS,
      REDIS_URL: stack ? stack.redis.url : process.env.REDIS_URL,
      KAFKA_TOPIC_PREFIX: prefix,
      REDIS_KEY_PREFIX: prefix,
      DATABASE_URL: url,
      CASEWORK_DATABASE_SCHEMA: schema,
      CASEWORK_PORT: '0',
      AUTH_JWT_SECRET: 'bench-casework-secret-0123456789abcdef',
      LOG_LEVEL: 'warn',
    };
    const settings = kafkaSettingsFromEnv(env);
    const producer = new EventProducer(createKafka(settings, 'bench-casework'), settings);
    const app = await startCasework(env);
    await producer.connect();
    // Broker append times of decisions (by decision id) and of their near-arrival alerts (by hit).
    const decidedAt = new Map<string, number>();
    const alertAt: { decisionTs: number; alertTs: number }[] = [];
    const hitOfDecision = new Map<string, string>();
    const kafka = new Kafka({
      brokers: settings.brokers,
      logLevel: logLevel.NOTHING,
      clientId: 'bench-casework-reader',
    });
    const reader = kafka.consumer({ groupId: `${prefix}reader-${randomUUID()}`, maxWaitTimeInMs: 20 });
    const applied = async () =>
      (
        await db
          .selectFrom('hit_decisions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    try {
      await reader.connect();
      await reader.subscribe({
        topics: [topicName(Topic.Alerts, prefix), topicName(Topic.Decisions, prefix)],
        fromBeginning: true,
      });
      await reader.run({
        eachMessage: async ({ topic, message }) => {
          if (!message.value) return;
          const ts = Number(message.timestamp);
          if (topic.endsWith(Topic.Decisions)) {
            const d = JSON.parse(message.value.toString()) as DecisionMade.Value;
            decidedAt.set(d.decision.travellerId, ts);
            return;
          }
          const a = JSON.parse(message.value.toString()) as Alert.Value;
          if (a.kind !== 'HIT_NEAR_ARRIVAL' || !a.hitId) return;
          const travellerId = hitOfDecision.get(a.hitId);
          const at = travellerId ? decidedAt.get(travellerId) : undefined;
          if (at !== undefined) alertAt.push({ decisionTs: at, alertTs: ts });
        },
      });

      // (1) a burst: everything produced at once, then the time until every id is in hit_decisions.
      const burst = Array.from({ length: size.burst }, (_, i) => decision('b', i));
      const started = performance.now();
      for (let i = 0; i < burst.length; i += 2000)
        await producer.send(
          Topic.Decisions,
          burst.slice(i, i + 2000).map((value) => ({ key: DecisionMade.key(value), value })),
        );
      const deadline = Date.now() + 600_000;
      let done = 0;
      while (done < burst.length && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        done = await applied();
      }
      const ms = performance.now() - started;
      const hits = (
        await db
          .selectFrom('hits')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
      ctx.log(`burst: ${done} decisions applied in ${(ms / MS_PER_S).toFixed(1)} s, ${hits} hits`);
      rows.push({
        name: `${size.burst.toLocaleString('en')} decisions produced at once (1 in ${REFER_EVERY} a REFER) → applied`,
        values: {
          decisions: done,
          hits,
          'decisions/s applied': (done * MS_PER_S) / ms,
          seconds: ms / MS_PER_S,
        },
      });

      // (2) paced: decisions at a steady rate; latency of each REFER's near-arrival alert.
      const paced = Array.from({ length: size.paced }, (_, i) => decision('p', i));
      for (const d of paced)
        hitOfDecision.set(hitIdOf(identityKey(d.subject), hitFlightOf(d.flight)), d.decision.travellerId);
      const interval = MS_PER_S / size.perSecond;
      const pacedStart = performance.now();
      for (const [i, value] of paced.entries()) {
        const due = pacedStart + i * interval;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        void producer.send(Topic.Decisions, [{ key: DecisionMade.key(value), value }]);
      }
      const expected = Math.ceil(size.paced / REFER_EVERY);
      const until = Date.now() + 60_000;
      while (alertAt.length < expected && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      const latencies = alertAt.map((a) => a.alertTs - a.decisionTs).sort((a, b) => a - b);
      const p99 = percentile(latencies, 99);
      ctx.log(
        `paced: ${latencies.length}/${expected} alerts, p50 ${percentile(latencies, 50)} ms, p99 ${p99} ms`,
      );
      rows.push({
        name: `decision → HIT_NEAR_ARRIVAL alert on its topic, ${size.perSecond} decisions/s (1 in ${REFER_EVERY} a REFER)`,
        values: {
          alerts: latencies.length,
          'p50 ms': percentile(latencies, 50),
          'p99 ms': p99,
          'max ms': latencies[latencies.length - 1] ?? 0,
        },
        target: {
          text: 'p99 < 1,000 ms (the delivery to staff comes on top)',
          met: latencies.length === expected && p99 < 1000,
        },
      });
    } finally {
      await reader.disconnect().catch(() => undefined);
      await app.close();
      await producer.disconnect();
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db).catch(() => undefined);
      await db.destroy();
    }
    return rows;
  },
};
