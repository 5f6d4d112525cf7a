import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';

import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import helmet from 'helmet';

import { loadEnv } from '@paxscreen/contracts';
import { LOGGER, type Logger, Metrics, PinoNestLogger } from '@paxscreen/observability';

import { ErrorFilter } from './error.filter';
import { HttpEnv, serverTimeouts } from './http.env';

export interface HttpAppOptions {
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Smaller limits for some routes (`METHOD /route/pattern` → bytes), enforced while reading. */
  routeBodyLimits?: Record<string, number>;
  /** Serve an OpenAPI document at /docs. */
  openApi?: { title: string; description: string; version: string };
  /**
   * Content-Security-Policy override for apps that serve pages (dashboard, /docs). Merged with
   * helmet's defaults; a directive set to null removes that default.
   */
  contentSecurityPolicy?: Record<string, string[] | null>;
  /** Where the HTTP_* timeouts are read from (the app's environment; default process.env). */
  env?: NodeJS.ProcessEnv;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Errors Node's HTTP parser answers before any route runs (oversized headers, a timed-out or
 * malformed request): JSON with a stable `code`, like every other error (issue 20, item 7).
 */
const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'HEADERS_TOO_LARGE',
    message: 'the request headers are too large',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'REQUEST_TIMEOUT',
    message: 'the request took too long to arrive',
  },
};
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[err.code ?? ''] ?? {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'the request could not be read',
  };
  const body = JSON.stringify({ code: known.code, message: known.message, requestId: randomUUID() });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${known.status} ${STATUS_TEXT[known.status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}

/**
 * Bodies reach controllers as raw Buffers, whatever their content type: carrier bytes must be kept
 * exactly as sent, and JSON bodies are decoded and validated by the controller against a contract.
 */
function keepRawBodies(adapter: FastifyAdapter, bodyLimit: number): void {
  const fastify = adapter.getInstance();
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));
}

export async function createHttpApp(
  module: Type<unknown> | DynamicModule,
  options: HttpAppOptions = {},
): Promise<NestFastifyApplication> {
  const bodyLimit = options.bodyLimit ?? 10 * 1024 * 1024;
  const timeouts = serverTimeouts(loadEnv(HttpEnv, options.env ?? process.env));
  const adapter = new FastifyAdapter({
    bodyLimit,
    trustProxy: false,
    // Carrier request ids travel on to Kafka headers; anything odd is replaced, never echoed.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Slow headers and bodies are cut off (408) rather than holding a connection open.
    ...timeouts,
    clientErrorHandler: answerClientError,
  });
  keepRawBodies(adapter, bodyLimit);
  // Routes are registered when Nest initialises, after this hook: each gets its own limit, which
  // Fastify checks against content-length first and against the bytes as they arrive.
  const routeLimits = options.routeBodyLimits ?? {};
  adapter.getInstance().addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const limit = routeLimits[`${method} ${route.url}`];
      if (limit !== undefined) route.bodyLimit = limit;
    }
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    // Nest would otherwise add its own JSON / urlencoded parsers at init, which replace the raw
    // parser above for `application/json`: a JSON manifest or iAPI request would reach the
    // controller as an object, not as the bytes sent.
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(app.get(PinoNestLogger));
  app.useGlobalFilters(new ErrorFilter(logger));
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  // Security headers, the same on every response: helmet's middleware is built once here
  // (@fastify/helmet built it again for every request, about 30 µs of CPU each).
  const securityHeaders = helmet({
    contentSecurityPolicy: options.contentSecurityPolicy
      ? { directives: options.contentSecurityPolicy }
      : { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginEmbedderPolicy: false,
  });
  fastify.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, () => done()));
  const metrics = app.get(Metrics);
  fastify.addHook('onSend', async (req: FastifyRequest, reply, payload) => {
    void reply.header('x-request-id', String(req.id));
    return payload;
  });
  fastify.addHook('onResponse', async (req, reply) => {
    metrics.httpRequests.observe(
      { method: req.method, route: req.routeOptions?.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  if (options.openApi) {
    const config = new DocumentBuilder()
      .setTitle(options.openApi.title)
      .setDescription(options.openApi.description)
      .setVersion(options.openApi.version)
      .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'carrier-key')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'officer-token')
      .build();
    SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), {
      jsonDocumentUrl: 'docs/openapi.json',
    });
  }
  return app;
}

/** Listens on 127.0.0.1 unless HOST says otherwise; logs where. */
export async function listen(
  app: NestFastifyApplication,
  port: number,
  host = process.env.HOST ?? '127.0.0.1',
): Promise<string> {
  await app.listen(port, host);
  const url = await app.getUrl();
  app.get<Logger>(LOGGER).info({ url }, 'listening');
  return url;
}

/**
 * The rest of an app's start after its build (listen, consumers, timers): when it fails, the app
 * is closed before the error is passed on. The build has created the app's clients (ioredis
 * connects at once; listen connects Kafka and PostgreSQL), and a start that rejects without
 * closing them keeps the process alive: a service stuck half-started, a test run that never ends.
 */
export async function closeOnFailure<T extends INestApplication>(
  app: T,
  rest: () => Promise<unknown>,
): Promise<T> {
  try {
    await rest();
    return app;
  } catch (err) {
    await app.close().catch(() => undefined);
    throw err;
  }
}

/** Runs an app's `main`, turning a start-up failure (bad configuration…) into one line and exit 1. */
export function run(main: () => Promise<unknown>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
