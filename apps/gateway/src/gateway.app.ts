import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

import { loadEnv } from '@paxscreen/contracts';
import {
  ApiError,
  checkBeforeBody,
  closeOnFailure,
  ConcurrencyGate,
  createHttpApp,
  limitConcurrency,
  listen,
  matchedRoute,
  staffChecks,
  type HeaderCheck,
} from '@paxscreen/http';
import { LeasedCounter, REDIS_CLIENT, RedisKeys, redisLeases } from '@paxscreen/redis';

import { GatewayModule } from './app.module';
import { CarrierKeyCache } from './auth/carrier-key-cache';
import { rememberedDigests } from './auth/credential-key';
import { leasedRateLimitStore } from './auth/rate-limit-store';
import { GatewayEnv } from './gateway.env';
import { IapiUseCase } from './iapi/iapi.usecase';

/**
 * Carrier endpoints, by matched route (`METHOD /pattern`): authenticated by API key before their
 * bodies are read, rate-limited per carrier, and behind their own concurrency gate so that a
 * carrier flood cannot starve port-of-entry look-ups (issue 20, items 5 and 6).
 */
const CARRIER_ROUTES: ReadonlySet<string> = new Set([
  'POST /v1/messages',
  'GET /v1/messages/:id',
  'HEAD /v1/messages/:id',
  'POST /v1/iapi',
]);

/** Builds and starts the gateway (used by main.ts and by end-to-end tests). */
export async function startGateway(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const settings = loadEnv(GatewayEnv, env);
  const app = await createHttpApp(GatewayModule.register(env), {
    env,
    bodyLimit: settings.GATEWAY_BODY_LIMIT,
    // Never above the gateway's own limit.
    routeBodyLimits: { 'POST /v1/iapi': Math.min(settings.IAPI_BODY_LIMIT, settings.GATEWAY_BODY_LIMIT) },
    openApi: {
      title: 'paxscreen gateway',
      description: 'Carrier ingest, interactive API (iAPI), port-of-entry look-ups',
      version: '1',
    },
  });
  return closeOnFailure(app, async () => {
    const keys = app.get(CarrierKeyCache).ring;
    const carrierOf = (req: FastifyRequest) => {
      const key = req.headers['x-api-key'];
      return keys.carrierFor(typeof key === 'string' ? key : undefined);
    };
    const staff = staffChecks(app);
    const groupOf = (req: FastifyRequest): 'carrier' | 'staff' | undefined => {
      const route = matchedRoute(req);
      if (!route) return undefined;
      return CARRIER_ROUTES.has(route) ? 'carrier' : route in staff ? 'staff' : undefined;
    };
    // Counters live in Redis, so every gateway instance enforces the same limits; taken in leases
    // (libs/redis LeasedCounter): a busy token or carrier costs a round trip per lease, not per
    // request, and no window admits more than the limit. Keyed on the matched route's group, never
    // the raw URL: `/v1/%6Dessages` is limited as `/v1/messages`.
    const staffKey = rememberedDigests();
    const leases = redisLeases(app.get(REDIS_CLIENT), `${app.get(RedisKeys).prefix}px:rate:`);
    await app.register(rateLimit, {
      global: true,
      max: (req) =>
        groupOf(req as FastifyRequest) === 'staff'
          ? settings.GATEWAY_STAFF_RATE_LIMIT
          : settings.GATEWAY_RATE_LIMIT,
      timeWindow: settings.GATEWAY_RATE_WINDOW_MS,
      store: leasedRateLimitStore(new LeasedCounter(leases)),
      skipOnError: true,
      allowList: (req) => groupOf(req as FastifyRequest) === undefined,
      keyGenerator: (req) => {
        if (groupOf(req as FastifyRequest) === 'staff') {
          // Per token (one officer, one kiosk), else per address; verified later, before the body.
          const auth = req.headers.authorization;
          return typeof auth === 'string' ? `staff:${staffKey(auth)}` : `staff-anonymous:${req.ip}`;
        }
        return carrierOf(req as FastifyRequest) ?? `anonymous:${req.ip}`;
      },
      errorResponseBuilder: (req, context) => ({
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: `at most ${context.max} requests per ${Math.round(settings.GATEWAY_RATE_WINDOW_MS / 1000)} s per ${groupOf(req as FastifyRequest) === 'staff' ? 'staff token' : 'carrier'}; retry after ${context.after}`,
        requestId: String(req.id),
      }),
    });
    const fastify = app.getHttpAdapter().getInstance();
    const carrierCheck: HeaderCheck = (req) => {
      if (!carrierOf(req))
        throw new ApiError(401, 'UNAUTHENTICATED', 'a valid carrier API key is required (x-api-key)');
    };
    const iapi = app.get(IapiUseCase);
    // Credentials first, then a slot: nobody's body is read before both.
    checkBeforeBody(fastify, {
      ...staff,
      ...Object.fromEntries([...CARRIER_ROUTES].map((route) => [route, carrierCheck])),
      'POST /v1/iapi': (req) => {
        carrierCheck(req);
        iapi.assertRoom();
      },
    });
    limitConcurrency(
      fastify,
      CARRIER_ROUTES,
      new ConcurrencyGate(settings.GATEWAY_CARRIER_CONCURRENCY, settings.GATEWAY_CARRIER_QUEUE),
      () =>
        new ApiError(503, 'CARRIER_BUSY', 'carrier traffic is at its limit on this gateway; retry shortly'),
    );
    await listen(app, settings.GATEWAY_PORT);
  });
}
