import { DecisionMade, Topic } from '@paxscreen/contracts';
import { PaxlstTraveller } from '@paxscreen/edifact';
import { testPaxlst, waitFor } from '@paxscreen/testing';

import { TestStack } from './support/stack';
import { TopicReader } from './support/topic-reader';

const MANIFESTS = 16;
const PER_MANIFEST = 40;

function manifest(n: number): string {
  const travellers: PaxlstTraveller[] = Array.from({ length: PER_MANIFEST }, (_, i) => ({
    role: 'PASSENGER',
    surname: `TRAVELLER${n}X${i}`,
    givenNames: 'SAM',
    dateOfBirth: '1980-01-01',
    gender: 'U',
    nationality: 'GBR',
    documents: [
      {
        type: 'P',
        number: `XS${String(n).padStart(3, '0')}${String(i).padStart(4, '0')}`,
        issuer: 'GBR',
        expiry: '2031-01-01',
      },
    ],
  }));
  // One flight per manifest: flights spread over the travellers topic's partitions.
  return testPaxlst('SO', `S${n}`, travellers, { messageRef: `M${n}`, flight: { number: String(100 + n) } });
}

describe('scale-out: two screening instances share the travellers, and one can stop mid-stream', () => {
  const stack = TestStack.create('scale-out', ['SO']);
  let decisions: TopicReader;

  beforeAll(async () => {
    await stack.start('watchlist');
    await stack.start('parser');
    await stack.start('gateway');
    await stack.start('screening', 'screening-a', { SCREENING_INSTANCE_ID: 'screening-a' });
    await stack.start('screening', 'screening-b', { SCREENING_INSTANCE_ID: 'screening-b' });
    decisions = await new TopicReader(stack.prefix, Topic.Decisions).start();
  });

  afterAll(async () => {
    await decisions?.stop();
    await stack.close();
  });

  it('decides every traveller exactly once while one instance leaves the group', async () => {
    const receipts: string[] = [];
    for (let n = 0; n < MANIFESTS; n++) {
      if (n === MANIFESTS / 2) await stack.stop('screening-a');
      const { status, body } = await stack.submit('SO', manifest(n));
      expect(status).toBe(202);
      receipts.push(String(body.receiptId));
    }
    const expected = MANIFESTS * PER_MANIFEST;
    const mine = () => decisions.json<DecisionMade.Value>().filter((d) => receipts.includes(d.correlationId));
    await waitFor(() => mine().length >= expected || undefined, {
      what: `${expected} decisions`,
      timeoutMs: 90_000,
    });
    await new Promise((r) => setTimeout(r, 1000));
    const all = mine();
    const byTraveller = new Map<string, number>();
    for (const d of all)
      byTraveller.set(d.decision.travellerId, (byTraveller.get(d.decision.travellerId) ?? 0) + 1);
    expect(byTraveller.size).toBe(expected);
    expect([...byTraveller.values()].filter((c) => c > 1)).toEqual([]);
    expect(all).toHaveLength(expected);
  });
});
