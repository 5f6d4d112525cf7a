import { DecisionMade, Header, Topic, TravellerParsed } from '@paxscreen/contracts';
import { testPaxlst, waitFor } from '@paxscreen/testing';

import { TestStack } from './support/stack';
import { ReadRecord, TopicReader } from './support/topic-reader';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CARRIER_SPAN = 'b7ad6b7169203331';
const TRACEPARENT = /^00-([\da-f]{32})-([\da-f]{16})-01$/;

const manifest = (controlRef: string) =>
  testPaxlst(
    'TT',
    controlRef,
    ['ALPHA', 'BRAVO'].map((surname, i) => ({
      role: 'PASSENGER' as const,
      surname,
      givenNames: 'TEST',
      dateOfBirth: '1980-01-01',
      gender: 'F' as const,
      nationality: 'FRA',
      documents: [{ type: 'P', number: `TT000000${i}`, issuer: 'FRA', expiry: '2031-01-01' }],
    })),
    { recipient: 'USCBP', flight: { number: '0700' } },
  );

const spans = (records: ReadRecord[]) =>
  records.map((r) => {
    const [, traceId, spanId] = TRACEPARENT.exec(r.headers[Header.TraceParent] ?? '') ?? [];
    return { traceId, spanId };
  });

describe('trace context: one W3C trace from the carrier request to every decision', () => {
  const stack = TestStack.create('trace', ['TT']);
  let raw: TopicReader;
  let travellers: TopicReader;
  let decisions: TopicReader;

  beforeAll(async () => {
    await stack.start('screening');
    await stack.start('parser');
    await stack.start('gateway');
    [raw, travellers, decisions] = await Promise.all(
      [Topic.MessagesRaw, Topic.Travellers, Topic.Decisions].map((t) =>
        new TopicReader(stack.prefix, t).start(),
      ),
    );
  });

  afterAll(async () => {
    await Promise.all([raw, travellers, decisions].map((r) => r?.stop()));
    await stack.close();
  });

  it('keeps the carrier’s trace id on every record (header and event), with a new span per hop', async () => {
    const res = await fetch(`${await stack.url('gateway')}/v1/messages`, {
      method: 'POST',
      body: manifest('000001'),
      headers: {
        'content-type': 'application/edifact',
        'x-api-key': stack.keys.get('TT')!,
        traceparent: `00-${TRACE_ID}-${CARRIER_SPAN}-01`,
      },
    });
    expect(res.status).toBe(202);
    const { receiptId } = (await res.json()) as { receiptId: string };
    const mine = (reader: TopicReader) =>
      reader.records.filter((r) => r.headers[Header.ReceiptId] === receiptId);
    await waitFor(() => mine(decisions).length >= 2 || undefined, { what: 'two decisions' });

    const hops = [mine(raw), mine(travellers), mine(decisions)].map(spans);
    // The two travellers travel in one chunk record; each has its own decision.
    expect(hops.map((h) => h.length)).toEqual([1, 1, 2]);
    for (const hop of hops) for (const span of hop) expect(span.traceId).toBe(TRACE_ID);
    const spanIds = hops.flat().map((s) => s.spanId);
    expect(new Set([CARRIER_SPAN, ...spanIds]).size).toBe(spanIds.length + 1);

    // The events carry the same context as their headers (what readers without headers see).
    for (const r of mine(travellers))
      expect((JSON.parse(r.value!.toString()) as TravellerParsed.Chunk).traceparent).toBe(
        r.headers[Header.TraceParent],
      );
    for (const r of mine(decisions))
      expect((JSON.parse(r.value!.toString()) as DecisionMade.Value).traceparent).toBe(
        r.headers[Header.TraceParent],
      );
  });

  it('starts a trace at the gateway when the carrier sent none (or a malformed one)', async () => {
    const res = await fetch(`${await stack.url('gateway')}/v1/messages`, {
      method: 'POST',
      body: manifest('000002'),
      headers: {
        'content-type': 'application/edifact',
        'x-api-key': stack.keys.get('TT')!,
        traceparent: 'not-a-trace',
      },
    });
    const { receiptId } = (await res.json()) as { receiptId: string };
    const mine = (reader: TopicReader) =>
      reader.records.filter((r) => r.headers[Header.ReceiptId] === receiptId);
    await waitFor(() => mine(decisions).length >= 2 || undefined, { what: 'two decisions' });
    const [rawTrace] = spans(mine(raw));
    expect(rawTrace.traceId).toMatch(/^[\da-f]{32}$/);
    for (const span of spans(mine(decisions))) expect(span.traceId).toBe(rawTrace.traceId);
  });
});
