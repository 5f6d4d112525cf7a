import { connect } from 'node:net';

/** What a raw HTTP/1.1 exchange gave: the bytes the server wrote, and when it first answered. */
export interface RawExchange {
  response: string;
  /** ms from the first byte sent to the server's first byte; undefined when it never answered. */
  answeredAfterMs?: number;
  /** Body bytes written before the server answered. */
  bodyBytesBeforeAnswer: number;
}

/**
 * Sends `head` (request line and headers), then `body` in `chunkBytes` pieces `delayMs` apart,
 * stopping as soon as the server answers; gives up after `giveUpMs`. Shows whether a server
 * answers before reading a body it was promised.
 */
export function rawExchange(
  base: string,
  head: string,
  body: Buffer = Buffer.alloc(0),
  { chunkBytes = 64 * 1024, delayMs = 20, giveUpMs = 10_000 } = {},
): Promise<RawExchange> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const started = Date.now();
    let response = '';
    let answeredAfterMs: number | undefined;
    let sent = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ response, answeredAfterMs, bodyBytesBeforeAnswer: sent });
    };
    const giveUp = setTimeout(finish, giveUpMs);
    socket.on('data', (d) => {
      answeredAfterMs ??= Date.now() - started;
      response += d.toString('latin1');
      // The whole answer is in once its declared body is (the server may keep the socket open).
      const [headers, rest = ''] = response.split('\r\n\r\n');
      const length = /content-length: *(\d+)/i.exec(headers)?.[1];
      if (length !== undefined && Buffer.byteLength(rest, 'latin1') >= Number(length)) finish();
    });
    socket.on('close', finish);
    socket.on('error', finish);
    socket.on('connect', async () => {
      socket.write(head);
      while (sent < body.length && answeredAfterMs === undefined && !done) {
        await new Promise((r) => setTimeout(r, delayMs));
        if (answeredAfterMs !== undefined || done) break;
        const chunk = body.subarray(sent, sent + chunkBytes);
        socket.write(chunk);
        sent += chunk.length;
      }
    });
  });
}

/** Status and JSON body of a raw response. */
export function parseRaw(response: string): { status: number; json?: Record<string, unknown> } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
  const body = response.split('\r\n\r\n').slice(1).join('\r\n\r\n');
  try {
    return { status, json: JSON.parse(body) as Record<string, unknown> };
  } catch {
    return { status };
  }
}
