import { waitFor } from '@paxscreen/testing';

import { TestStack } from './support/stack';
const PAXLST = [
  "UNA:+.? '",
  "UNB+UNOA:4+LUFTHANSA+USCSAPIS+200105:1200+000001++APIS'",
  "UNH+1+PAXLST:D:05B:UN:IATA+1+01:F'",
  "BGM+745'",
  "TDT+20+LH400+++LH'",
  "LOC+125+FRA'",
  "DTM+189:2001051300:201'",
  "LOC+87+JFK'",
  "DTM+232:2001051600:201'",
  "NAD+FL+++MUSTERMANN:ERIKA'",
  "CNT+42:1'",
  "UNT+9+1'",
  "UNZ+1+000001'",
].join('');

describe('walking skeleton: gateway → Kafka → parser → Redis receipt', () => {
  const stack = TestStack.create('skeleton', ['LH', 'BA']);
  let base: string;
  let KEY_LH: string;
  let KEY_BA: string;

  beforeAll(async () => {
    await stack.start('gateway');
    await stack.start('parser');
    base = await stack.url('gateway');
    KEY_LH = stack.keys.get('LH')!;
    KEY_BA = stack.keys.get('BA')!;
  });

  afterAll(() => stack.close());

  const post = (body: string, key?: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/v1/messages`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/edifact', ...(key ? { 'x-api-key': key } : {}), ...headers },
    });

  it('accepts a message durably, and the parser records its status on the receipt', async () => {
    const res = await post(PAXLST, KEY_LH);
    expect(res.status).toBe(202);
    const { receiptId, status } = (await res.json()) as { receiptId: string; status: string };
    expect(status).toBe('RECEIVED');

    const parsed = await waitFor(
      async () => {
        const r = await fetch(`${base}/v1/messages/${receiptId}`, { headers: { 'x-api-key': KEY_LH } });
        const body = (await r.json()) as { status: string; messageType?: string };
        return body.status === 'PARSED' ? body : undefined;
      },
      { what: 'receipt to become PARSED' },
    );
    expect(parsed.messageType).toBe('PAXLST');
  });

  it('gives the same receipt for the same bytes', async () => {
    const body = PAXLST.replace('000001', '000002').replace('000001', '000002');
    const first = (await (await post(body, KEY_LH)).json()) as { receiptId: string; repeated: boolean };
    const second = (await (await post(body, KEY_LH)).json()) as { receiptId: string; repeated: boolean };
    expect(second.receiptId).toBe(first.receiptId);
    expect([first.repeated, second.repeated]).toEqual([false, true]);
  });

  it.each([
    ['no key', undefined, 401, 'UNAUTHENTICATED'],
    ['an unknown key', 'unknown', 401, 'UNAUTHENTICATED'],
    ["another carrier's key", 'BA', 403, 'CARRIER_MISMATCH'],
  ])('refuses a submission with %s', async (_label, who, status, code) => {
    const key = who === 'unknown' ? 'not-a-real-key-but-long-enough' : who ? stack.keys.get(who) : undefined;
    const res = await post(PAXLST, key);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ code });
  });

  it("does not show one carrier's receipt to another", async () => {
    const { receiptId } = (await (await post(PAXLST.replace(/000001/g, '000003'), KEY_LH)).json()) as {
      receiptId: string;
    };
    const res = await fetch(`${base}/v1/messages/${receiptId}`, { headers: { 'x-api-key': KEY_BA } });
    expect(res.status).toBe(404);
  });

  it('answers a typed 415 for bytes that are neither EDIFACT nor JSON', async () => {
    const res = await post('<xml/>', KEY_LH);
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: 'UNSUPPORTED_CONTENT' });
  });

  it('reports readiness of Kafka and Redis', async () => {
    const res = await fetch(`${base}/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', checks: { kafka: 'up', redis: 'up' } });
  });
});
