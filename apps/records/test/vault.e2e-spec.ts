import { Kysely } from 'kysely';

import type { Receipt } from '@paxscreen/contracts';
import {
  ManifestStore,
  PnrVault,
  RECORDS_MIGRATIONS,
  ReceiptStore,
  type RecordsDatabase,
} from '@paxscreen/records';
import { migratedTestDatabase, type MigratedTestDatabase, testTravellerEvent } from '@paxscreen/testing';

const DAY_MS = 86_400_000;

/**
 * The PNR vault and the receipts in PostgreSQL (issue 15: Redis is only a cache): the contract the
 * gateway and the parser rely on, on a real server.
 */
describe('vault: PNR records and receipts in PostgreSQL', () => {
  let db: Kysely<RecordsDatabase>;
  let schema: MigratedTestDatabase<RecordsDatabase>;
  let clock = Date.now();

  beforeAll(async () => {
    schema = await migratedTestDatabase<RecordsDatabase>('vault', RECORDS_MIGRATIONS);
    db = schema.db;
  });

  afterAll(async () => {
    await schema?.drop();
  });

  const receipt = (id: string, carrier = 'VA'): Receipt =>
    ({ receiptId: id, carrier, status: 'RECEIVED', receivedAt: new Date(clock).toISOString() }) as Receipt;

  it('claims by bytes or key once, lets an expired claim be taken over, releases only its own', async () => {
    const store = new ReceiptStore(db, 60, () => clock);
    expect(await store.claim('digest-1', 'r1')).toBeUndefined();
    expect(await store.claim('digest-1', 'r2')).toBe('r1');
    await store.release('digest-1', 'r2');
    expect(await store.claim('digest-1', 'r3')).toBe('r1');
    clock += 61_000;
    expect(await store.claim('digest-1', 'r4')).toBeUndefined();
    await store.release('digest-1', 'r4');
    expect(await store.claim('digest-1', 'r5')).toBeUndefined();
  });

  it('keeps a receipt for its period, patches it in one statement, marks it stored', async () => {
    const store = new ReceiptStore(db, 60, () => clock);
    await store.put(receipt('rc-1'));
    expect(await store.isStored('rc-1')).toBe(false);
    await store.markStored('rc-1');
    expect(await store.isStored('rc-1')).toBe(true);
    // Parts of one message patch one receipt at once: no patch is lost.
    await Promise.all([
      store.update('rc-1', { status: 'PARSED' }),
      store.update('rc-1', { messageType: 'PAXLST' } as Partial<Receipt>),
    ]);
    expect(await store.get('rc-1')).toMatchObject({ status: 'PARSED', messageType: 'PAXLST', carrier: 'VA' });
    expect(await store.update('missing', { status: 'PARSED' })).toBeUndefined();
    clock += 61_000;
    expect(await store.get('rc-1')).toBeUndefined();
  });

  it('numbers manifest versions once per receipt, at once for concurrent receipts, again after expiry', async () => {
    const store = new ManifestStore(db, 60, () => clock);
    expect(await store.versionFor('mf-1', 'ra')).toBe(1);
    expect(await store.versionFor('mf-1', 'rb')).toBe(2);
    // A redelivered receipt keeps its number.
    expect(await store.versionFor('mf-1', 'ra')).toBe(1);
    // Receipts of one manifest at the same time: each its own number, no gap, no repeat.
    const many = await Promise.all(['r1', 'r2', 'r3', 'r4', 'r5'].map((r) => store.versionFor('mf-1', r)));
    expect([...many].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(await store.versionFor('mf-2', 'ra')).toBe(1);
    clock += 61_000;
    // Expired (as the Redis key was): the numbering starts again.
    expect(await store.versionFor('mf-1', 'rc')).toBe(1);
    expect(await store.purgeExpired()).toBeGreaterThan(0);
    expect(await store.versionFor('mf-1', 'rc')).toBe(1);
  });

  it('keeps the parts of a multi-part set until dropped; hands stale sets to the sweeper', async () => {
    const store = new ManifestStore(db, 600, () => clock);
    const part = (receiptId: string, n: number) => ({ receiptId, receivedAt: clock, message: { n } });
    const t0 = clock;
    expect(await store.addPart('MP', 'PAXLST:R1', 2, part('p2', 2), t0)).toEqual([part('p2', 2)]);
    // A part of the same set from another carrier is another set.
    await store.addPart('XX', 'PAXLST:R1', 1, part('x1', 1), t0);
    const both = await store.addPart('MP', 'PAXLST:R1', 1, part('p1', 1), t0 + 5000);
    expect(both.map((p) => p.receiptId)).toEqual(['p1', 'p2']);
    // A part sent again replaces the one kept.
    const again = await store.addPart('MP', 'PAXLST:R1', 1, part('p1-again', 1), t0 + 6000);
    expect(again).toEqual([part('p1-again', 1), part('p2', 2)]);
    expect(await store.staleSets(t0 - 1)).toEqual([]);
    const stale = await store.staleSets(t0 + 1);
    expect(stale.map((s) => [s.carrier, s.reference, s.parts.length])).toEqual([
      ['MP', 'PAXLST:R1', 2],
      ['XX', 'PAXLST:R1', 1],
    ]);
    await store.dropSet('MP', 'PAXLST:R1');
    expect((await store.staleSets(t0 + 1)).map((s) => s.carrier)).toEqual(['XX']);
    clock += 601_000;
    expect(await store.staleSets(clock)).toEqual([]);
    expect(await store.purgeExpired()).toBeGreaterThan(0);
  });

  it('keeps a part as read, NUL and other control characters included (jsonb would refuse them)', async () => {
    const store = new ManifestStore(db, 600, () => clock);
    const part = {
      receiptId: 'nul',
      receivedAt: clock,
      message: { name: 'A\u0000B\u0001C', text: 'back\\u0000slash' },
    };
    expect(await store.addPart('NU', 'PAXLST:R9', 1, part, clock)).toEqual([part]);
    await store.dropSet('NU', 'PAXLST:R9');
  });

  it('reads a receipt from its first raw record only', async () => {
    const store = new ReceiptStore(db, 60, () => clock);
    await store.put(receipt('rc-2'));
    expect(await store.claimSource('rc-2', '0/10')).toBe(true);
    expect(await store.claimSource('rc-2', '0/10')).toBe(true);
    expect(await store.claimSource('rc-2', '0/11')).toBe(false);
  });

  it('masks PNR records at the masking age, sealed copy kept, and deletes them after retention', async () => {
    const vault = new PnrVault(db, 30 * DAY_MS);
    const now = Date.now();
    const traveller = testTravellerEvent(
      { carrier: 'VA', number: '0001', date: '2026-12-06' },
      { travellerId: 'p', surname: 'VAULTED', givenNames: 'SAM' },
    ).traveller;
    await vault.putMany([
      { travellerId: 'p-old', manifestId: 'm', receivedAt: now - 40 * DAY_MS, masked: false, traveller },
      { travellerId: 'p-mid', manifestId: 'm', receivedAt: now - 10 * DAY_MS, masked: false, traveller },
      { travellerId: 'p-new', manifestId: 'm', receivedAt: now, masked: false, traveller },
    ]);
    // Past retention: never answered, even before the purge.
    expect(await vault.get('p-old', now)).toBeUndefined();
    const masked = await vault.maskReceivedBefore(now - 5 * DAY_MS, (r) => ({
      ...r,
      masked: true,
      traveller: { ...r.traveller, surname: 'V******' },
      sealed: 'sealed-copy',
    }));
    expect(masked).toBe(2);
    expect(await vault.get('p-mid', now)).toMatchObject({
      masked: true,
      sealed: 'sealed-copy',
      traveller: { surname: 'V******' },
    });
    expect(await vault.get('p-new', now)).toMatchObject({ masked: false, traveller: { surname: 'VAULTED' } });
    expect(await vault.maskReceivedBefore(now - 5 * DAY_MS, (r) => r)).toBe(0);
    expect(await vault.purgeReceivedBefore(now - 30 * DAY_MS)).toBe(1);
    expect(await vault.counts()).toEqual({ clear: 1, masked: 1 });
  });

  it('files a PNR traveller and a receipt whose text holds a NUL (jsonb refuses it): kept as U+FFFD', async () => {
    const vault = new PnrVault(db, 30 * DAY_MS);
    const traveller = testTravellerEvent(
      { carrier: 'VA', number: '0002', date: '2026-12-06' },
      { travellerId: 'p-nul', surname: 'NUL\u0000NAME', givenNames: 'SAM' },
    ).traveller;
    await vault.putMany([
      { travellerId: 'p-nul', manifestId: 'm', receivedAt: clock, masked: false, traveller },
    ]);
    expect(await vault.get('p-nul', clock)).toMatchObject({ traveller: { surname: 'NUL\uFFFDNAME' } });
    const store = new ReceiptStore(db, 60, () => clock);
    await store.put({ ...receipt('rc-nul'), manifestId: 'M\u0000' });
    await store.update('rc-nul', { messageType: 'PNRGOV', manifestId: 'P\u0000' });
    expect(await store.get('rc-nul')).toMatchObject({ manifestId: 'P\uFFFD' });
  });
});
