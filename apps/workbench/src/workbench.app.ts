import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ConsumerGroup, loadEnv } from '@paxscreen/contracts';
import { closeOnFailure, createHttpApp, listen, registerUpstreamProxy } from '@paxscreen/http';
import { connectBatchConsumer } from '@paxscreen/kafka';
import { isPostgresUnavailable } from '@paxscreen/postgres';

import { AlertDeliveryService } from './alerts/alert-delivery.service';
import { LiveAlertsService } from './alerts/live-alerts.service';
import { WorkbenchModule } from './app.module';
import { WorkbenchEnv } from './workbench.env';

/**
 * The workbench page's policy: its own script, styles and calls only (Vite's build has no inline
 * script or style, and the React components set no style attributes), no other origin, no framing.
 * `upgrade-insecure-requests` is dropped: inside an agency network the workbench is often plain HTTP.
 */
export const WORKBENCH_CSP: Record<string, string[] | null> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  styleSrcAttr: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * Builds and starts the workbench: the analysts' and officers' web UI, one origin for their calls
 * to casework, records and the gateway (proxied with their own bearer token), live alerts over
 * server-sent events, alert subscriptions, and webhook / e-mail delivery from its consumer group.
 */
export async function startWorkbench(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const settings = loadEnv(WorkbenchEnv, env);
  const app = await createHttpApp(WorkbenchModule.register(env), {
    env,
    bodyLimit: 1024 * 1024,
    contentSecurityPolicy: WORKBENCH_CSP,
    openApi: {
      title: 'paxscreen workbench',
      description:
        'The web workbench: live alerts, alert subscriptions (staff); casework, records and port look-ups proxied',
      version: '1',
    },
  });
  return closeOnFailure(app, async () => {
    const fastify = app.getHttpAdapter().getInstance();
    registerUpstreamProxy(
      fastify,
      [
        { prefix: '/v1/casework', upstream: settings.CASEWORK_URL },
        { prefix: '/v1/records', upstream: settings.RECORDS_URL },
        { prefix: '/v1/poe', upstream: settings.GATEWAY_URL },
      ],
      settings.WORKBENCH_UPSTREAM_TIMEOUT_MS,
    );
    // Open alert streams would hold the server open at shutdown; the page reconnects by itself.
    fastify.addHook('preClose', (done) => {
      fastify.server.closeAllConnections();
      done();
    });
    await app.init();
    await app.get(LiveAlertsService).start();
    connectBatchConsumer(app, {
      groupId: ConsumerGroup.Workbench,
      stage: 'workbench',
      maxRecords: 500,
      isTransient: isPostgresUnavailable,
    });
    await app.startAllMicroservices();
    app.get(AlertDeliveryService).start();
    await listen(app, settings.WORKBENCH_PORT);
  });
}
