/**
 * Chaos run (issue 10, faults): streams travellers through the real apps as OS processes on a
 * private Kafka broker and a private Redis, kills and restarts every part in turn, then proves that
 * every accepted traveller has exactly one decision and that the receipts tell the truth.
 *
 *   npm run test:chaos                       100,000 travellers, the full fault sequence
 *   npm run test:chaos -- --quick            the CI version (5,000 travellers, short outages)
 *   npm run test:chaos -- --help             every option
 *
 * Exit code 1 when a traveller was lost or duplicated, a receipt is stuck or wrong, or the run
 * could not complete. Results: chaos/results/chaos.json (--quick: chaos/results/tmp/chaos-quick.json,
 * ignored by git, so that CI leaves the checkout clean); app logs in .cache/chaos/logs/. Whatever
 * happens (failure, Ctrl-C, SIGTERM) the apps, the private Redis and the private broker are stopped.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { Header, Topic, topicName } from '@paxscreen/contracts';
import { issueToken } from '@paxscreen/http';
import { dropSchema } from '@paxscreen/postgres';
import { uploadList } from '@paxscreen/testing';

import { hashApiKey } from '@paxscreen/carrier-keys';
import { AppName, AppProcess } from './lib/app-process';
import { DeadLetter } from '@paxscreen/contracts';

import { killCasework, verifyCasework } from './lib/casework';
import { killRecordsAndRestartPostgres, recordsNotRun, RecordsVerdict, verifyRecords } from './lib/records';
import { FAULT_SEQUENCE, FaultContext, FaultRecord, POISON, PoeLookup } from './lib/faults';
import { chaosPostgres, PrivateKafka, PrivateRedis, reapLeftovers, ROOT, sleep } from './lib/infra';
import { ChaosOptions, parseOptions } from './lib/options';
import { printTable } from './lib/report';
import {
  CARRIER,
  generateManifests,
  lostStolenList,
  Manifest,
  NATIONAL_LIST,
  STOLEN_ISSUER,
  stolenDocument,
  streamManifests,
  TrafficGate,
} from './lib/traffic';
import { TopicCounter } from './lib/topic-counter';
import {
  digestOf,
  drainUnderKill,
  learnReceipts,
  prepareTransports,
  removeTransports,
  type TransportPlan,
  transportEnv,
} from './lib/transports';
import { fetchReceipts, Ledger, settle, verdict } from './lib/verify';

const AUTH = {
  AUTH_JWT_SECRET: `chaos-${randomBytes(16).toString('hex')}`,
  AUTH_JWT_ISSUER: 'paxscreen',
  AUTH_JWT_AUDIENCE: 'paxscreen',
};
const LOG_DIR = join(ROOT, '.cache/chaos/logs');

const started = Date.now();
function log(line: string): void {
  const t = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stdout.write(`[chaos ${t}s] ${line}\n`);
}

async function importList(watchlistUrl: string, name: string, listId: string, body: string): Promise<void> {
  const token = await issueToken(AUTH, { subject: 'chaos-admin', roles: ['admin'] });
  await uploadList(watchlistUrl, [{ name, bytes: Buffer.from(body) }], token, { listId });
}

/**
 * Waits until an officer's look-up of a document nobody sent is answered: gateway, Kafka
 * request/reply and the screening service's transactions all work again (a fault is over).
 */
async function pipelineAnswers(gatewayUrl: string, timeoutMs: number): Promise<number> {
  const token = await issueToken(AUTH, { subject: 'chaos-probe', roles: ['officer'] });
  const began = Date.now();
  for (let n = 0; Date.now() - began < timeoutMs; n++) {
    try {
      const res = await fetch(`${gatewayUrl}/v1/poe/documents/GBR/PROBE${began % 100_000}N${n}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok && ((await res.json()) as { decision?: unknown }).decision) return Date.now() - began;
    } catch {
      // not yet
    }
    await sleep(500);
  }
  throw new Error(`the pipeline did not answer a look-up within ${timeoutMs / 1000} s`);
}

/** Officer look-ups of documents already sent (hot path) and of stolen ones, while Redis is down. */
function outageProber(gatewayUrl: string, manifests: Manifest[]) {
  return async (until: () => boolean): Promise<PoeLookup[]> => {
    const token = await issueToken(AUTH, { subject: 'chaos-officer', roles: ['officer'], post: 'JFK' });
    const sent = manifests.filter((m) => m.accepted);
    const lookups: PoeLookup[] = [];
    let next = 0;
    // Three officers' desks at once.
    await Promise.all([0, 1, 2].map(() => desk()));
    return lookups;

    async function desk(): Promise<void> {
      for (let i = next++; until(); i = next++) {
        const m = sent[i % Math.max(1, sent.length)];
        const doc =
          i % 4 === 3 || !m
            ? { issuer: STOLEN_ISSUER, number: stolenDocument(i % 3) }
            : m.documents[i % m.documents.length];
        const began = Date.now();
        const entry: PoeLookup = {
          document: `${doc.issuer}/${doc.number}`,
          status: 0,
          answered: false,
          ms: 0,
        };
        try {
          const res = await fetch(`${gatewayUrl}/v1/poe/documents/${doc.issuer}/${doc.number}`, {
            headers: { authorization: `Bearer ${token}` },
            signal: AbortSignal.timeout(10_000),
          });
          entry.status = res.status;
          const body = (await res.json()) as {
            decision?: { outcome: string };
            advanceData?: boolean;
            note?: string;
            unavailable?: string;
          };
          entry.answered = res.ok && body.decision !== undefined;
          entry.outcome = body.decision?.outcome;
          entry.advanceData = body.advanceData;
          entry.note = body.note;
          entry.unavailable = body.unavailable;
        } catch (err) {
          entry.status = (err as Error).name;
        }
        entry.ms = Date.now() - began;
        lookups.push(entry);
        await sleep(250);
      }
    }
  };
}

/** Second carrier of the run: it sends the poison message. */
const POISON_CARRIER = 'PX';

/**
 * Each poison message: its receipt's final status, and whether its dead letter (read back from the
 * topic, in however many parts) gives back exactly the bytes sent.
 */
function poisonOutcome(poisons: FaultRecord[], letters: DeadLetter.Value[]) {
  return poisons.map((f) => {
    const receiptId = String(f.details?.receiptId);
    const mine = letters.filter((l) => l.correlationId === receiptId);
    let bytesBack = false;
    let why = '';
    try {
      const id = mine.find(DeadLetter.isFirstPart);
      bytesBack =
        id !== undefined && DeadLetter.deadLetterBytes(mine, DeadLetter.deadLetterIdOf(id)).equals(POISON);
    } catch (err) {
      why = (err as Error).message;
    }
    return {
      receiptId,
      status: String(f.details?.status),
      rejection: f.details?.rejection as string | undefined,
      deadLetterRecords: mine.length,
      bytesBack,
      ...(why ? { why } : {}),
    };
  });
}

async function main(o: ChaosOptions): Promise<number> {
  reapLeftovers(log);
  rmSync(LOG_DIR, { recursive: true, force: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const runId = `c${randomBytes(3).toString('hex')}`;
  const kafka = new PrivateKafka(o.kafkaPort, log);
  const redis = new PrivateRedis(o.redisPort, o.redisPersistence, join(LOG_DIR, 'redis.log'), log);
  const apiKey = `chaos-${CARRIER}-${randomBytes(12).toString('hex')}`;
  // Issue 21: a queue and a drop folder drained while the gateway is killed (after the faults).
  const plan: TransportPlan | undefined =
    o.faults && o.transportManifests > 0
      ? {
          amqpUrl: o.amqpUrl,
          queue: `chaos.${runId}.zz`,
          dropDir: join(ROOT, '.cache/chaos', `drop-${runId}`),
        }
      : undefined;
  const rawByDigest = new Map<string, Set<string>>();
  let rawReader: TopicCounter | undefined;
  const poisonApiKey = `chaos-${POISON_CARRIER}-${randomBytes(12).toString('hex')}`;
  const ports: Record<AppName, number> = {
    gateway: o.portBase,
    parser: o.portBase + 1,
    screening: o.portBase + 2,
    watchlist: o.portBase + 3,
    casework: o.portBase + 6,
    records: o.portBase + 5,
  };
  // Issue 15: a PostgreSQL cluster of the run's own (its restart is a fault), from the local binaries.
  const pg = chaosPostgres(o.postgresPort, log);
  const recordsSkipped =
    o.faults && !pg.cluster
      ? `NOT RUN: ${pg.why}; every app uses ${process.env.DATABASE_URL ?? 'the local server'} instead`
      : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...AUTH,
    KAFKA_BROKERS: kafka.brokers,
    KAFKA_TOPIC_PREFIX: '',
    // A killed member is noticed after this long (the group waits for it before rebalancing).
    KAFKA_SESSION_TIMEOUT_MS: '10000',
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: '',
    // Receipts and the PNR vault: this run's own schema, dropped at the end.
    DATABASE_URL:
      pg.cluster?.url ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    DATABASE_SCHEMA: `chaos_${runId}_records`,
    LOG_LEVEL: 'info',
    GATEWAY_PORT: String(ports.gateway),
    PARSER_PORT: String(ports.parser),
    SCREENING_PORT: String(ports.screening),
    WATCHLIST_PORT: String(ports.watchlist),
    // Casework (issue 16) keeps its hits in the run's own schema of the local PostgreSQL.
    CASEWORK_PORT: String(ports.casework),
    CASEWORK_DATABASE_SCHEMA: `chaos_${runId}`,
    // Records (issue 15) files every event in the run's records schema.
    RECORDS_PORT: String(ports.records),
    SCREENING_HOME_ECONOMY: 'USA',
    GATEWAY_CARRIER_KEYS: `${CARRIER}:${hashApiKey(apiKey)},${POISON_CARRIER}:${hashApiKey(poisonApiKey)}`,
    GATEWAY_RATE_LIMIT: '100000',
    PNR_UNMASK_KEY: randomBytes(32).toString('hex'),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --no-warnings=TimeoutNegativeWarning`,
    ...(plan ? transportEnv(plan, CARRIER) : {}),
  };
  const apps = new Map<AppName, AppProcess>(
    (Object.keys(ports) as AppName[]).map((name) => [
      name,
      new AppProcess(name, ports[name], env, join(LOG_DIR, `${name}.log`), log),
    ]),
  );
  // Issue 19: up only during the SIGSTOP fault, beside the first screening instance.
  const secondScreening = new AppProcess(
    'screening',
    o.portBase + 4,
    { ...env, SCREENING_PORT: String(o.portBase + 4), SCREENING_INSTANCE_ID: 'screening-2' },
    join(LOG_DIR, 'screening2.log'),
    log,
    'screening2',
  );
  let ledger: Ledger | undefined;
  // Stops everything the run started, once (the end of the run and a signal may both ask for it).
  let stopping: Promise<void> | undefined;
  const cleanup = () =>
    (stopping ??= (async () => {
      await Promise.all([
        ledger?.stop(),
        rawReader?.stop(),
        plan && removeTransports(plan).catch(() => undefined),
        ...[...apps.values(), secondScreening].map((app) => app.stop().catch(() => undefined)),
      ]);
      await redis.stop().catch(() => undefined);
      redis.clean();
      if (pg.cluster) {
        await pg.cluster.stop('immediate');
        pg.cluster.clean();
      } else await dropSchema(env.DATABASE_URL!, env.DATABASE_SCHEMA!).catch(() => undefined);
      await kafka.clean(LOG_DIR).catch(() => undefined);
    })());
  // Ctrl-C, a CI timeout, a closed terminal: a clean stop of everything, then exit; a second signal
  // exits at once (the exit hook still kills every process the run started).
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)
    process.once(signal, () => {
      log(`${signal}: stopping the apps, Redis and the broker`);
      process.once(signal, () => process.exit(code));
      void cleanup().finally(() => process.exit(code));
    });

  try {
    log(`run ${runId}: ${o.travellers} travellers in manifests of ${o.perManifest}; logs in ${LOG_DIR}`);
    const count = Math.ceil(o.travellers / o.perManifest);
    const manifests = generateManifests(runId, count, o.perManifest, o.hitEvery, o.seed);
    const viaTransports = plan
      ? generateManifests(`${runId}T`, o.transportManifests, 5, 0, o.seed + 1, 5000, 'T')
      : [];
    const travellersSent = manifests.reduce((n, m) => n + m.travellerIds.length, 0);

    await Promise.all([kafka.fresh(), redis.fresh(), pg.cluster?.fresh(), plan && prepareTransports(plan)]);
    if (recordsSkipped) log(`PostgreSQL restart + kill -9 records: ${recordsSkipped}`);
    await apps.get('watchlist')!.start();
    await importList(apps.get('watchlist')!.url, 'national.csv', 'NATIONAL', NATIONAL_LIST);
    await importList(apps.get('watchlist')!.url, 'lost-stolen.csv', 'SLTD', lostStolenList(count));
    await Promise.all([
      apps.get('watchlist')!.stop(),
      ...(['screening', 'parser', 'gateway', 'casework', 'records'] as AppName[]).map((name) =>
        apps.get(name)!.start(),
      ),
    ]);

    const faults: FaultRecord[] = [];
    const analystToken = () => issueToken(AUTH, { subject: 'chaos-analyst', roles: ['analyst'] });
    const sequence = [
      ...FAULT_SEQUENCE,
      { name: 'kill -9 casework', run: killCasework(analystToken) },
      ...(pg.cluster
        ? [
            {
              name: 'PostgreSQL restart',
              run: killRecordsAndRestartPostgres(pg.cluster, o.postgresDownSeconds),
            },
          ]
        : []),
    ];
    // Traffic comes in portions: one before the first fault, then per fault half a portion as it
    // strikes and half once it has recovered, so every fault meets messages in flight.
    const phases = o.faults ? o.rounds * sequence.length : 0;
    const portion = 1 / (phases + 1);
    const gate = new TrafficGate(manifests.length);
    gate.releaseUpTo(portion);
    log(`streaming ${travellersSent} travellers in ${phases + 1} portions, at most ${o.rate} travellers/s`);
    const traffic = streamManifests(
      manifests,
      {
        gatewayUrl: apps.get('gateway')!.url,
        apiKey,
        concurrency: o.concurrency,
        rate: o.rate,
        requestTimeoutMs: 15_000,
        giveUpMs: 600_000,
        log,
      },
      gate,
    ).then(() => {
      log(
        `carrier done: ${manifests.filter((m) => m.accepted).length}/${manifests.length} manifests accepted`,
      );
    });

    if (o.faults) {
      const ctx: FaultContext = {
        apps,
        secondScreening,
        sessionTimeoutMs: Number(env.KAFKA_SESSION_TIMEOUT_MS),
        poisonApiKey,
        kafka,
        redis,
        redisStop: o.redisStop,
        appDownSeconds: o.appDownSeconds,
        kafkaDownSeconds: o.kafkaDownSeconds,
        redisOutageSeconds: o.redisOutageSeconds,
        probeDuringOutage: outageProber(apps.get('gateway')!.url, manifests),
        onInjected: () => undefined,
        log,
      };
      await sleep(o.warmupSeconds * 1000);
      for (let round = 0; round < o.rounds; round++) {
        for (const fault of sequence) {
          // One fault at a time: the previous one must be over (a restarted broker, for one, loads
          // its transaction and group coordinators for a while after it listens again).
          const readyMs = await pipelineAnswers(apps.get('gateway')!.url, 180_000);
          if (readyMs > 1000) log(`pipeline answering again after ${readyMs} ms more`);
          const phase = faults.length;
          ctx.onInjected = () => gate.releaseUpTo(portion * (phase + 1.5));
          const record = await fault.run(ctx);
          gate.releaseUpTo(portion * (phase + 2));
          faults.push(record);
          log(`recovered from ${record.fault} after ${record.recoveredAfterMs} ms`);
          await sleep(o.gapSeconds * 1000);
        }
      }
    }
    if (plan) {
      const readyMs = await pipelineAnswers(apps.get('gateway')!.url, 180_000);
      if (readyMs > 1000) log(`pipeline answering again after ${readyMs} ms more`);
      rawReader = await new TopicCounter(
        kafka.brokers,
        topicName(Topic.MessagesRaw, ''),
        (value, headers) => {
          const id = headers[Header.ReceiptId];
          const digest = digestOf(value);
          if (id) rawByDigest.set(digest, (rawByDigest.get(digest) ?? new Set()).add(id));
        },
      ).start();
      faults.push(
        await drainUnderKill({
          ...plan,
          gateway: apps.get('gateway')!,
          manifests: viaTransports,
          appDownSeconds: o.appDownSeconds,
          rawByDigest,
          log,
        }),
      );
    }
    gate.releaseUpTo(1);
    await traffic;
    const accepted = [...manifests, ...viaTransports].filter((m) => m.accepted);
    const sendDone = Date.now();

    log('settling: reading decisions, traveller events and dead letters (read_committed)');
    const poisons = faults.filter((f) => f.fault === 'poison message');
    const poisonReceipts = new Set(poisons.map((f) => String(f.details?.receiptId)));
    ledger = new Ledger(kafka.brokers, [...manifests, ...viaTransports], poisonReceipts);
    await ledger.start();
    const gatewayUrl = apps.get('gateway')!.url;
    const settled = await settle(
      ledger,
      accepted,
      () => {
        learnReceipts(viaTransports, rawByDigest);
        return fetchReceipts(gatewayUrl, apiKey, accepted);
      },
      o.settleTimeoutSeconds * 1000,
      (o.quick ? 45 : 120) * 1000,
      log,
    );
    log(`settle: ${settled.why} (${(settled.ms / 1000).toFixed(1)} s)`);
    learnReceipts(viaTransports, rawByDigest);
    const receipts = await fetchReceipts(gatewayUrl, apiKey, accepted);
    const v = verdict([...manifests, ...viaTransports], ledger, receipts);
    // Every decision on the topic, from the ledger's reader, for the casework and records checks.
    const decisions = ledger.onTopic;
    const casework = await verifyCasework(
      kafka.brokers,
      env,
      faults,
      (o.quick ? 60 : 180) * 1000,
      log,
      decisions,
      v.decisionsFound,
    );
    log(
      `casework: ${casework.decisionsApplied}/${casework.decisionsOnTopic} decisions applied, ${casework.hitsMissing} of ${casework.hitsExpected} hits missing, ${casework.dispositionsPublished}/${casework.dispositionsAcknowledged} acknowledged dispositions published`,
    );
    const records: RecordsVerdict = recordsSkipped
      ? recordsNotRun(recordsSkipped)
      : await verifyRecords(env, (o.quick ? 60 : 300) * 1000, log, decisions, v.decisionsFound);
    log(
      records.ran
        ? `records: ${records.decisionsFiled}/${records.decisionsOnTopic} decisions filed in PostgreSQL, ${records.missing} missing, ${records.duplicated} duplicated`
        : `records: ${records.why}`,
    );
    const poison = poisonOutcome(poisons, ledger.watchedLetters);
    const lookups = faults.flatMap((f) => (f.details?.lookups as PoeLookup[] | undefined) ?? []);
    const crashes = Object.fromEntries(
      [...apps.values(), secondScreening].map((a) => [a.name, a.unexpectedExits]),
    );
    const result = {
      run: runId,
      finishedAt: new Date().toISOString(),
      command: `npm run test:chaos -- ${process.argv.slice(2).join(' ')}`.trim(),
      options: o,
      faultsInjected: faults.length,
      faults,
      carrier: {
        attempts: manifests.reduce((n, m) => n + m.attempts, 0),
        failures: manifests.reduce<Record<string, number>>((acc, m) => {
          for (const [k, n] of Object.entries(m.failures)) acc[k] = (acc[k] ?? 0) + n;
          return acc;
        }, {}),
      },
      poeDuringRedisOutage: {
        lookups: lookups.length,
        answered: lookups.filter((l) => l.answered).length,
        failed: lookups.filter((l) => !l.answered).length,
        outcomes: lookups.reduce<Record<string, number>>((acc, l) => {
          const k = l.answered
            ? `${l.outcome}${l.advanceData ? ' (advance data)' : ' (on demand)'}`
            : `failed ${l.status}`;
          acc[k] = (acc[k] ?? 0) + 1;
          return acc;
        }, {}),
        maxMs: Math.max(0, ...lookups.map((l) => l.ms)),
      },
      poison,
      casework,
      records,
      unexpectedExits: crashes,
      settled,
      seconds: {
        total: Math.round((Date.now() - started) / 1000),
        settleAfterTraffic: Math.round((Date.now() - sendDone) / 1000),
      },
      ...v,
    };
    const ok =
      v.lost === 0 &&
      v.duplicated === 0 &&
      v.stuckReceipts === 0 &&
      v.receiptCountMismatches === 0 &&
      v.manifestsNotAccepted === 0 &&
      v.manifestsWithSeveralReceipts === 0 &&
      v.trueHits.found === v.trueHits.planted &&
      (!o.faults || (lookups.length > 0 && lookups.every((l) => l.answered))) &&
      poison.every((p) => p.status === 'REJECTED' && p.bytesBack) &&
      casework.decisionsMissing === 0 &&
      casework.hitsMissing === 0 &&
      casework.dispositionsLost === 0 &&
      (!o.faults || casework.dispositionsAcknowledged > 0) &&
      records.missing === 0 &&
      records.duplicated === 0 &&
      (!records.ran || records.decisionsOnTopic > 0);
    const file = join(ROOT, o.results);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ ok, ...result }, null, 2)}\n`);
    printTable(result, ok);
    log(`results in ${o.results}`);
    return ok ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main(parseOptions(process.argv.slice(2))).then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(`chaos run failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(2);
  },
);
