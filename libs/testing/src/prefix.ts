import { randomBytes } from 'node:crypto';

/**
 * Topic and key prefixes unique to one test suite within one run, so runs and suites never see
 * each other's data on a shared broker or Redis. Shape: `<run>-<suite>-<random>.`
 */
export function uniquePrefix(suite: string): string {
  const run = process.env.PAXSCREEN_TEST_RUN ?? 'tlocal';
  const safe = suite
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 24);
  return `${run}-${safe}-${randomBytes(3).toString('hex')}.`;
}

/** Environment for apps under test: services from global-setup, this suite's prefixes. */
export function testEnv(prefix: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KAFKA_TOPIC_PREFIX: prefix,
    REDIS_KEY_PREFIX: prefix,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    ...extra,
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeoutMs = 30000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined && v !== null && v !== false) return v as T;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
