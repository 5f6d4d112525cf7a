import { createSecretKey } from 'node:crypto';

import { testPaxlst, waitFor } from '@paxscreen/testing';
import { SignJWT } from 'jose';

import { TEST_JWT_SECRET, TestStack } from '../support/stack';
import { parseRaw, rawExchange } from '../support/raw-http';

/**
 * Issue 20, item 7: the gateway and the parser read one flight the same way; JWT `iat` in the
 * future is refused; signed tokens up to 8,192 characters are read; 431 answers are JSON with a
 * code; the `bearer` scheme is case-insensitive; control characters and invalid UTF-8 in names
 * are a data-quality finding.
 */
const token = (claims: Record<string, unknown>, iat?: number) => {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('officer-7')
    .setIssuer('paxscreen')
    .setAudience('paxscreen')
    .setExpirationTime('1h');
  jwt.setIssuedAt(iat);
  return jwt.sign(createSecretKey(Buffer.from(TEST_JWT_SECRET, 'utf8')));
};

const manifest = (ref: string, surname: string) =>
  `{"format":"paxscreen.manifest","version":1,"messageId":"${ref}","kind":"PASSENGERS",` +
  `"flight":{"carrier":"AA","number":"${ref}","departure":{"port":"DFW"},"arrival":{"port":"LHR"}},` +
  `"travellers":[{"surname":"${surname}","givenNames":"ANN","documents":[{"type":"P","number":"X${ref}","issuer":"USA"}]}]}`;

describe('security: smaller hardening (issue 20, item 7)', () => {
  const stack = TestStack.create('sec-small', ['AA'], { POE_SCREEN_TIMEOUT_MS: '100' });
  let gateway: string;

  beforeAll(async () => {
    await stack.start('parser');
    await stack.start('gateway');
    gateway = await stack.url('gateway');
  });

  afterAll(() => stack.close());

  const lookup = (authorization: string) =>
    fetch(`${gateway}/v1/poe/documents/FRA/X123`, { headers: { authorization } });

  it('reads TDT+20+0106+++AA as AA0106 at the gateway, as the parser does', async () => {
    const message = testPaxlst('AA', '7001', [
      {
        role: 'PASSENGER',
        surname: 'FLIGHT',
        givenNames: 'A',
        dateOfBirth: '1980-01-01',
        gender: 'F',
        nationality: 'USA',
        documents: [{ type: 'P', number: 'X7001', issuer: 'USA', expiry: '2031-01-01' }],
      },
    ]).replace(/TDT\+20\+AA0042\+\+\+AA/, 'TDT+20+0106+++AA');
    expect(message).toContain('TDT+20+0106+++AA');
    const { status, body } = await stack.submit('AA', message);
    expect(status).toBe(202);
    const receipt = await waitFor(
      async () => {
        const r = await stack.receipt('AA', String(body.receiptId));
        return r.status !== 'RECEIVED' ? r : undefined;
      },
      { what: 'the receipt settled' },
    );
    expect(receipt).toMatchObject({ status: 'PARSED', manifestId: expect.stringMatching(/^AA0106:/) });
  });

  it('refuses a token issued in the future', async () => {
    const future = await token({ roles: ['officer'] }, Math.floor(Date.now() / 1000) + 3600);
    const res = await lookup(`Bearer ${future}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('accepts a signed token of over 4,096 characters (up to 8,192)', async () => {
    const big = await token({ roles: ['officer'], groups: 'g'.repeat(5500) });
    expect(big.length).toBeGreaterThan(4096);
    expect(big.length).toBeLessThanOrEqual(8192);
    expect((await lookup(`Bearer ${big}`)).status).toBe(200);
  });

  it('reads the bearer scheme case-insensitively', async () => {
    const t = await stack.token('officer');
    expect((await lookup(`bearer ${t}`)).status).toBe(200);
    expect((await lookup(`BEARER ${t}`)).status).toBe(200);
  });

  it('answers an oversized header block with JSON and a code (431)', async () => {
    const result = await rawExchange(
      gateway,
      `GET /health HTTP/1.1\r\nHost: gateway\r\nx-filler: ${'a'.repeat(70_000)}\r\n\r\n`,
    );
    expect(parseRaw(result.response)).toMatchObject({ status: 431, json: { code: 'HEADERS_TOO_LARGE' } });
    expect(result.response).toMatch(/content-type: application\/json/i);
  });

  it.each([
    ['NUL', Buffer.from(manifest('7101', 'SM\\u0000ITH'))],
    ['ESC', Buffer.from(manifest('7102', 'SM\\u001bITH'))],
    ['CR', Buffer.from(manifest('7103', 'SM\\rITH'))],
    ['invalid UTF-8', Buffer.from(manifest('7104', 'SM__ITH').replace('__', '\u00ff\u00fe'), 'latin1')],
  ])('reports %s in a name as INVALID_CHARACTER', async (_label, bytes) => {
    const res = await fetch(`${gateway}/v1/messages`, {
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/json', 'x-api-key': stack.keys.get('AA')! },
    });
    expect(res.status).toBe(202);
    const { receiptId } = (await res.json()) as { receiptId: string };
    const receipt = await waitFor(
      async () => {
        const r = await stack.receipt('AA', receiptId);
        return r.status !== 'RECEIVED' ? r : undefined;
      },
      { what: 'the receipt settled' },
    );
    expect(((receipt.findings ?? []) as { code: string }[]).map((f) => f.code)).toContain(
      'INVALID_CHARACTER',
    );
  });
});
