import { randomUUID } from 'node:crypto';

import { Redis } from 'ioredis';

import { BULK_CHUNK, BulkCommands, DecisionStore, type HotPathEntry, RedisKeys } from '@paxscreen/redis';

/**
 * The bulk writes and reads of the screening hot path (scripts of `BULK_CHUNK` keys on a single
 * node, one command per key on a cluster) against a real redis-server: the same keys, values and
 * expiries either way. Keys under a prefix of this run only; the shared server is never flushed.
 */
describe('BulkCommands and the hot path on a real Redis', () => {
  const prefix = `bulk-${randomUUID()}:`;
  let client: Redis;

  beforeAll(async () => {
    client = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
    await client.connect();
  });

  afterAll(async () => {
    const keys = await client.keys(`${prefix}*`);
    for (let i = 0; i < keys.length; i += 500) await client.del(...keys.slice(i, i + 500));
    client.disconnect();
  });

  const n = BULK_CHUNK * 2 + 7;
  const keyOf = (way: string, i: number) => `${prefix}${way}:${i}`;

  describe.each([
    ['scripts', {}],
    ['one command per key', { perKey: true }],
  ])('%s', (way, options) => {
    it('SETs every key with its value and expiry, and GETs them back in order (null where none)', async () => {
      const bulk = new BulkCommands(client, options);
      const entries = Array.from({ length: n }, (_, i) => [keyOf(`s-${way}`, i), `value ${i} ✓`] as const);
      await bulk.setEx(entries, 600);
      const keys = [...entries.map((e) => e[0]), keyOf(`s-${way}`, -1)];
      const got = await bulk.get(keys);
      expect(got).toEqual([...entries.map((e) => e[1]), null]);
      const ttl = await client.ttl(entries[n - 1][0]);
      expect(ttl).toBeGreaterThan(590);
      expect(ttl).toBeLessThanOrEqual(600);
    });

    it('HSETs a field per entry (two on one key) and sets the expiry of each key', async () => {
      const bulk = new BulkCommands(client, options);
      const entries = Array.from(
        { length: n },
        (_, i) => [keyOf(`h-${way}`, i % (n - 1)), `f${i}`, `v${i}`] as const,
      );
      await bulk.hsetEx(entries, 300);
      expect(await client.hgetall(keyOf(`h-${way}`, 0))).toEqual({ f0: 'v0', [`f${n - 1}`]: `v${n - 1}` });
      expect(await client.hgetall(keyOf(`h-${way}`, n - 2))).toEqual({ [`f${n - 2}`]: `v${n - 2}` });
      const ttl = await client.ttl(keyOf(`h-${way}`, 5));
      expect(ttl).toBeGreaterThan(290);
      expect(ttl).toBeLessThanOrEqual(300);
    });

    it('writes only what is missing with onlyMissing (SET NX, HSETNX), and sets the expiry', async () => {
      const bulk = new BulkCommands(client, options);
      const [kept, fresh, hash] = [keyOf(`nx-${way}`, 0), keyOf(`nx-${way}`, 1), keyOf(`nxh-${way}`, 0)];
      await client.set(kept, 'newer');
      await client.hset(hash, 'M1', 'newer');
      await bulk.setEx(
        [
          [kept, 'refill'],
          [fresh, 'refill'],
        ],
        120,
        { onlyMissing: true },
      );
      await bulk.hsetEx(
        [
          [hash, 'M1', 'refill'],
          [hash, 'M2', 'refill'],
        ],
        120,
        { onlyMissing: true },
      );
      expect(await bulk.get([kept, fresh])).toEqual(['newer', 'refill']);
      expect(await client.hgetall(hash)).toEqual({ M1: 'newer', M2: 'refill' });
      expect(await client.ttl(fresh)).toBeGreaterThan(100);
      expect(await client.ttl(hash)).toBeGreaterThan(100);
    });
  });

  it('keeps every decision of a batch on the hot path, by traveller and by document', async () => {
    const store = new DecisionStore(client, new RedisKeys(prefix), 3600);
    const entry = (i: number, manifestId: string): HotPathEntry =>
      ({
        manifestId,
        occurredAt: new Date().toISOString(),
        subject: { documents: [{ type: 'P', number: `X${i % 50}`, issuer: 'AUS' }] },
        decision: { travellerId: `t-${i}`, decisionId: `d-${i}-${manifestId}`, outcome: 'CLEAR' },
      }) as unknown as HotPathEntry;
    await store.putMany(Array.from({ length: n }, (_, i) => entry(i, 'M1')));
    await store.putMany([entry(3, 'M2')]);
    const byTraveller = await store.byTravellers([`t-0`, `t-${n - 1}`, 't-none', 't-3']);
    expect(byTraveller.map((e) => e?.decision.decisionId)).toEqual([
      'd-0-M1',
      `d-${n - 1}-M1`,
      undefined,
      'd-3-M2',
    ]);
    // X3 is on travellers 3, 53, 103… of M1 (the last one written wins per manifest) and on M2.
    const onDocument = await store.byDocument('AUS', 'X3');
    const last = Math.max(...Array.from({ length: n }, (_, i) => i).filter((i) => i % 50 === 3));
    expect(onDocument.map((e) => e.decision.decisionId).sort()).toEqual([`d-${last}-M1`, 'd-3-M2'].sort());
  });
});
