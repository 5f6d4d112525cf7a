import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { loadEnv } from '@paxscreen/contracts';
import { closeOnFailure, createHttpApp, listen, PAGE_CSP } from '@paxscreen/http';

import { DashboardModule } from './app.module';
import { DashboardEnv } from './dashboard.env';
import { LiveFeedService } from './live/live-feed.service';

/** The page's policy (PAGE_CSP); uPlot styles elements through the CSSOM, which CSP does not restrict. */
export const DASHBOARD_CSP: Record<string, string[] | null> = { ...PAGE_CSP };

/** Builds and starts the operators' dashboard: the readers join Kafka before the port opens. */
export async function startDashboard(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const settings = loadEnv(DashboardEnv, env);
  const app = await createHttpApp(DashboardModule.register(env), {
    env,
    contentSecurityPolicy: DASHBOARD_CSP,
  });
  return closeOnFailure(app, async () => {
    // At shutdown every connection is closed at once: the page's stream and any socket a browser
    // opened ahead of time (preconnect) would otherwise hold the server open for a minute. The page
    // reconnects by itself; nothing served here is a write that could be cut in half.
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook('preClose', (done) => {
      fastify.server.closeAllConnections();
      done();
    });
    await app.init();
    await app.get(LiveFeedService).start();
    await listen(app, settings.DASHBOARD_PORT);
  });
}
