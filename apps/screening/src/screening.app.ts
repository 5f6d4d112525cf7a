import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ConsumerGroup, loadEnv, Topic } from '@paxscreen/contracts';
import { closeOnFailure, createHttpApp, listen } from '@paxscreen/http';
import { connectBatchConsumer, KAFKA_SETTINGS, partitionsOf, type KafkaSettings } from '@paxscreen/kafka';
import { isRedisUnavailable } from '@paxscreen/redis';

import { ScreeningModule } from './app.module';
import { RevetIndexRefill } from './revet/revet-index-refill.service';
import { RevetService } from './revet/revet.service';
import { ScreeningEnv } from './screening.env';
import { ScreeningStateService } from './state/screening-state.service';
import { IAPI_TRANSPORT, TRAVELLERS_TRANSPORT } from './tokens';

/**
 * Broker-side wait of an empty iAPI request fetch, ms. A fetch returns as soon as a request
 * arrives (minBytes 1), so this only sets how often an idle consumer asks again: at 5 ms that was
 * about 140 empty fetches a second, which with the gateway's reply listener's cost an idle
 * broker a tenth of a core (bench/README.md, "Issue 19: iAPI CPU per request").
 */
const IAPI_FETCH_WAIT_MS = 200;
/** iAPI request offsets are committed in the background this often, ms (not between two fetches). */
const IAPI_COMMIT_INTERVAL_MS = 200;

/**
 * Builds and starts the screening service: the index is built from the compacted list topics
 * first; only then do the consumers (travellers, iAPI requests) join their groups.
 */
export async function startScreening(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const settings = loadEnv(ScreeningEnv, env);
  // Refused settings (e.g. a re-vet window longer than the travellers topic is kept) stop the start
  // in register(), before a module opens a Redis or Kafka connection (the infrastructure modules
  // read their settings there, libs/kafka, libs/redis, libs/postgres).
  const app = await createHttpApp(ScreeningModule.register(env), { env });
  return closeOnFailure(app, async () => {
    await listen(app, settings.SCREENING_PORT);
    await app.get(ScreeningStateService).load();
    app.get(RevetIndexRefill).start();
    const kafka = app.get<KafkaSettings>(KAFKA_SETTINGS);
    const travellers = connectBatchConsumer(app, {
      groupId: ConsumerGroup.Screening,
      stage: 'screening',
      transport: TRAVELLERS_TRANSPORT,
      // One transactional id per input partition, the same on every instance: the instance given a
      // partition fences its previous owner, so a stalled instance cannot publish a batch again
      // (kafkajs has no KIP-447; libs/kafka PartitionTransactions).
      transactionalIdPrefix: 'paxscreen-screening',
      maxRecords: settings.SCREENING_MAX_BATCH,
      // Each partition has its own transactional producer, so partitions need not wait in line.
      partitionsConsumedConcurrently:
        settings.SCREENING_PARTITIONS_IN_FLIGHT || partitionsOf(kafka, Topic.Travellers),
      // Redis down is not a bad traveller event: wait for it rather than dead-letter the traveller.
      isTransient: isRedisUnavailable,
    });
    // iAPI requests: at-least-once, not a Kafka transaction (someone waits at a check-in desk, and a
    // transaction costs several broker round trips per batch plus kafkajs' 200/500 ms back-off while
    // the previous one is still completing). The reply and the decisions are published with the
    // idempotent producer (acks = all) before the request's offset is committed; a crash in between
    // re-screens the request and publishes them again with the same ids (the decision id is derived
    // from the request's event id), which the gateway ignores (it answers the first reply per request
    // id) and which readers of the decisions topic recognise by decision id; the hot-path write is
    // by key, so it repeats itself. Malformed requests are dead-lettered the same way (published
    // before the commit). Its own consumer group, kafkajs consumer and producer (own connections),
    // so a request never waits behind a traveller batch's fetch or commit; its partitions are
    // handled concurrently (the replies of one fetch share one produce request).
    connectBatchConsumer(app, {
      groupId: ConsumerGroup.ScreeningIapi,
      stage: 'screening',
      transport: IAPI_TRANSPORT,
      fromBeginning: false,
      maxWaitTimeInMs: IAPI_FETCH_WAIT_MS,
      // With KAFKA_PACE_MS, at most one fetch that brings requests every that many ms while traffic
      // is steady: the requests that arrive meanwhile come in one fetch, their replies and decisions
      // in one produce request; a lone request is fetched at once.
      fetchIntervalMs: kafka.paceMs,
      partitionsConsumedConcurrently: partitionsOf(kafka, Topic.IapiRequests),
      commitIntervalMs: IAPI_COMMIT_INTERVAL_MS,
    });
    app.get(RevetService).useOwnership(() => travellers.assignedPartitions(Topic.Travellers));
    await app.startAllMicroservices();
  });
}
