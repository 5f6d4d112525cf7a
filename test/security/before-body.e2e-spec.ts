import { TestStack } from '../support/stack';
import { parseRaw, rawExchange } from '../support/raw-http';

/**
 * Issue 20, item 6: no work before authorisation. Every carrier and staff route with a body
 * answers 401 / 403 from the headers alone, before the body it was promised is read; an iAPI
 * request is capped by size and traveller count while it is read; carriers' traffic has its own
 * concurrency limit (503 CARRIER_BUSY) while port-of-entry look-ups go on.
 */
const MiB = 1024 * 1024;

const head = (method: string, path: string, length: number, headers: Record<string, string> = {}) =>
  `${method} ${path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/octet-stream\r\n` +
  Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('') +
  `Content-Length: ${length}\r\n\r\n`;

/** A JSON iAPI request with `n` travellers, empty (the smallest JSON allows) or named with a passport. */
const iapiBody = (n: number, traveller: object = {}) =>
  Buffer.from(
    JSON.stringify({
      format: 'paxscreen.manifest',
      version: 1,
      kind: 'PASSENGERS',
      flight: { carrier: 'AF', number: '1', departure: { port: 'CDG' }, arrival: { port: 'JFK' } },
      travellers: Array.from({ length: n }, () => traveller),
    }),
  );

describe('security: authenticated and capped before the body is read (issue 20, item 6)', () => {
  const stack = TestStack.create('sec-before-body', ['AF'], {
    GATEWAY_CARRIER_CONCURRENCY: '1',
    GATEWAY_CARRIER_QUEUE: '0',
    IAPI_MAX_PENDING_TRAVELLERS: '1',
    IAPI_TIMEOUT_MS: '2500',
    POE_SCREEN_TIMEOUT_MS: '200',
    HTTP_REQUEST_TIMEOUT_MS: '8000',
  });
  let gateway: string;
  let watchlist: string;

  beforeAll(async () => {
    await stack.start('watchlist');
    await stack.start('gateway');
    gateway = await stack.url('gateway');
    watchlist = await stack.url('watchlist');
  });

  afterAll(() => stack.close());

  const promised = Buffer.alloc(8 * MiB, 0x41);

  it.each([
    ['a carrier message without a key', () => gateway, 'POST', '/v1/messages', {}, 401],
    [
      'a carrier message with a wrong key',
      () => gateway,
      'POST',
      '/v1/messages',
      { 'x-api-key': 'x'.repeat(40) },
      401,
    ],
    ['an iAPI request without a key', () => gateway, 'POST', '/v1/iapi', {}, 401],
    ['an MRZ look-up without a token', () => gateway, 'POST', '/v1/poe/mrz', {}, 401],
    ['a 150 MiB list upload without a token', () => watchlist, 'POST', '/v1/lists', {}, 401],
  ] as const)(
    'answers %s from its headers, before the body',
    async (_label, base, method, path, headers, status) => {
      const length = path === '/v1/lists' ? 150 * MiB : promised.length;
      const result = await rawExchange(base(), head(method, path, length, headers), promised);
      expect(parseRaw(result.response)).toMatchObject({ status, json: { code: expect.any(String) } });
      // Answered on the headers: at most the first chunk or two were on their way.
      expect(result.bodyBytesBeforeAnswer).toBeLessThan(1 * MiB);
    },
  );

  it('refuses a list upload by a token without the role before its body (403)', async () => {
    const operator = await stack.token('operator');
    const result = await rawExchange(
      watchlist,
      head('POST', '/v1/lists', 150 * MiB, { authorization: `Bearer ${operator}` }),
      promised,
    );
    expect(parseRaw(result.response)).toMatchObject({ status: 403, json: { code: 'FORBIDDEN_ROLE' } });
    expect(result.bodyBytesBeforeAnswer).toBeLessThan(1 * MiB);
  });

  it('refuses a 100,000-traveller iAPI request early, by size or by count, and a 501-traveller one', async () => {
    const key = { 'x-api-key': stack.keys.get('AF')! };
    const passenger = {
      surname: 'FLOOD',
      givenNames: 'A',
      documents: [{ type: 'P', number: 'X1', issuer: 'FRA' }],
    };
    const huge = iapiBody(100_000, passenger);
    const result = await rawExchange(gateway, head('POST', '/v1/iapi', huge.length, key), huge);
    expect(parseRaw(result.response)).toMatchObject({ status: 413, json: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(result.bodyBytesBeforeAnswer).toBeLessThan(huge.length);

    // 100,000 empty travellers fit in 300 KB: the reader stops at the 501st.
    const empty = await fetch(`${gateway}/v1/iapi`, {
      method: 'POST',
      body: iapiBody(100_000),
      headers: { 'content-type': 'application/json', ...key },
    });
    expect(empty.status).toBe(413);
    expect(await empty.json()).toMatchObject({ code: 'TOO_MANY_TRAVELLERS' });

    const res = await fetch(`${gateway}/v1/iapi`, {
      method: 'POST',
      body: iapiBody(501),
      headers: { 'content-type': 'application/json', ...key },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'TOO_MANY_TRAVELLERS' });
  });

  it('gives an iAPI request its carrier slot back once sent; refuses the next from its headers while IAPI_MAX_PENDING_TRAVELLERS wait', async () => {
    const key = { 'x-api-key': stack.keys.get('AF')! };
    const passenger = {
      surname: 'WAITING',
      givenNames: 'A',
      documents: [{ type: 'P', number: 'X2', issuer: 'FRA' }],
    };
    // No screening runs in this stack: the request waits for its reply until IAPI_TIMEOUT_MS.
    const waiting = fetch(`${gateway}/v1/iapi`, {
      method: 'POST',
      body: iapiBody(1, passenger),
      headers: { 'content-type': 'application/json', ...key },
    });
    await new Promise((r) => setTimeout(r, 1000));
    // The only carrier slot (GATEWAY_CARRIER_CONCURRENCY 1) is free again: a carrier message gets it.
    const message = await fetch(`${gateway}/v1/messages`, {
      method: 'POST',
      body: "UNA:+.? '",
      headers: { 'content-type': 'application/edifact', ...key },
    });
    expect(message.status).not.toBe(503);
    // One traveller waits for screening, the limit: the next iAPI request is refused before its body.
    const result = await rawExchange(gateway, head('POST', '/v1/iapi', promised.length, key), promised);
    expect(parseRaw(result.response)).toMatchObject({ status: 503, json: { code: 'CARRIER_BUSY' } });
    expect(result.bodyBytesBeforeAnswer).toBeLessThan(1 * MiB);
    const answered = await waiting;
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ timedOut: true });
  });

  it('gives carriers their own concurrency limit: 503 CARRIER_BUSY while look-ups are answered', async () => {
    const key = { 'x-api-key': stack.keys.get('AF')! };
    // One carrier request holds the only slot: its body trickles in.
    const holding = rawExchange(
      gateway,
      head('POST', '/v1/messages', 1 * MiB, key),
      Buffer.alloc(1 * MiB, 0x20),
      {
        chunkBytes: 1024,
        delayMs: 100,
        giveUpMs: 4000,
      },
    );
    await new Promise((r) => setTimeout(r, 300));
    const busy = await fetch(`${gateway}/v1/messages`, {
      method: 'POST',
      body: "UNA:+.? '",
      headers: { 'content-type': 'application/edifact', ...key },
    });
    expect(busy.status).toBe(503);
    expect(await busy.json()).toMatchObject({ code: 'CARRIER_BUSY' });
    const officer = await stack.token('officer');
    const lookup = await fetch(`${gateway}/v1/poe/documents/FRA/X123456`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(lookup.status).toBe(200);
    await holding;
    // The slot is given back once the held request ends.
    const after = await fetch(`${gateway}/v1/messages/00000000-0000-0000-0000-000000000000`, {
      headers: key,
    });
    expect(after.status).toBe(404);
  });
});
