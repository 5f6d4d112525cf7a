import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import {
  DecisionMade,
  type HitDetail,
  type HitPage,
  type Reason,
  Topic,
  TravellerParsed,
} from '@paxscreen/contracts';
import { issueToken } from '@paxscreen/http';
import { createKafka, EventProducer, kafkaSettingsFromEnv } from '@paxscreen/kafka';
import {
  testDecisionEvent,
  testEnv,
  testSchema,
  testTravellerChunk,
  testTravellerEvent,
  uniquePrefix,
  waitFor,
} from '@paxscreen/testing';

import { startCasework } from '../src/casework.app';

const AUTH = {
  AUTH_JWT_SECRET: 'casework-e2e-secret-0123456789abcdefgh',
  AUTH_JWT_ISSUER: 'paxscreen',
  AUTH_JWT_AUDIENCE: 'paxscreen',
};
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const REASON: Reason = {
  kind: 'WATCHLIST',
  action: 'REFER',
  source: { listId: 'UN', entryId: 'QDi.9', listVersion: 'v1' },
  score: 0.93,
  matchedFields: ['name', 'dateOfBirth'],
  explanation: 'name 0.93; born 1980-01-01 matches',
};

describe('casework app: co-travellers from PNR data, decisions applied once', () => {
  const schema = testSchema('casework-app');
  const prefix = uniquePrefix('casework-app');
  const env = testEnv(prefix, {
    ...AUTH,
    CASEWORK_PORT: '0',
    DATABASE_URL: schema.databaseUrl,
    CASEWORK_DATABASE_SCHEMA: schema.schema,
  });
  const flight = { carrier: 'QF', number: '0002', date: day(1) };
  let app: NestFastifyApplication;
  let producer: EventProducer;
  let base: string;

  const get = async <T>(path: string) => {
    const token = await issueToken(AUTH, { subject: 'ana', roles: ['analyst'] });
    return (await (
      await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as T;
  };
  const traveller = (
    travellerId: string,
    surname: string,
    pnr: TravellerParsed.Value['traveller']['pnr'],
  ) => {
    const e = testTravellerEvent(flight, {
      travellerId,
      surname,
      givenNames: 'ALEX',
      dateOfBirth: '1980-01-01',
      nationality: 'AUS',
      document: { issuer: 'AUS', number: `P${travellerId}` },
    });
    return { ...e, traveller: { ...e.traveller, pnr } };
  };

  beforeAll(async () => {
    app = await startCasework(env);
    base = await app.getUrl();
    const settings = kafkaSettingsFromEnv(env);
    producer = new EventProducer(createKafka(settings, 'casework-app-e2e'), settings);
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await schema.drop();
  });

  it('lists who shares the booking or a contact, with their outcomes; a redelivered decision is applied once', async () => {
    const key = `${flight.carrier}${flight.number}`;
    await producer.send(Topic.Travellers, [
      {
        key,
        value: testTravellerChunk([
          traveller('A', 'HITSON', {
            locator: 'ZX9QPL',
            contacts: [{ kind: 'email', value: 'a.hitson@mail.example' }],
          }),
          traveller('B', 'BOOKER', { locator: 'ZX9QPL' }),
          traveller('C', 'CONTACTS', {
            locator: 'QQ1234',
            contacts: [{ kind: 'email', value: 'A.Hitson@mail.example ' }],
          }),
        ]),
      },
      { key, value: testTravellerChunk([traveller('D', 'STRANGER', { locator: 'RR5678' })]) },
    ]);
    const person = (travellerId: string, surname: string) => ({
      travellerId,
      surname,
      givenNames: 'ALEX',
      dateOfBirth: '1980-01-01',
      nationality: 'AUS',
      document: { issuer: 'AUS', number: `P${travellerId}` },
    });
    const hitDecision = testDecisionEvent(flight, person('A', 'HITSON'), { outcome: 'REFER' });
    hitDecision.decision.reasons = [REASON];
    const decisions: DecisionMade.Value[] = [
      hitDecision,
      testDecisionEvent(flight, person('B', 'BOOKER'), { outcome: 'CLEAR' }),
      testDecisionEvent(flight, person('C', 'CONTACTS'), { outcome: 'EXPEDITE' }),
      testDecisionEvent(flight, person('D', 'STRANGER'), { outcome: 'CLEAR' }),
      hitDecision,
    ];
    await producer.send(
      Topic.Decisions,
      decisions.map((value) => ({ key: DecisionMade.key(value), value })),
    );

    const page = await waitFor(
      async () => {
        const p = await get<HitPage>('/v1/casework/hits');
        return p.items.length === 1 ? p : undefined;
      },
      { what: 'the hit' },
    );
    expect(page.items[0]).toMatchObject({
      status: 'NEW',
      outcome: 'REFER',
      listIds: ['UN'],
      traveller: { maskedName: 'H***** A***' },
    });
    const detail = await waitFor(
      async () => {
        const d = await get<HitDetail>(`/v1/casework/hits/${page.items[0].hitId}`);
        return d.coTravellers.length >= 2 ? d : undefined;
      },
      { what: 'the co-travellers' },
    );
    expect([...detail.coTravellers].sort((a, b) => a.relation.localeCompare(b.relation))).toEqual([
      { maskedName: 'B***** A***', relation: 'BOOKING', outcome: 'CLEAR' },
      { maskedName: 'C******* A***', relation: 'CONTACT', outcome: 'EXPEDITE' },
    ]);
    expect(detail.decisions).toHaveLength(1);
    expect(detail.reasons[0].fields).toEqual(
      expect.arrayContaining([
        { field: 'name', comparison: 'AGREES', agrees: true },
        { field: 'nationality', comparison: 'DIFFERS', agrees: false },
      ]),
    );
    expect(detail.opened).toBeUndefined();
  });

  it.each([
    ['a note', 'notes', { text: 'seen at gate\u0000' }, 'text'],
    [
      'a disposition',
      'disposition',
      { version: 1, reasons: [], outcome: 'CLEARED', note: 'not the listed person\u0000' },
      'note',
    ],
  ])(
    'refuses %s whose text holds an escaped NUL with 400 INVALID_BODY naming the field',
    async (_, path, body, field) => {
      const page = await get<HitPage>('/v1/casework/hits');
      const token = await issueToken(AUTH, { subject: 'ana', roles: ['analyst'] });
      const res = await fetch(`${base}/v1/casework/hits/${page.items[0].hitId}/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await res.json()) as { code: string; details?: { problems: string[] } };
      expect({ status: res.status, code: answer.code }).toEqual({ status: 400, code: 'INVALID_BODY' });
      expect(answer.details?.problems).toContain(`${field}: must not contain NUL (U+0000)`);
    },
  );
});
