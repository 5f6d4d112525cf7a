import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { loadEnv } from '@paxscreen/contracts';
import { createHttpApp, listen } from '@paxscreen/http';
import { REDIS_CLIENT, RedisKeys } from '@paxscreen/redis';

import { GatewayModule } from './app.module';
import { CarrierKeys } from './auth/carrier-keys';
import { GatewayEnv } from './gateway.env';

/** Carrier endpoints are rate-limited per carrier; staff and health endpoints are not. */
const CARRIER_ROUTES = /^\/v1\/(messages|iapi)(\/|\?|$)/;

/** Builds and starts the gateway (used by main.ts and by end-to-end tests). */
export async function startGateway(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const settings = loadEnv(GatewayEnv, env);
  const app = await createHttpApp(GatewayModule.register(env), {
    env,
    bodyLimit: settings.GATEWAY_BODY_LIMIT,
    openApi: {
      title: 'paxscreen gateway',
      description: 'Carrier ingest, interactive API (iAPI), port-of-entry look-ups',
      version: '1',
    },
  });
  const keys = app.get(CarrierKeys);
  // Counters live in Redis, so every gateway instance enforces the same limit per carrier.
  await app.register(rateLimit, {
    global: true,
    max: settings.GATEWAY_RATE_LIMIT,
    timeWindow: settings.GATEWAY_RATE_WINDOW_MS,
    redis: app.get(REDIS_CLIENT),
    nameSpace: `${app.get(RedisKeys).prefix}px:rate:`,
    skipOnError: true,
    allowList: (req) => !CARRIER_ROUTES.test(req.url),
    keyGenerator: (req) => {
      const key = req.headers['x-api-key'];
      return keys.carrierFor(typeof key === 'string' ? key : undefined) ?? `anonymous:${req.ip}`;
    },
    errorResponseBuilder: (req, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `at most ${context.max} requests per ${Math.round(settings.GATEWAY_RATE_WINDOW_MS / 1000)} s per carrier; retry after ${context.after}`,
      requestId: String(req.id),
    }),
  });
  await listen(app, settings.GATEWAY_PORT);
  return app;
}
