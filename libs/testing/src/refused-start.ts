import { createHook } from 'node:async_hooks';

/**
 * A start with every server address in a closed port (nothing there answers) and valid secrets: the
 * base of a spec that a refused setting stops an app's start. Ports 31501-31503 are unused here.
 */
export const REFUSED_START_ENV: NodeJS.ProcessEnv = {
  KAFKA_BROKERS: '127.0.0.1:31502',
  REDIS_URL: 'redis://127.0.0.1:31501',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:31503/paxscreen',
  AUTH_JWT_SECRET: 'refused-start-secret-0123456789abcdef',
  PNR_UNMASK_KEY: 'ab'.repeat(32),
  LOG_LEVEL: 'silent',
};

/**
 * Starts an app with a refused setting: returns the error it rejected with, and what the start
 * left behind that keeps the process alive (timers and sockets it created, not destroyed and still
 * referenced after `settleMs`, by kind). An app that validates its settings before it opens a
 * client leaves none; a Redis client left open leaves its reconnect timer and socket.
 */
export async function refusedStart(
  start: () => Promise<{ close(): Promise<void> }>,
  settleMs = 300,
): Promise<{ error: unknown; leftOpen: Record<string, number> }> {
  const created = new Map<number, { type: string; resource: { hasRef?: () => boolean } }>();
  const hook = createHook({
    init: (id, type, _trigger, resource) => {
      if (type !== 'Timeout' && type !== 'TCPWRAP') return;
      // Jest's own timers (its status reporter ticks in this process when the run is in band).
      if (/node_modules\/(@jest|jest-)/.test(new Error().stack ?? '')) return;
      created.set(id, { type, resource: resource as never });
    },
    destroy: (id) => void created.delete(id),
  }).enable();
  let error: unknown;
  try {
    const app = await start();
    await app.close();
  } catch (err) {
    error = err;
  }
  // Waited out in turns of the event loop, not with a timer of its own (which the hook would count).
  for (const until = Date.now() + settleMs; Date.now() < until;) await new Promise((r) => setImmediate(r));
  hook.disable();
  const leftOpen: Record<string, number> = {};
  for (const { type, resource } of created.values())
    if (resource.hasRef?.() ?? true) leftOpen[type] = (leftOpen[type] ?? 0) + 1;
  return { error, leftOpen };
}
