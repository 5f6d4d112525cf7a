import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Request headers a proxied call carries on; cookies and hop-by-hop headers never do. */
const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'accept', 'x-request-id', 'traceparent'];
/** Response headers handed back to the browser. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'etag', 'cache-control', 'retry-after'];

export interface ProxyRoute {
  /** Path prefix served, e.g. `/v1/casework`: `/v1/casework/...` goes to `<upstream>/v1/casework/...`. */
  prefix: string;
  upstream: string;
}

/**
 * The upstream URL for a request URL (path and query) under `route.prefix`, or null when the path,
 * once resolved, would leave the prefix (`..` segments, encoded or not): the proxy never reaches
 * an upstream path the browser could not name directly.
 */
export function proxyTarget(route: ProxyRoute, requestUrl: string): URL | null {
  if (/%2e|%2f|%5c|\\/i.test(requestUrl.split('?')[0])) return null;
  const target = new URL(requestUrl, route.upstream);
  const base = new URL(route.upstream);
  if (target.origin !== base.origin) return null;
  if (target.pathname !== route.prefix && !target.pathname.startsWith(`${route.prefix}/`)) return null;
  return target;
}

export function forwardedHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/**
 * Passes the browser's calls under each prefix on to its upstream service with the caller's bearer
 * token (one origin for the page; the upstream authenticates and authorises as it always does).
 * An upstream that does not answer is 502 UPSTREAM_UNAVAILABLE; one too slow, 504 UPSTREAM_TIMEOUT.
 */
export function registerUpstreamProxy(
  fastify: FastifyInstance,
  routes: readonly ProxyRoute[],
  timeoutMs: number,
): void {
  for (const route of routes) {
    const handler = async (req: FastifyRequest, reply: FastifyReply) => {
      const target = proxyTarget(route, req.url);
      if (!target) return reply.status(400).send({ code: 'BAD_PATH', message: 'the path is not allowed' });
      const body =
        Buffer.isBuffer(req.body) && req.method !== 'GET' && req.method !== 'HEAD' ? req.body : undefined;
      let res: Response;
      try {
        res = await fetch(target, {
          method: req.method,
          headers: { ...forwardedHeaders(req.headers), 'x-request-id': String(req.id) },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        const timedOut = (err as Error).name === 'TimeoutError';
        return reply
          .status(timedOut ? 504 : 502)
          .send(
            timedOut
              ? { code: 'UPSTREAM_TIMEOUT', message: `${route.prefix} did not answer in time` }
              : { code: 'UPSTREAM_UNAVAILABLE', message: `${route.prefix} is not reachable` },
          );
      }
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = res.headers.get(name);
        if (value !== null) void reply.header(name, value);
      }
      return reply.status(res.status).send(Buffer.from(await res.arrayBuffer()));
    };
    fastify.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: `${route.prefix}/*`, handler });
  }
}
