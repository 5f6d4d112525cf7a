import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { type Clock, systemClock } from '@paxscreen/carriers';
import { ConsumerGroup, loadEnv } from '@paxscreen/contracts';
import { checkBeforeBody, closeOnFailure, createHttpApp, listen, staffChecks } from '@paxscreen/http';
import { connectBatchConsumer } from '@paxscreen/kafka';
import { isPostgresUnavailable } from '@paxscreen/postgres';

import { CarriersModule } from './app.module';
import { CarriersEnv } from './carriers.env';
import { CARRIERS_CSP } from './page/page.http.controller';
import { TimelinessWatcher } from './watch-timeliness/timeliness-watcher';

export interface CarriersOptions {
  /** Time as the watcher sees it; tests pass a ManualClock and call `TimelinessWatcher.tick()`. */
  clock?: Clock;
  /** Off in tests that drive the watcher by hand. */
  watch?: boolean;
}

/**
 * Builds and starts the carriers service: migrations (own ledger), the staff and carrier APIs and
 * page, its consumer group over manifest summaries and dead letters, and the timeliness watcher.
 */
export async function startCarriers(
  env: NodeJS.ProcessEnv = process.env,
  options: CarriersOptions = {},
): Promise<NestFastifyApplication> {
  const settings = loadEnv(CarriersEnv, env);
  const app = await createHttpApp(CarriersModule.register(env, options.clock ?? systemClock), {
    env,
    bodyLimit: settings.CARRIERS_UPLOAD_LIMIT,
    contentSecurityPolicy: CARRIERS_CSP,
    openApi: {
      title: 'paxscreen carriers',
      description: 'Expected flights, missing and late submissions, data-quality scorecards',
      version: '1',
    },
  });
  return closeOnFailure(app, async () => {
    // A schedule upload's token and role are checked before its body is read.
    checkBeforeBody(app.getHttpAdapter().getInstance(), staffChecks(app));
    await listen(app, settings.CARRIERS_PORT);
    // At-least-once: rows are idempotent and committed before the offsets; PostgreSQL down is waited for.
    connectBatchConsumer(app, {
      groupId: ConsumerGroup.Carriers,
      stage: 'carriers',
      maxRecords: 1000,
      partitionsConsumedConcurrently: 2,
      isTransient: isPostgresUnavailable,
    });
    await app.startAllMicroservices();
    if (options.watch !== false) app.get(TimelinessWatcher).start();
  });
}
