import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { loadEnv } from '@paxscreen/contracts';
import { createHttpApp, listen } from '@paxscreen/http';

import { DashboardModule } from './app.module';
import { DashboardEnv } from './dashboard.env';
import { LiveFeedService } from './live/live-feed.service';

/**
 * The page's policy: its own scripts, styles and stream only. No inline script or style (uPlot
 * styles elements through the CSSOM, which CSP does not restrict), no other origin, no framing.
 * `upgrade-insecure-requests` is dropped: the dashboard is often reached over plain HTTP inside
 * the operations network (compose, port forwards), where it would break every asset.
 */
export const DASHBOARD_CSP: Record<string, string[] | null> = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Builds and starts the operators' dashboard: the readers join Kafka before the port opens. */
export async function startDashboard(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const settings = loadEnv(DashboardEnv, env);
  const app = await createHttpApp(DashboardModule.register(env), {
    env,
    contentSecurityPolicy: DASHBOARD_CSP,
  });
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
  return app;
}
