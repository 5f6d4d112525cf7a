import { DecisionMade, Topic } from '@paxscreen/contracts';
import { dayFromToday, waitFor } from '@paxscreen/testing';

import { TestStack } from './support/stack';
import { TopicReader } from './support/topic-reader';

/**
 * Issue 20 item 2: a valid manifest over 1 MiB (9,000 travellers, ~2 MB of JSON: under the 10 MiB
 * body limit and the 10,000-traveller cap) is accepted and every traveller is decided, end to end.
 */
const TRAVELLERS = 9000;

function bigManifest(): Buffer {
  const travellers = Array.from({ length: TRAVELLERS }, (_, i) => ({
    ref: `T${i}`,
    surname: `LARGEMANIFEST${(i * 7919).toString(36).toUpperCase()}`,
    givenNames: `PASSENGER ${(i * 104_729).toString(36).toUpperCase()}`,
    dateOfBirth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    gender: i % 2 ? 'M' : 'F',
    nationality: 'GBR',
    documents: [
      { type: 'P', number: `LM${String(i).padStart(7, '0')}`, issuer: 'GBR', expiry: '2031-05-01' },
    ],
    seat: `${1 + (i % 60)}${'ABCDEF'[i % 6]}`,
  }));
  return Buffer.from(
    JSON.stringify({
      format: 'paxscreen.manifest',
      version: 1,
      kind: 'PASSENGERS',
      flight: {
        carrier: 'LM',
        number: '0900',
        departure: { port: 'LHR', at: `${dayFromToday(0)}T22:00` },
        arrival: { port: 'JFK', at: `${dayFromToday(1)}T01:00` },
      },
      travellers,
    }),
  );
}

describe('messages over 1 MiB', () => {
  const stack = TestStack.create('large-messages', ['LM']);
  let decisions: TopicReader;

  beforeAll(async () => {
    await stack.start('screening');
    await stack.start('parser');
    await stack.start('gateway');
    decisions = await new TopicReader(stack.prefix, Topic.Decisions).start();
  });

  afterAll(async () => {
    await decisions?.stop();
    await stack.close();
  });

  it('accepts a 9,000-traveller JSON manifest of ~2 MB and decides every traveller', async () => {
    const bytes = bigManifest();
    expect(bytes.length).toBeGreaterThan(1024 * 1024 * 1.5);
    const res = await fetch(`${await stack.url('gateway')}/v1/messages`, {
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/json', 'x-api-key': stack.keys.get('LM')! },
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect({ status: res.status, body }).toMatchObject({ status: 202 });

    const receipt = await waitFor(
      async () => {
        const r = await stack.receipt('LM', String(body.receiptId));
        return r.status !== 'RECEIVED' ? r : undefined;
      },
      { what: 'the manifest parsed', timeoutMs: 60_000 },
    );
    expect(receipt).toMatchObject({ status: 'PARSED', counts: { travellers: TRAVELLERS } });

    const decided = await waitFor(
      () => {
        const ids = new Set(
          decisions
            .json<DecisionMade.Value>()
            .filter((d) => d.correlationId === body.receiptId)
            .map((d) => d.decision.travellerId),
        );
        return ids.size >= TRAVELLERS ? ids : undefined;
      },
      { what: `${TRAVELLERS} decisions`, timeoutMs: 120_000, intervalMs: 500 },
    );
    expect(decided.size).toBe(TRAVELLERS);
  }, 200_000);
});
