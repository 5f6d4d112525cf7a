import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { type PaxlstTraveller } from '@paxscreen/edifact';
import { testPaxlst, testSchema, waitFor } from '@paxscreen/testing';

import { startRecords } from '../apps/records/src/records.app';
import { TestStack } from './support/stack';

const traveller = (surname: string, number: string, ref: string): PaxlstTraveller => ({
  role: 'PASSENGER',
  ref,
  surname,
  givenNames: 'JULIE',
  dateOfBirth: '1984-05-06',
  gender: 'F',
  nationality: 'FRA',
  documents: [{ type: 'P', number, issuer: 'FRA', expiry: '2032-01-01' }],
});
const CANCELLED = traveller('CANCELTEST', 'XC0001701', 'R1');
const OFFLOADED = traveller('OFFLOADTEST', 'XC0001702', 'R2');
const STAYING = traveller('STAYTEST', 'XC0001703', 'R3');

interface Lookup {
  decision?: { outcome: string; decisionId: string };
  travellerStatus?: { state: string; at: string };
}

/**
 * iAPI changes after check-in (issue 17) on real Kafka, Redis and PostgreSQL: travellers checked
 * in through iAPI, then one cancelled (PAXLST BGM+745+XR, answered with a CUSRES) and one
 * offloaded (JSON), by the same carrier; the port-of-entry look-up and the records say so.
 */
describe('iAPI: cancellation and offload after check-in', () => {
  const schema = testSchema('iapi-changes');
  const stack = TestStack.create('iapi-changes', ['AF', 'BA'], {
    IAPI_TIMEOUT_MS: '8000',
    DATABASE_URL: schema.databaseUrl,
    DATABASE_SCHEMA: schema.schema,
  });
  let gateway: string;
  let records: NestFastifyApplication;
  let officer: string;

  beforeAll(async () => {
    await stack.start('screening');
    await stack.start('gateway');
    records = await startRecords({ ...stack.env, RECORDS_PORT: '0' });
    gateway = await stack.url('gateway');
    officer = `Bearer ${await stack.token('officer')}`;
  });

  afterAll(async () => {
    await records?.close();
    await stack.close();
    await schema.drop();
  });

  const iapi = async (carrier: string, body: string, edifact: boolean) => {
    const res = await fetch(`${gateway}/v1/iapi`, {
      method: 'POST',
      headers: {
        'x-api-key': stack.keys.get(carrier)!,
        'content-type': edifact ? 'application/edifact' : 'application/json',
        ...(edifact ? { accept: 'application/edifact' } : {}),
      },
      body,
    });
    return { status: res.status, text: await res.text() };
  };
  const lookup = async (number: string): Promise<Lookup> => {
    const res = await fetch(`${gateway}/v1/poe/documents/FRA/${number}`, {
      headers: { authorization: officer },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Lookup;
  };

  it('marks the cancelled and the offloaded traveller in the look-up and the records, and acknowledges by CUSRES', async () => {
    const checkIn = await iapi('AF', testPaxlst('AF', '1701', [CANCELLED, OFFLOADED, STAYING]), false);
    expect(checkIn.status).toBe(200);
    const answers = (JSON.parse(checkIn.text) as { answers: { travellerId: string; status: string }[] })
      .answers;
    expect(answers.map((a) => a.status)).toEqual(['OK_TO_BOARD', 'OK_TO_BOARD', 'OK_TO_BOARD']);
    const before = await waitFor(async () => (await lookup('XC0001701')).decision && lookup('XC0001701'), {
      what: 'the checked-in decision on the hot path',
    });
    expect(before.travellerStatus).toBeUndefined();

    // Another carrier cannot cancel AF's travellers: its own flight has no such traveller.
    const foreign = await iapi(
      'BA',
      testPaxlst('BA', '1702', [CANCELLED], { documentIdentifier: 'XR' }),
      false,
    );
    expect(JSON.parse(foreign.text)).toMatchObject({
      travellerStatus: 'CANCELLED',
      acknowledged: [{ applied: false }],
    });
    expect(
      (await iapi('BA', testPaxlst('AF', '1703', [CANCELLED], { documentIdentifier: 'XR' }), false)).status,
    ).toBe(403);

    const cancel = await iapi(
      'AF',
      testPaxlst('AF', '1704', [CANCELLED], { documentIdentifier: 'XR', transactionRef: 'AF1704' }),
      true,
    );
    expect(cancel.status).toBe(200);
    expect(cancel.text).toMatch(/^UNA|^UNB/);
    expect(cancel.text).toContain("BGM+962'");
    expect(cancel.text).toContain("RFF+TN:AF1704'");
    expect(cancel.text).toContain("ERC+ACK'");
    expect(cancel.text).toContain('CANCELLED RECEIVED');

    const json = {
      format: 'paxscreen.manifest',
      version: 1,
      kind: 'PASSENGERS',
      travellerStatus: 'OFFLOADED',
      flight: {
        carrier: 'AF',
        number: '0042',
        departure: { port: 'LHR', at: `${new Date().toISOString().slice(0, 10)}T22:00` },
        arrival: { port: 'JFK', at: `${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T01:00` },
      },
      travellers: [
        { ref: 'R2', surname: 'OFFLOADTEST', givenNames: 'JULIE', dateOfBirth: '1984-05-06' },
        { ref: 'R9', surname: 'NEVERCHECKEDIN', givenNames: 'JULIE', dateOfBirth: '1984-05-06' },
      ],
    };
    const offload = await iapi('AF', JSON.stringify(json), false);
    expect(JSON.parse(offload.text)).toMatchObject({
      travellerStatus: 'OFFLOADED',
      acknowledged: [{ applied: true, state: 'OFFLOADED', at: expect.any(String) }, { applied: false }],
    });

    const cancelled = await lookup('XC0001701');
    expect(cancelled.travellerStatus).toEqual({ state: 'CANCELLED', at: expect.any(String) });
    expect(cancelled.decision?.outcome).toBe('CLEAR');
    expect(cancelled.decision?.decisionId).not.toBe(before.decision?.decisionId);
    expect((await lookup('XC0001702')).travellerStatus?.state).toBe('OFFLOADED');
    expect((await lookup('XC0001703')).travellerStatus).toBeUndefined();
    // Published by the one DecisionPublisher: the gateway counts its two status decisions.
    const scraped = await (await fetch(`${gateway}/metrics`)).text();
    expect(scraped).toMatch(/^paxscreen_decisions_total\{outcome="CLEAR",service="gateway"\} 2$/m);

    // A repeated cancellation changes nothing and keeps the first time.
    const again = await iapi(
      'AF',
      testPaxlst('AF', '1705', [CANCELLED], { documentIdentifier: 'XR' }),
      false,
    );
    const repeated = JSON.parse(again.text) as { acknowledged: { at: string }[] };
    expect(repeated.acknowledged[0].at).toBe(cancelled.travellerStatus?.at);

    // The records file the status with the decision it supersedes, via the decisions topic.
    const travellerId = answers[0].travellerId;
    const analyst = `Bearer ${await stack.token('analyst')}`;
    const history = await waitFor(
      async () => {
        const res = await fetch(`${await records.getUrl()}/v1/records/travellers/${travellerId}/history`, {
          headers: { authorization: analyst },
        });
        const page = (await res.json()) as {
          items: { decisionId: string; supersedes: string | null; travellerStatus?: { state: string } }[];
        };
        return page.items?.length === 2 && page.items;
      },
      { what: 'the records history with the cancellation' },
    );
    expect(history[1]).toMatchObject({
      supersedes: history[0].decisionId,
      travellerStatus: { state: 'CANCELLED' },
    });
    expect(history[0].travellerStatus).toBeUndefined();
  });
});
