import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Redis } from 'ioredis';

import { type ManifestParsed, Topic } from '@paxscreen/contracts';
import { RecordsReader } from '@paxscreen/records';
import { PrivateRedis, testPaxlst, waitFor } from '@paxscreen/testing';

import { HotPathRefill } from '../apps/records/src/hot-path/hot-path-refill.service';
import { RevetIndexRefill } from '../apps/screening/src/revet/revet-index-refill.service';
import { TestStack } from './support/stack';
import { TopicReader } from './support/topic-reader';

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
  let manifests: TopicReader | undefined;

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
      REVET_INDEX_CHECK_MS: '3600000',
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
    await manifests?.stop();
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

  it('checks the re-vetting index once screening has loaded its lists: a new Redis gets its marker at start', async () => {
    // REVET_INDEX_CHECK_MS is an hour here, so only the check at start can have set it. It used to
    // run at bootstrap, while the index build held the event loop, and its Redis command timed out.
    const marker = await waitFor(async () => (await client.keys('*revet*filled')).at(0), {
      what: 're-vetting index marker',
    });
    expect(Date.parse((await client.get(marker))!)).toBeGreaterThan(0);
  });

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

  const traveller = (surname: string, number: string) => ({
    role: 'PASSENGER' as const,
    surname,
    givenNames: 'SAM',
    dateOfBirth: '1985-03-03',
    gender: 'M' as const,
    nationality: 'AUS',
    documents: [{ type: 'P', number, issuer: 'AUS', expiry: '2031-01-01' }],
  });
  const submitted = async (bytes: string) => {
    const { status, body } = await stack.submit('RL', bytes);
    expect(status).toBe(202);
    return String(body.receiptId);
  };
  const settled = (receiptId: string, status: string) =>
    waitFor(
      async () => {
        const r = await stack.receipt('RL', receiptId);
        return r.status === status ? r : undefined;
      },
      { what: `receipt ${status}` },
    );

  it('loses no working state in a flush: a multi-part set, a manifest version, the re-vetting index', async () => {
    const reader = stack.apps.get('records')!.get(RecordsReader);
    const current = (number: string) => reader.byDocument('AUS', number, 10);
    const filed = (number: string, outcome?: string) =>
      waitFor(
        async () => {
          const page = await current(number);
          return page.items.length > 0 && (!outcome || page.items[0]!.outcome === outcome)
            ? page.items
            : undefined;
        },
        { what: `decision for ${number} filed${outcome ? ` as ${outcome}` : ''}` },
      );
    manifests = await new TopicReader(stack.prefix, Topic.Manifests).start();
    const flight = { number: '0777' };
    // Before the flush: the first part of a two-part set, the first version of a manifest, and a
    // traveller screened CLEAR (in the re-vetting index) whom a later list lists.
    const part = (sequence: number, final: boolean, surname: string, number: string) =>
      testPaxlst('RL', `00010${sequence}`, [traveller(surname, number)], {
        flight: { number: '0555' },
        multipart: { reference: 'FLUSH-SET', sequence, final },
      });
    const part1 = await submitted(part(1, false, 'PARTONE', 'XR0000101'));
    const v1 = await submitted(testPaxlst('RL', '000201', [traveller('VERSIONED', 'XR0000201')], { flight }));
    await submitted(
      testPaxlst('RL', '000301', [traveller('REVETTED', 'XR0000301')], { flight: { number: '0888' } }),
    );
    await settled(part1, 'AWAITING_PARTS');
    const [first] = await filed('XR0000201');
    expect(first!.outcome).toBe('CLEAR');
    expect((await filed('XR0000301'))[0]!.outcome).toBe('CLEAR');

    await client.flushall();
    expect(await client.dbsize()).toBe(0);

    // The set's second part completes it: both receipts PARSED, both travellers screened.
    const part2 = await submitted(part(2, true, 'PARTTWO', 'XR0000102'));
    await settled(part2, 'PARSED');
    expect(await settled(part1, 'PARSED')).toMatchObject({ status: 'PARSED' });
    await filed('XR0000101');
    await filed('XR0000102');

    // The manifest sent again (one traveller more) is version 2 (PostgreSQL numbered it), and
    // once records has refilled the hot path (every RECORDS_HOTPATH_CHECK_MS; called here) its
    // decision supersedes the one made before the flush.
    await stack.apps.get('records')!.get(HotPathRefill).check();
    const v2 = await submitted(
      testPaxlst('RL', '000202', [traveller('VERSIONED', 'XR0000201'), traveller('ADDED', 'XR0000202')], {
        flight,
      }),
    );
    const versions = await waitFor(
      () => {
        const mine = manifests!
          .json<ManifestParsed.Value>()
          .filter((m) => m.correlationId === v1 || m.correlationId === v2);
        return mine.length === 2 ? mine : undefined;
      },
      { what: 'both manifest versions on the topic' },
    );
    expect(Object.fromEntries(versions.map((m) => [m.correlationId, m.manifestVersion]))).toEqual({
      [v1]: 1,
      [v2]: 2,
    });
    const history = await waitFor(
      async () => {
        const page = await reader.travellerHistory(first!.travellerId, 10);
        return page.items.length === 2 ? page.items : undefined;
      },
      { what: 'second decision filed' },
    );
    expect(history[1]!.supersedes).toBe(history[0]!.decisionId);

    // The re-vetting index comes back from the travellers topic: a list change re-vets a
    // traveller screened before the flush and never sent again.
    await stack.apps.get('screening')!.get(RevetIndexRefill).check();
    await stack.importList(
      'lost-stolen.csv',
      `${LOST_STOLEN}LSD-2,XR0000301,AUS,P,STOLEN,2024-02-01\n`,
      'SLTD',
    );
    const [revetted] = await filed('XR0000301', 'NO_BOARD');
    expect(revetted!.supersedes).not.toBeNull();
  });

  it('a traveller screened again before the refill has one current decision all the same', async () => {
    const reader = stack.apps.get('records')!.get(RecordsReader);
    const flight = { number: '0444' };
    await submitted(testPaxlst('RL', '000401', [traveller('GAPPED', 'XR0000401')], { flight }));
    const first = await waitFor(async () => (await reader.byDocument('AUS', 'XR0000401', 10)).items[0], {
      what: 'first decision filed',
    });

    await client.flushall();
    expect(await client.dbsize()).toBe(0);

    // Sent again before records refills the hot path: screening finds no decision to supersede.
    await submitted(testPaxlst('RL', '000402', [traveller('GAPPED', 'XR0000401')], { flight }));
    const history = await waitFor(
      async () => {
        const page = await reader.travellerHistory(first.travellerId, 10);
        return page.items.length === 2 ? page.items : undefined;
      },
      { what: 'second decision filed' },
    );
    expect(history[0]!.decisionId).toBe(first.decisionId);
    expect(history[1]!.supersedes).toBeNull();
    // The system of record supersedes the earlier decision anyway: one current decision, the later.
    const current = await reader.byDocument('AUS', 'XR0000401', 10);
    expect(current.items.map((d) => d.decisionId)).toEqual([history[1]!.decisionId]);
  });
});
