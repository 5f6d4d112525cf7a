import { createServer, type Server } from 'node:http';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Kysely } from 'kysely';
import type { Consumer } from 'kafkajs';

import { ManualClock, type Scorecard, verifyWebhook, SIGNATURE_HEADER } from '@paxscreen/carriers';
import { CarrierEvent, envelope, Header, Topic } from '@paxscreen/contracts';
import {
  CARRIER_KEY_MIGRATIONS,
  CARRIER_KEYS_LEDGER,
  CarrierKeyRepository,
  CarrierKeysDatabase,
  hashApiKey,
} from '@paxscreen/carrier-keys';
import { issueToken, Role } from '@paxscreen/http';
import { createKafka, EventProducer, kafkaSettingsFromEnv, physicalTopic } from '@paxscreen/kafka';
import { migrate } from '@paxscreen/postgres';
import {
  migratedTestDatabase,
  type MigratedTestDatabase,
  testEnv,
  uniquePrefix,
  waitFor,
} from '@paxscreen/testing';

import { CarrierKeyRing } from '../src/carrier-keys/carrier-key-ring';
import { startCarriers } from '../src/carriers.app';
import { TimelinessWatcher } from '../src/watch-timeliness/timeliness-watcher';
import {
  BAD_DOCUMENTS_CARRIER,
  CARRIERS,
  CREW,
  DAY,
  dayFlights,
  dayMessages,
  daySsim,
  DUPLICATE_CREW,
  FLIGHTS_PER_CARRIER,
  LATE_PNR,
  manifestRecord,
  NO_API,
  PASSENGERS,
} from './generated-day';

const SECRET = 'carriers-e2e-secret-0123456789abcdefghij';
const AUTH = { AUTH_JWT_SECRET: SECRET, AUTH_JWT_ISSUER: 'paxscreen', AUTH_JWT_AUDIENCE: 'paxscreen' };
const KEYS = Object.fromEntries(CARRIERS.map((c) => [c, `key-${c}-0123456789abcdef`]));
const WEBHOOK_PORT = 44017;
const WEBHOOK_SECRET = 'za-webhook-secret-0123456789';
const API_OBLIGATIONS = ['API_PASSENGERS', 'API_CREW', 'API_CLOSEOUT'];
const OBLIGATIONS_PER_FLIGHT = 7;
/** A flight day well after the generated one: nothing of it is due while the test runs. */
const LATER = '2026-12-14';

describe('carriers: a generated day of 50 flights → exactly the missing and late submissions and the scorecards', () => {
  const flights = dayFlights();
  const { onTime, late } = dayMessages(flights);
  const clock = new ManualClock(Date.parse(`${DAY}T00:00:00Z`) - 4 * 86_400_000);
  const hooks: { body: string; signature: string }[] = [];
  const published: CarrierEvent.Value[] = [];
  let app: NestFastifyApplication;
  let base: string;
  let producer: EventProducer;
  let consumer: Consumer;
  let schema: MigratedTestDatabase<CarrierKeysDatabase>;
  let hookServer: Server;
  const token = (role: Role) => issueToken(AUTH, { subject: `e2e-${role}`, roles: [role] });
  const get = async (path: string, headers: Record<string, string>) => {
    const res = await fetch(`${base}${path}`, { headers });
    const text = await res.text();
    return {
      status: res.status,
      text,
      body: (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown>,
    };
  };
  const staff = async (path: string, role: Role = 'supervisor') =>
    get(path, { authorization: `Bearer ${await token(role)}` });
  const incidents = async () =>
    (await staff(`/v1/carriers/incidents?from=${DAY}&to=${DAY}`)).body.incidents as CarrierEvent.Value[];

  beforeAll(async () => {
    hookServer = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        hooks.push({ body, signature: String(req.headers[SIGNATURE_HEADER]) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hookServer.listen(WEBHOOK_PORT, '127.0.0.1', r));
    // Migrated by the app (the gateway's key tables by the test that needs them).
    schema = await migratedTestDatabase<CarrierKeysDatabase>('carriers');
    const prefix = uniquePrefix('carriers');
    const env = testEnv(prefix, {
      ...AUTH,
      CARRIERS_PORT: '0',
      DATABASE_URL: schema.databaseUrl,
      DATABASE_SCHEMA: schema.schema,
      GATEWAY_CARRIER_KEYS: CARRIERS.map((c) => `${c}:${hashApiKey(KEYS[c])}`).join(','),
    });
    app = await startCarriers(env, { clock, watch: false });
    base = await app.getUrl();
    const settings = kafkaSettingsFromEnv(env);
    const kafka = createKafka(settings, 'carriers-e2e');
    producer = new EventProducer(kafka, settings);
    await producer.connect();
    consumer = kafka.consumer({ groupId: `${prefix}reader` });
    await consumer.connect();
    await consumer.subscribe({ topic: physicalTopic(settings, Topic.CarrierEvents), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        published.push(CarrierEvent.decode(message.value!));
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await app?.close();
    await producer?.disconnect();
    await schema?.drop();
    await new Promise((r) => hookServer?.close(r));
  });

  it('imports the SSIM schedule: 50 flights, the unreadable leg reported by its line and skipped', async () => {
    const { text, badLine } = daySsim(flights);
    const res = await fetch(`${base}/v1/schedules`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await token('admin')}`,
        'content-type': 'application/octet-stream',
        'x-file-name': 'day.ssim',
      },
      body: text,
    });
    const summary = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(summary).toMatchObject({
      format: 'SSIM',
      rows: 51,
      flights: 50,
      skipped: 1,
      unknownCarrierFlights: 0,
    });
    expect(summary.issues).toEqual([
      expect.objectContaining({ line: badLine, severity: 'error', code: 'INVALID_TIME' }),
    ]);
    const expected = (await staff(`/v1/flights/expected?date=${DAY}`, 'operator')).body.flights as {
      departureAt: string;
    }[];
    expect(expected).toHaveLength(50);
    expect(expected[0].departureAt).toBe(`${DAY}T05:00:00.000Z`);
    // Only admins import; a supervisor is refused before the body is read.
    const refused = await fetch(`${base}/v1/schedules`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token('supervisor')}` },
      body: text,
    });
    expect(refused.status).toBe(403);
  });

  it('imports a CSV schedule: an unknown carrier kept but flagged, an unreadable row reported by its line', async () => {
    const csv = [
      'carrier,flight_number,departure_date,origin,destination,departure_utc,arrival_utc',
      `QX,7,${LATER},TLL,FRA,${LATER}T23:00:00Z,`,
      `ZA,9999,${LATER},HEL,FRA,not-a-time,`,
    ].join('\n');
    const res = await fetch(`${base}/v1/schedules?from=${LATER}&to=${LATER}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await token('admin')}`,
        'content-type': 'text/csv',
        'x-file-name': 'extra.csv',
      },
      body: csv,
    });
    const summary = (await res.json()) as Record<string, unknown>;
    expect(summary).toMatchObject({
      format: 'CSV',
      rows: 2,
      flights: 1,
      skipped: 1,
      unknownCarrierFlights: 1,
    });
    expect(summary.issues).toEqual([
      expect.objectContaining({ line: 2, severity: 'warning', code: 'UNKNOWN_CARRIER' }),
      expect.objectContaining({ line: 3, severity: 'error', code: 'INVALID_TIME' }),
    ]);
    const qx = (await staff(`/v1/flights/expected?date=${LATER}&carrier=QX`)).body.flights as Record<
      string,
      unknown
    >[];
    expect(qx).toEqual([
      expect.objectContaining({ flightNumber: '0007', unknownCarrier: true, source: 'CSV' }),
    ]);
    const bad = await fetch(`${base}/v1/schedules`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token('admin')}` },
      body: 'hello',
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { code: string }).code).toBe('UNKNOWN_SCHEDULE_FORMAT');
  });

  it('raises exactly the MISSING incidents when the day has passed, and closes the late ones with LATE events', async () => {
    const set = await fetch(`${base}/v1/carriers/ZB/webhook`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await token('admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${WEBHOOK_PORT}/paxscreen`, secret: WEBHOOK_SECRET }),
    });
    expect(set.status).toBe(200);
    // A refused message of ZB, as the parser dead-letters it.
    await producer.send(Topic.DeadLetter, [
      {
        key: 'ZB',
        value: {
          ...envelope('zb-bad-receipt'),
          stage: 'parser',
          code: 'EDIFACT_SYNTAX',
          message: 'no UNB',
          sourceTopic: Topic.MessagesRaw,
          headers: {
            [Header.Carrier]: 'ZB',
            [Header.ReceiptId]: 'zb-bad-receipt',
            [Header.ReceivedAt]: String(Date.parse(`${DAY}T04:00:00Z`)),
          },
          payloadBase64: '',
        },
      },
    ]);
    await producer.send(Topic.Manifests, onTime.map(manifestRecord));
    const watcher = app.get(TimelinessWatcher);
    await waitFor(
      async () => {
        const cards = (await staff(`/v1/carriers/scorecards?from=${DAY}&to=${DAY}`)).body
          .scorecards as Scorecard[];
        return cards.reduce((n, c) => n + c.messages.total, 0) === onTime.length;
      },
      { what: 'every on-time message stored', timeoutMs: 30_000 },
    );
    // Four days ago nothing was due; now the whole day has passed.
    expect(await watcher.tick()).toEqual([]);
    clock.set(Date.parse(`${DAY}T00:00:00Z`) + 2 * 86_400_000);
    await watcher.tick();
    const key = (e: CarrierEvent.Value) =>
      `${e.carrier}${e.flightNumber} ${e.obligation} ${e.kind} ${e.state}`;
    const expectedMissing = [
      ...NO_API.flatMap((id) => API_OBLIGATIONS.map((o) => `${id} ${o} MISSING OPEN`)),
      ...LATE_PNR.map((id) => `${id} PNR_T24 MISSING OPEN`),
    ].sort();
    expect((await incidents()).map(key).sort()).toEqual(expectedMissing);
    expect(await watcher.tick()).toEqual([]); // raised once

    await producer.send(Topic.Manifests, late.map(manifestRecord));
    await waitFor(
      async () => (await incidents()).filter((i) => i.kind === 'LATE').length === 2 || undefined,
      { what: 'late pushes', timeoutMs: 30_000 },
    );
    await watcher.tick();
    const now = await incidents();
    expect(now.map(key).sort()).toEqual(
      [
        ...NO_API.flatMap((id) => API_OBLIGATIONS.map((o) => `${id} ${o} MISSING OPEN`)),
        ...LATE_PNR.flatMap((id) => [`${id} PNR_T24 MISSING CLOSED`, `${id} PNR_T24 LATE CLOSED`]),
      ].sort(),
    );
    const lateOnes = now.filter((i) => i.kind === 'LATE');
    expect(lateOnes.map((i) => i.lateByMinutes)).toEqual([180, 180]); // due T-23 h, came at T-20 h

    // On the topic: 11 opened, 2 closed, 2 late; nothing twice.
    await waitFor(() => published.length >= 15 || undefined, {
      what: 'carrier events on Kafka',
      timeoutMs: 30_000,
    });
    expect(published).toHaveLength(15);
    expect(new Set(published.map((e) => e.eventId)).size).toBe(15);
    // ZB's webhook got its own events only (1 missing API × 3 + 1 late push: opened, closed, late), signed.
    await waitFor(() => hooks.length >= 6 || undefined, { what: 'ZB webhook calls', timeoutMs: 10_000 });
    expect(hooks).toHaveLength(6);
    for (const h of hooks) {
      expect(verifyWebhook(WEBHOOK_SECRET, h.body, h.signature, Math.floor(Date.now() / 1000))).toBe(true);
      expect(CarrierEvent.decode(h.body).carrier).toBe('ZB');
    }
  });

  it('scores every carrier exactly: messages, travellers, bad documents, duplicates, rejections, on-time rates', async () => {
    const cards = (await staff(`/v1/carriers/scorecards?from=${DAY}&to=${DAY}`, 'operator')).body
      .scorecards as Scorecard[];
    expect(cards.map((c) => c.carrier)).toEqual([...CARRIERS]);
    for (const card of cards) {
      const mine = flights.filter((f) => f.carrier === card.carrier);
      const noApi = mine.filter((f) => NO_API.includes(f.id)).length;
      const latePnr = mine.filter((f) => LATE_PNR.includes(f.id)).length;
      const duplicates = mine.filter((f) => f.id === DUPLICATE_CREW).length;
      const withApi = FLIGHTS_PER_CARRIER - noApi;
      expect(card.flights).toBe(FLIGHTS_PER_CARRIER);
      expect(card.messages).toEqual({
        total: FLIGHTS_PER_CARRIER * 4 + withApi * 3 + duplicates,
        byType: { PNRGOV: FLIGHTS_PER_CARRIER * 4, PAXLST: withApi * 3 + duplicates },
        duplicates,
      });
      expect(card.travellers).toBe(withApi * (2 * PASSENGERS + CREW) + duplicates * CREW);
      const bad = card.carrier === BAD_DOCUMENTS_CARRIER ? withApi * 5 : 0;
      expect(card.badDocumentTravellers).toBe(bad);
      expect(card.findings.byCategory.checkDigits).toBe(bad);
      expect(card.timeliness).toMatchObject({
        missing: noApi * 3,
        late: latePnr,
        onTime: FLIGHTS_PER_CARRIER * OBLIGATIONS_PER_FLIGHT - noApi * 3 - latePnr,
      });
    }
    const zc = cards.find((c) => c.carrier === 'ZC')!;
    expect(zc.badDocumentRate).toBe(0.1);
    expect(zc.findings.byField['travellers[].documents[].mrz']).toBe(50);
    const zb = cards.find((c) => c.carrier === 'ZB')!;
    expect(zb.rejections).toEqual({
      total: 1,
      rate: Math.round((1 / 68) * 10_000) / 10_000,
      byCode: { EDIFACT_SYNTAX: 1 },
    });
    expect(zb.timeliness.byObligation.API_CREW).toEqual({ onTime: 9, late: 0, missing: 1, onTimeRate: 0.9 });

    const csv = await staff(`/v1/carriers/scorecards.csv?from=${DAY}&to=${DAY}`, 'admin');
    expect(csv.status).toBe(200);
    const rows = csv.text.trimEnd().split('\r\n');
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.startsWith('ZC,'))).toContain(',500,50,0.1,');
    // Analysts and officers do not see scorecards.
    expect((await staff(`/v1/carriers/scorecards`, 'officer')).status).toBe(403);
  });

  it("gives a carrier its own scorecard with its key, and another carrier's as 404", async () => {
    const own = await get(`/v1/carrier/scorecards/ZC?from=${DAY}&to=${DAY}`, { 'x-api-key': KEYS.ZC });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ carrier: 'ZC', badDocumentRate: 0.1 });
    const other = await get(`/v1/carrier/scorecards/ZA?from=${DAY}&to=${DAY}`, { 'x-api-key': KEYS.ZC });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOT_FOUND');
    const incidentsOwn = await get(`/v1/carrier/incidents/ZB?from=${DAY}&to=${DAY}`, {
      'x-api-key': KEYS.ZB,
    });
    expect((incidentsOwn.body.incidents as unknown[]).length).toBe(3 + 2);
    expect((await get('/v1/carrier/scorecards/ZC', {})).status).toBe(401);
    expect((await get('/v1/carrier/scorecards/ZC', { 'x-api-key': 'not-a-key-0123456789' })).status).toBe(
      401,
    );
    expect((await get(`/v1/carrier/scorecards/ZC?from=2026-13-01`, { 'x-api-key': KEYS.ZC })).body.code).toBe(
      'INVALID_QUERY',
    );
  });

  it("accepts a key issued through the gateway's key store (same database) and refuses it once revoked", async () => {
    // The gateway owns these tables; here they are made and filled as its admin API does.
    await migrate(schema.db as Kysely<unknown>, schema.schema, CARRIER_KEY_MIGRATIONS, CARRIER_KEYS_LEDGER);
    const repository = new CarrierKeyRepository(schema.db);
    await repository.addCarrier('ZD', 'ZD Airways', 'e2e-admin');
    const issued = await repository.issueKey('ZD', 'e2e-admin');
    const ring = app.get(CarrierKeyRing);
    await ring.reload();
    expect(ring.carriers().has('ZD')).toBe(true);
    const own = await get(`/v1/carrier/scorecards/ZD?from=${DAY}&to=${DAY}`, { 'x-api-key': issued.key });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ carrier: 'ZD', timeliness: { missing: 3 } });
    await repository.revoke('ZD', issued.keyId, 'e2e-admin');
    await ring.reload();
    expect((await get(`/v1/carrier/scorecards/ZD`, { 'x-api-key': issued.key })).status).toBe(401);
  });
});
