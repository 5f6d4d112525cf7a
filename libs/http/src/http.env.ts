import { IsInt, Min } from 'class-validator';

/**
 * Timeouts every HTTP app applies to its clients (validated at start). They bound what a slow or
 * stalled client can hold: a request whose headers or body arrive byte by byte is answered 408 and
 * its connection closed once the time is up, whatever the body limit.
 */
export class HttpEnv {
  /** The whole request, headers and body, must have arrived within this, ms. */
  @IsInt() @Min(100) HTTP_REQUEST_TIMEOUT_MS = 30_000;
  /** The headers must have arrived within this, ms (capped at the request timeout). */
  @IsInt() @Min(100) HTTP_HEADERS_TIMEOUT_MS = 10_000;
  /** A connection with no traffic at all is closed after this, ms. */
  @IsInt() @Min(100) HTTP_CONNECTION_TIMEOUT_MS = 60_000;
}

/**
 * How often Node checks requests against those timeouts (its default is 30 s, which would let a
 * slow client hold a connection up to 30 s past its deadline): a quarter of the request timeout,
 * between these bounds.
 */
const MIN_CHECK_INTERVAL_MS = 25;
const MAX_CHECK_INTERVAL_MS = 5_000;

/**
 * How long an idle kept-alive connection is kept, and announced (`Keep-Alive: timeout=N`):
 * Fastify's 72 s, but always a second short of the idle-connection timeout. Announcing 72 s while
 * closing at 60 s let a client that trusts the announcement (undici's fetch does) send its next
 * request on a socket the server was closing: the request is lost with "other side closed".
 */
const KEEP_ALIVE_MS = 72_000;
const KEEP_ALIVE_MARGIN_MS = 1_000;

export function serverTimeouts(env: HttpEnv): {
  requestTimeout: number;
  connectionTimeout: number;
  keepAliveTimeout: number;
  http: { requestTimeout: number; headersTimeout: number; connectionsCheckingInterval: number };
} {
  const request = env.HTTP_REQUEST_TIMEOUT_MS;
  return {
    requestTimeout: request,
    connectionTimeout: env.HTTP_CONNECTION_TIMEOUT_MS,
    keepAliveTimeout: Math.max(
      1,
      Math.min(KEEP_ALIVE_MS, env.HTTP_CONNECTION_TIMEOUT_MS - KEEP_ALIVE_MARGIN_MS),
    ),
    http: {
      requestTimeout: request,
      headersTimeout: Math.min(env.HTTP_HEADERS_TIMEOUT_MS, request),
      connectionsCheckingInterval: Math.min(
        MAX_CHECK_INTERVAL_MS,
        Math.max(MIN_CHECK_INTERVAL_MS, Math.floor(request / 4)),
      ),
    },
  };
}
