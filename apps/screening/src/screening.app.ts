import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ConsumerGroup, loadEnv, Topic } from '@paxscreen/contracts';
import { createHttpApp, listen } from '@paxscreen/http';
import { connectBatchConsumer } from '@paxscreen/kafka';
import { isRedisUnavailable } from '@paxscreen/redis';

import { ScreeningModule } from './app.module';
import { RevetService } from './revet/revet.service';
import { ScreeningEnv } from './screening.env';
import { ScreeningStateService } from './state/screening-state.service';
import { IAPI_TRANSPORT, TRAVELLERS_TRANSPORT } from './tokens';

/**
 * Builds and starts the screening service: the index is built from the compacted list topics
 * first; only then do the consumers (travellers, iAPI requests) join their groups.
 */
export async function startScreening(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const settings = loadEnv(ScreeningEnv, env);
  const app = await createHttpApp(ScreeningModule.register(env), { env });
  await listen(app, settings.SCREENING_PORT);
  await app.get(ScreeningStateService).load();
  const travellers = connectBatchConsumer(app, {
    groupId: ConsumerGroup.Screening,
    stage: 'screening',
    transport: TRAVELLERS_TRANSPORT,
    transactionalId: `paxscreen-screening-${settings.SCREENING_INSTANCE_ID}`,
    maxRecords: settings.SCREENING_MAX_BATCH,
    // Redis down is not a bad traveller event: wait for it rather than dead-letter the traveller.
    isTransient: isRedisUnavailable,
  });
  connectBatchConsumer(app, {
    groupId: ConsumerGroup.ScreeningIapi,
    stage: 'screening',
    transport: IAPI_TRANSPORT,
    transactionalId: `paxscreen-screening-iapi-${settings.SCREENING_INSTANCE_ID}`,
    fromBeginning: false,
  });
  app.get(RevetService).useOwnership(() => travellers.assignedPartitions(Topic.Travellers));
  await app.startAllMicroservices();
  return app;
}
