import type { ServerResponse } from 'node:http';

/**
 * Starts a server-sent-event response on a hijacked reply: no caching, no sniffing, no proxy
 * buffering (`x-accel-buffering`: reverse proxies pass events through as they come), and the request id the rest of the API sends.
 */
export function startEventStream(res: ServerResponse, requestId: string): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-accel-buffering': 'no',
    'x-request-id': requestId,
  });
}
