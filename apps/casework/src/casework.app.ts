import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ConsumerGroup, loadEnv } from '@paxscreen/contracts';
import { closeOnFailure, createHttpApp, listen } from '@paxscreen/http';
import { connectBatchConsumer } from '@paxscreen/kafka';
import { isPostgresUnavailable } from '@paxscreen/postgres';

import { CaseworkTimers } from './alerts/casework-timers.service';
import { CaseworkModule } from './app.module';
import { CaseworkEnv } from './casework.env';
import { OutboxRelay } from './outbox/outbox-relay.service';

/**
 * Builds and starts casework: migrations (its own schema), the HTTP API, the outbox relay, the
 * timers (near-arrival alerts, lookouts back on the hot path), then its consumer group on the
 * decisions topic. At-least-once: a batch's effects are committed in PostgreSQL (once per
 * decision id) before its offsets are, so a kill -9 loses nothing and repeats nothing.
 */
export async function startCasework(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const settings = loadEnv(CaseworkEnv, env);
  const app = await createHttpApp(CaseworkModule.register(env), {
    env,
    bodyLimit: 256 * 1024,
    openApi: {
      title: 'paxscreen casework',
      description: 'The hit queue, dispositions, lookouts to the ports and alerts (staff)',
      version: '1',
    },
  });
  return closeOnFailure(app, async () => {
    await listen(app, settings.CASEWORK_PORT);
    app.get(OutboxRelay).start();
    await app.get(CaseworkTimers).start();
    connectBatchConsumer(app, {
      groupId: ConsumerGroup.Casework,
      stage: 'casework',
      maxRecords: settings.CASEWORK_MAX_BATCH,
      isTransient: isPostgresUnavailable,
    });
    await app.startAllMicroservices();
  });
}
