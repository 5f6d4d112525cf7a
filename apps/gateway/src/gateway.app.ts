import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { loadEnv } from '@paxscreen/contracts';
import { createHttpApp, listen } from '@paxscreen/http';

import { GatewayModule } from './app.module';
import { GatewayEnv } from './gateway.env';

/** Builds and starts the gateway (used by main.ts and by end-to-end tests). */
export async function startGateway(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const settings = loadEnv(GatewayEnv, env);
  const app = await createHttpApp(GatewayModule.register(env), {
    bodyLimit: settings.GATEWAY_BODY_LIMIT,
    openApi: {
      title: 'paxscreen gateway',
      description: 'Carrier ingest, interactive API, port-of-entry look-ups',
      version: '1',
    },
  });
  await listen(app, settings.GATEWAY_PORT);
  return app;
}
