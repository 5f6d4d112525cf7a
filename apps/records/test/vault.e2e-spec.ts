import { Kysely } from 'kysely';

import type { Receipt } from '@paxscreen/contracts';
import { createDatabase, migrate, postgresSettingsFromEnv } from '@paxscreen/postgres';
import { PnrVault, RECORDS_MIGRATIONS, ReceiptStore, type RecordsDatabase } from '@paxscreen/records';
import { testSchema, testTravellerEvent } from '@paxscreen/testing';

const DAY_MS = 86_400_000;

/**
 * The PNR vault and the receipts in PostgreSQL (issue 15: Redis is only a cache): the contract the
 * gateway and the parser rely on, on a real server.
 */
describe('vault: PNR records and receipts in PostgreSQL', () => {
  let db: Kysely<RecordsDatabase>;
  let schema: ReturnType<typeof testSchema>;
  let clock = Date.now();

  beforeAll(async () => {
    schema = testSchema('vault');
    db = createDatabase<RecordsDatabase>(
      postgresSettingsFromEnv({ DATABASE_URL: schema.databaseUrl, DATABASE_SCHEMA: schema.schema }),
      'records-vault-e2e',
    );
    await migrate(db as Kysely<unknown>, schema.schema, RECORDS_MIGRATIONS);
  });

  afterAll(async () => {
    await db?.destroy();
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
});
