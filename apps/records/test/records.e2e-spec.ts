import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { Kysely, sql } from 'kysely';

import { DecisionMade, Topic } from '@paxscreen/contracts';
import { issueToken, Role } from '@paxscreen/http';
import { createKafka, EventProducer, kafkaSettingsFromEnv } from '@paxscreen/kafka';
import type { RecordsDatabase } from '@paxscreen/records';
import {
  migratedTestDatabase,
  type MigratedTestDatabase,
  TcpProxy,
  testDecisionEvent,
  testEnv,
  testTravellerEvent,
  uniquePrefix,
  waitFor,
} from '@paxscreen/testing';

import { startRecords } from '../src/records.app';

const SECRET = 'records-e2e-secret-0123456789abcdefghij';
const AUTH = { AUTH_JWT_SECRET: SECRET, AUTH_JWT_ISSUER: 'paxscreen', AUTH_JWT_AUDIENCE: 'paxscreen' };
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('records: events from Kafka into PostgreSQL, search, audit', () => {
  let app: NestFastifyApplication;
  let base: string;
  let producer: EventProducer;
  let db: Kysely<RecordsDatabase>;
  let proxy: TcpProxy;
  let schema: MigratedTestDatabase<RecordsDatabase>;
  let prefix: string;
  let redis: Redis;
  const flight = { carrier: 'QF', number: '0001', date: day(1) };
  const token = (subject: string, role: Role) => issueToken(AUTH, { subject, roles: [role] });
  const count = async (table: 'decisions' | 'travellers' | 'dead_letters' | 'audit_events') =>
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const send = (topic: Topic, values: (object | Buffer)[]) =>
    producer.send(
      topic,
      values.map((value) => ({ key: `${flight.carrier}${flight.number}`, value })),
    );
  const get = async (path: string, bearer: string) => {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    // Migrated by the app.
    schema = await migratedTestDatabase<RecordsDatabase>('records');
    const server = new URL(schema.databaseUrl);
    // Everything records says to PostgreSQL goes through this relay, so the outage test can cut it.
    proxy = new TcpProxy(server.hostname, Number(server.port || 5432));
    const port = await proxy.start();
    const viaProxy = new URL(schema.databaseUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(port);
    prefix = uniquePrefix('records');
    const env = testEnv(prefix, {
      ...AUTH,
      RECORDS_PORT: '0',
      DATABASE_URL: viaProxy.toString(),
      DATABASE_SCHEMA: schema.schema,
      DATABASE_STATEMENT_TIMEOUT_MS: '2000',
      RECORDS_HOTPATH_CHECK_MS: '200',
    });
    redis = new Redis(process.env.REDIS_URL!);
    app = await startRecords(env);
    base = await app.getUrl();
    const settings = kafkaSettingsFromEnv(env);
    producer = new EventProducer(createKafka(settings, 'records-e2e'), settings);
    await producer.connect();
    db = schema.db;
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    await proxy?.stop();
    await schema?.drop();
    redis?.disconnect();
  });

  it('files travellers and decisions once each, however often they are delivered; a bad event is dead-lettered', async () => {
    const people = [
      {
        travellerId: 'T-ali',
        surname: 'ALI',
        givenNames: 'MOHAMED',
        dateOfBirth: '1980-01-01',
        nationality: 'EGY',
        document: { issuer: 'EGY', number: 'A1234567' },
      },
      {
        travellerId: 'T-blake',
        surname: 'BLAKE',
        givenNames: 'ROBIN',
        nationality: 'AUS',
        document: { issuer: 'AUS', number: 'XA0000101' },
      },
      {
        travellerId: 'T-tanaka',
        surname: 'TANAKA',
        givenNames: 'EMI',
        nationality: 'JPN',
        document: { issuer: 'JPN', number: 'XJ0000201' },
      },
    ];
    const travellers = people.map((p) => testTravellerEvent(flight, p));
    const decisions = people.map((p, i) =>
      testDecisionEvent(flight, p, { outcome: i === 0 ? 'REFER' : 'CLEAR' }),
    );
    await send(Topic.Travellers, travellers);
    await send(Topic.Decisions, [...decisions, Buffer.from('{"not":"a decision"}')]);
    await waitFor(async () => (await count('decisions')) === 3 && (await count('travellers')) === 3, {
      what: 'three decisions and three travellers in PostgreSQL',
    });
    // The bad record went to the dead-letter topic, and from there into dead_letters.
    const dead = await waitFor(
      () => db.selectFrom('dead_letters').selectAll().where('stage', '=', 'records').executeTakeFirst(),
      { what: 'the dead letter filed' },
    );
    expect(dead).toMatchObject({
      code: 'INVALID_EVENT',
      source_topic: Topic.Decisions,
      part: 1,
      parts: 1,
      payload_length: 20,
    });
    expect(dead.payload.toString('utf8')).toBe('{"not":"a decision"}');

    // Delivered again (a consumer restart, a replay): nothing new; a marker shows the replay was read.
    await send(Topic.Travellers, travellers);
    const marker = testDecisionEvent(flight, { travellerId: 'T-marker', surname: 'MARKER', givenNames: 'M' });
    await send(Topic.Decisions, [...decisions, marker]);
    await waitFor(async () => (await count('decisions')) === 4, { what: 'the marker decision' });
    expect(await count('travellers')).toBe(3);
    const row = await db
      .selectFrom('decisions')
      .selectAll()
      .where('decision_id', '=', decisions[0].decision.decisionId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      traveller_id: 'T-ali',
      outcome: 'REFER',
      travel_date: flight.date,
      document_keys: ['EGY:A1234567'],
      name_skeleton: 'L MHMD',
    });
  });

  it('keeps the supersedes chain: the current decision is the last one, the history has both', async () => {
    const person = { travellerId: 'T-revet', surname: 'OKAFOR', givenNames: 'DAVID' };
    const first = testDecisionEvent(flight, person, { outcome: 'CLEAR' });
    const second = testDecisionEvent(flight, person, {
      outcome: 'REFER',
      supersedes: first.decision.decisionId,
    });
    await send(Topic.Decisions, [first, second]);
    await waitFor(
      async () =>
        (
          await db
            .selectFrom('decisions')
            .select('decision_id')
            .where('traveller_id', '=', 'T-revet')
            .execute()
        ).length === 2,
      { what: 'both decisions' },
    );
    const current = await db
      .selectFrom('current_decisions')
      .select(['decision_id', 'outcome'])
      .where('traveller_id', '=', 'T-revet')
      .execute();
    expect(current).toEqual([{ decision_id: second.decision.decisionId, outcome: 'REFER' }]);

    const officer = await token('officer-1', 'officer');
    const history = await get('/v1/records/travellers/T-revet/history?limit=1', officer);
    expect(history.status).toBe(200);
    const items = history.body.items as DecisionMade.Value['decision'][];
    expect(items.map((d) => d.decisionId)).toEqual([first.decision.decisionId]);
    const next = await get(
      `/v1/records/travellers/T-revet/history?limit=1&cursor=${String(history.body.nextCursor)}`,
      officer,
    );
    expect((next.body.items as { decisionId: string; supersedes: string }[])[0]).toMatchObject({
      decisionId: second.decision.decisionId,
      supersedes: first.decision.decisionId,
    });
    expect(next.body.nextCursor).toBeUndefined();
  });

  it('answers searches by role, validates input, and audits every read', async () => {
    const officer = await token('officer-1', 'officer');
    const manifest = await get(`/v1/records/flights/qf/0001/${flight.date}?reason=case-17`, officer);
    expect(manifest.status).toBe(200);
    const rows = manifest.body.items as { travellerId: string; outcome: string }[];
    expect(rows.map((r) => r.travellerId)).toEqual(['T-ali', 'T-blake', 'T-marker', 'T-revet', 'T-tanaka']);
    expect(rows.find((r) => r.travellerId === 'T-revet')!.outcome).toBe('REFER');

    // Flights by carrier / port / date: this flight, its travellers counted per current outcome.
    const flights = await get(`/v1/records/flights?carrier=qf&port=SYD&date=${flight.date}`, officer);
    expect(flights.status).toBe(200);
    expect(flights.body.items).toEqual([
      expect.objectContaining({
        carrier: 'QF',
        number: '0001',
        date: flight.date,
        departure: 'SIN',
        arrival: 'SYD',
      }),
    ]);
    const listed = (flights.body.items as { travellers: number; outcomes: Record<string, number> }[])[0];
    expect(listed.travellers).toBe(5);
    expect(listed.outcomes.REFER).toBeGreaterThanOrEqual(1);
    expect((await get(`/v1/records/flights?port=XXX&date=${flight.date}`, officer)).body.items).toEqual([]);
    const firstPage = await get(`/v1/records/flights?limit=1&from=${day(-400)}&to=${day(400)}`, officer);
    expect(firstPage.body.items).toHaveLength(1);
    expect((await get('/v1/records/flights?date=yesterday', officer)).body.code).toBe('INVALID_SEARCH');

    const byDocument = await get('/v1/records/documents/EGY/A1234567', officer);
    expect((byDocument.body.items as { travellerId: string }[]).map((r) => r.travellerId)).toEqual(['T-ali']);

    const names = await get(`/v1/records/search/names?q=${encodeURIComponent('Muhammad Aly')}`, officer);
    expect(names.status).toBe(200);
    const hits = names.body.items as { travellerId: string; score: number; subject: { surname: string } }[];
    expect(hits[0]).toMatchObject({ travellerId: 'T-ali', subject: { surname: 'ALI' } });
    // Page by page (one hit a page, across score groups) = the same hits in the same order.
    const q = encodeURIComponent('Ali');
    const every = (await get(`/v1/records/search/names?q=${q}&limit=200`, officer)).body.items as {
      decisionId: string;
    }[];
    const paged: string[] = [];
    let next: string | undefined;
    do {
      const page = await get(
        `/v1/records/search/names?q=${q}&limit=1${next ? `&cursor=${encodeURIComponent(next)}` : ''}`,
        officer,
      );
      paged.push(...(page.body.items as { decisionId: string }[]).map((h) => h.decisionId));
      next = page.body.nextCursor as string | undefined;
    } while (next !== undefined && paged.length <= every.length);
    expect(paged).toEqual(every.map((h) => h.decisionId));

    expect((await get('/v1/records/search/names?q=1', officer)).body.code).toBe('INVALID_SEARCH');
    expect((await get(`/v1/records/flights/QF/1%20OR%201=1/${flight.date}`, officer)).status).toBe(400);
    expect((await get('/v1/records/travellers/T-ali/history?cursor=bogus', officer)).body.code).toBe(
      'INVALID_CURSOR',
    );
    expect(
      (await get(`/v1/records/flights/QF/0001/${flight.date}`, await token('op', 'operator'))).status,
    ).toBe(403);
    expect((await get('/v1/records/audit', officer)).status).toBe(403);

    // The reads above are on the audit topic, and records files them: an auditor finds them.
    const auditor = await token('auditor-1', 'auditor');
    const audit = await waitFor(
      async () => {
        const r = await get('/v1/records/audit?actor=officer-1', auditor);
        const items = r.body.items as { action: string; target: string; details: Record<string, string> }[];
        return items.length >= 8 ? items : undefined; // flights (3), two history pages, manifest, document, names
      },
      { what: 'the officer reads in the audit table' },
    );
    expect(audit.map((a) => a.action).sort()).toEqual(
      expect.arrayContaining([
        'RECORDS_FLIGHT_LIST',
        'RECORDS_FLIGHT_MANIFEST',
        'RECORDS_DOCUMENT_LOOKUP',
        'RECORDS_NAME_SEARCH',
        'RECORDS_TRAVELLER_HISTORY',
      ]),
    );
    // Keyset pages, newest first: two pages of two and the rest, no event twice.
    const pages: string[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const page = await get(`/v1/records/audit?actor=officer-1&limit=2&cursor=${cursor}`, auditor);
      pages.push(...(page.body.items as { eventId: string }[]).map((a) => a.eventId));
      if (!page.body.nextCursor) break;
      cursor = String(page.body.nextCursor);
    }
    expect(new Set(pages).size).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(audit.find((a) => a.action === 'RECORDS_FLIGHT_MANIFEST')).toMatchObject({
      target: `flight:QF0001:${flight.date}`,
      details: { reason: 'case-17' },
    });
  });

  it('refills the hot path from PostgreSQL after Redis lost it, with the current decisions', async () => {
    const byTraveller = (id: string) => `${prefix}px:poe:trav:${id}`;
    await waitFor(() => redis.exists(`${prefix}px:poe:filled`), { what: 'the first fill' });
    // What FLUSHALL does to this suite's keys (the shared Redis is never flushed by the tests).
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.unlink(...keys);
    const ali = await waitFor(() => redis.get(byTraveller('T-ali')), { what: 'the refilled hot path' });
    expect(JSON.parse(ali)).toMatchObject({ decision: { travellerId: 'T-ali', outcome: 'REFER' } });
    const revet = JSON.parse((await redis.get(byTraveller('T-revet')))!) as DecisionMade.Value;
    expect(revet.decision).toMatchObject({ outcome: 'REFER', supersedes: expect.any(String) });
    expect(await redis.hlen(`${prefix}px:poe:docs:EGY:A1234567`)).toBe(1);
  });

  it('loses nothing while PostgreSQL is down: the consumer waits, then files every decision once', async () => {
    const before = await count('decisions');
    proxy.cut();
    const events = Array.from({ length: 200 }, (_, i) =>
      testDecisionEvent(flight, { travellerId: `T-out-${i}`, surname: `OUTAGE${i}`, givenNames: 'X' }),
    );
    await send(Topic.Decisions, events.slice(0, 100));
    await sql`select 1`.execute(db); // the shared server itself is fine; only records' path is cut
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    await new Promise((r) => setTimeout(r, 1500));
    await send(Topic.Decisions, events.slice(100));
    proxy.restore();
    await waitFor(async () => (await count('decisions')) === before + 200, {
      what: 'all 200 decisions after the outage',
      timeoutMs: 60_000,
    });
    const distinct = await db
      .selectFrom('decisions')
      .select((eb) => eb.fn.count<number>('decision_id').distinct().as('n'))
      .where('traveller_id', 'like', 'T-out-%')
      .executeTakeFirstOrThrow();
    expect(distinct.n).toBe(200);
    expect(await count('dead_letters')).toBe(1);
  });

  it('dead-letters a decision it cannot map (decidedAt past what a Date holds) as HANDLER_FAILED with its bytes, and files the rest of its batch', async () => {
    const before = await count('decisions');
    const [first, odd, last] = ['T-map-1', 'T-map-2', 'T-map-3'].map((travellerId) =>
      testDecisionEvent(flight, { travellerId, surname: 'MAPPING', givenNames: 'M' }),
    );
    // Valid by contract (a number), yet one millisecond past the last instant a Date can hold.
    odd.decision.timings.decidedAt = 8.64e15 + 1;
    const oddBytes = Buffer.from(JSON.stringify(odd));
    await send(Topic.Decisions, [first, oddBytes, last]);
    const dead = await waitFor(
      () => db.selectFrom('dead_letters').selectAll().where('code', '=', 'HANDLER_FAILED').executeTakeFirst(),
      { what: 'the HANDLER_FAILED dead letter filed', timeoutMs: 60_000 },
    );
    expect(dead).toMatchObject({
      stage: 'records',
      source_topic: Topic.Decisions,
      record_key: `${flight.carrier}${flight.number}`,
      parts: 1,
      payload_length: oddBytes.length,
    });
    expect(dead.message).toMatch(/^failed on \d+ attempts: .*Invalid time value/);
    expect(dead.payload.equals(oddBytes)).toBe(true);
    await waitFor(async () => (await count('decisions')) === before + 2, {
      what: "the batch's other decisions",
    });
    const filed = await db
      .selectFrom('decisions')
      .select('traveller_id')
      .where('traveller_id', 'like', 'T-map-%')
      .orderBy('traveller_id')
      .execute();
    expect(filed.map((r) => r.traveller_id)).toEqual(['T-map-1', 'T-map-3']);
  });
});
