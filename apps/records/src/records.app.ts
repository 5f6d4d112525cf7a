import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ConsumerGroup, loadEnv } from '@paxscreen/contracts';
import { closeOnFailure, createHttpApp, listen } from '@paxscreen/http';
import { connectBatchConsumer } from '@paxscreen/kafka';
import { isPostgresUnavailable } from '@paxscreen/postgres';

import { RecordsModule } from './app.module';
import { HotPathRefill } from './hot-path/hot-path-refill.service';
import { PartitionMaintenance } from './partitions/partition-maintenance.service';
import { RecordsEnv } from './records.env';
import { RetentionService } from './retention/retention.service';

/**
 * Builds and starts the records service: migrations (at module init, under an advisory lock),
 * this month's partitions, then its own consumer group over every topic it keeps, and the
 * search API.
 */
export async function startRecords(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const settings = loadEnv(RecordsEnv, env);
  const app = await createHttpApp(RecordsModule.register(env), {
    env,
    openApi: {
      title: 'paxscreen records',
      description: 'The system of record: flight manifests, traveller histories, searches, audit (staff)',
      version: '1',
    },
  });
  return closeOnFailure(app, async () => {
    // listen() initialises the modules: the migrations have run when it returns.
    await listen(app, settings.RECORDS_PORT);
    await app.get(PartitionMaintenance).start();
    app.get(HotPathRefill).start();
    app.get(RetentionService).start();
    // At-least-once: a batch's rows are committed in PostgreSQL (idempotent inserts) before its
    // offsets are; PostgreSQL down is waited for, never dead-lettered.
    connectBatchConsumer(app, {
      groupId: ConsumerGroup.Records,
      stage: 'records',
      maxRecords: settings.RECORDS_MAX_BATCH,
      partitionsConsumedConcurrently: settings.RECORDS_CONCURRENCY,
      isTransient: isPostgresUnavailable,
    });
    await app.startAllMicroservices();
  });
}
