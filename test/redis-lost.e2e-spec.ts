import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Redis } from 'ioredis';

import { RecordsReader } from '@paxscreen/records';
import { PrivateRedis, testPaxlst, waitFor } from '@paxscreen/testing';

import { HotPathRefill } from '../apps/records/src/hot-path/hot-path-refill.service';
import { TestStack } from './support/stack';

/** A free port for this suite's own redis-server (PAXSCREEN_TEST_PRIVATE_REDIS_PORT to pin one). */
async function freePort(): Promise<number> {
  if (process.env.PAXSCREEN_TEST_PRIVATE_REDIS_PORT)
    return Number(process.env.PAXSCREEN_TEST_PRIVATE_REDIS_PORT);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const LOST_STOLEN = `id,document_number,issuer,document_type,status,reported_on
LSD-1,XR0000777,AUS,P,STOLEN,2024-01-15
`;

/**
 * Redis is a cache (issue 15): on a redis-server of this suite's own (the shared one is never
 * flushed), FLUSHALL loses no receipt and no decision. Until the records service refills the hot
 * path, a port-of-entry look-up is answered from PostgreSQL; after the refill, from Redis again.
 */
describe('Redis lost: receipts and look-ups answered from PostgreSQL, hot path refilled', () => {
  let redis: PrivateRedis;
  let stack: TestStack;
  let client: Redis;

  beforeAll(async () => {
    redis = new PrivateRedis({
      port: await freePort(),
      dir: join(tmpdir(), `paxscreen-redis-lost-${process.pid}`),
      persistence: 'none',
    });
    await redis.fresh();
    client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    // No automatic refill while the test looks: it calls the refill itself.
    stack = TestStack.create('redis-lost', ['RL'], {
      REDIS_URL: redis.url,
      RECORDS_HOTPATH_CHECK_MS: '3600000',
    });
    await stack.start('watchlist');
    await stack.importList('lost-stolen.csv', LOST_STOLEN, 'SLTD');
    await Promise.all([
      stack.start('screening'),
      stack.start('parser'),
      stack.start('gateway'),
      stack.start('records'),
    ]);
  });

  afterAll(async () => {
    await stack?.close();
    client?.disconnect();
    await redis?.stop();
    redis?.clean();
  });

  const lookup = async () => {
    const res = await fetch(`${await stack.url('gateway')}/v1/poe/documents/AUS/XR0000777`, {
      headers: { authorization: `Bearer ${await stack.token('officer')}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { advanceData: boolean; note?: string; decision?: { outcome: string } };
  };

  it('answers receipts and look-ups after FLUSHALL, from PostgreSQL until the hot path is refilled', async () => {
    const manifest = testPaxlst('RL', '000001', [
      {
        role: 'PASSENGER',
        surname: 'REDISLOST',
        givenNames: 'PAT',
        dateOfBirth: '1980-02-02',
        gender: 'F',
        nationality: 'AUS',
        documents: [{ type: 'P', number: 'XR0000777', issuer: 'AUS', expiry: '2031-01-01' }],
      },
    ]);
    const { status, body } = await stack.submit('RL', manifest);
    expect(status).toBe(202);
    const receiptId = String(body.receiptId);
    // Screened (hot path) and filed (records) before Redis loses everything.
    const before = await waitFor(
      async () => {
        const r = await lookup();
        return r.advanceData && r.note === undefined ? r : undefined;
      },
      { what: 'hot-path decision' },
    );
    expect(before.decision?.outcome).toBe('NO_BOARD');
    expect(before.note).toBeUndefined();
    const reader = stack.apps.get('records')!.get(RecordsReader);
    await waitFor(
      async () =>
        (await reader.currentEventsForDocument('AUS', 'XR0000777', new Date(0))).length > 0 || undefined,
      { what: 'decision filed in PostgreSQL' },
    );
    const parsed = await waitFor(
      async () => {
        const r = await stack.receipt('RL', receiptId);
        return r.status === 'PARSED' ? r : undefined;
      },
      { what: 'receipt PARSED' },
    );

    // This suite's own redis-server: FLUSHALL here touches nobody else.
    await client.flushall();
    expect(await client.dbsize()).toBe(0);

    // The receipt lives in PostgreSQL: unchanged, and still only for its own carrier.
    expect(await stack.receipt('RL', receiptId)).toEqual(parsed);

    const during = await lookup();
    expect(during).toMatchObject({ advanceData: true, decision: { outcome: 'NO_BOARD' } });
    expect(during.note).toMatch(/system of record/);

    await stack.apps.get('records')!.get(HotPathRefill).check();
    const after = await lookup();
    expect(after).toMatchObject({ advanceData: true, decision: { outcome: 'NO_BOARD' } });
    expect(after.note).toBeUndefined();
  });
});
