import { createHmac, createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Header, Topic, TravellerParsed } from '@paxscreen/contracts';
import { PaxlstTraveller, writeTd3Mrz } from '@paxscreen/edifact';
import { issueToken, Role } from '@paxscreen/http';
import { testPaxlst, type TestPaxlstOptions, waitFor } from '@paxscreen/testing';
import { SignJWT, UnsecuredJWT } from 'jose';

import { TEST_JWT_SECRET, TestStack } from './support/stack';
import { TopicReader } from './support/topic-reader';

/**
 * Security tests across the apps (issue 10): carrier isolation, the role matrix of the staff
 * endpoints outside the gateway's own matrix (apps/gateway/test), forged and expired tokens,
 * oversized and slow requests, header injection, unsafe list file names, XML entity attacks.
 * CSV formula injection is covered where the export lives (libs/screening/src/export).
 */
const BODY_LIMIT = 64 * 1024;
const UPLOAD_LIMIT = 256 * 1024;
/** Short on purpose: the slow-client tests wait for it. */
const REQUEST_TIMEOUT_MS = 1500;
const HEADERS_TIMEOUT_MS = 1000;
/** A slow client must be cut off within the timeout, the server's check interval and this margin. */
const CUT_OFF_MARGIN_MS = 2500;
const ISSUER = 'paxscreen';
const AUDIENCE = 'paxscreen';
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const TRACEPARENT = /^00-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;

const pax = (surname: string, number: string): PaxlstTraveller => ({
  role: 'PASSENGER',
  surname,
  givenNames: 'TEST',
  dateOfBirth: '1980-02-03',
  gender: 'F',
  nationality: 'FRA',
  documents: [{ type: 'P', number, issuer: 'FRA', expiry: '2031-01-01' }],
});
const paxlst = (
  carrier: string,
  ref: string,
  travellers = [pax('SECURE', `X${ref}`)],
  options: TestPaxlstOptions = {},
) => testPaxlst(carrier, ref, travellers, options);
const jsonManifest = (carrier: string, ref: string) =>
  JSON.stringify({
    format: 'paxscreen.manifest',
    version: 1,
    messageId: ref,
    kind: 'PASSENGERS',
    flight: { carrier, number: '42', departure: { port: 'CDG' }, arrival: { port: 'JFK' } },
    travellers: [{ surname: 'JSONSECURE', givenNames: 'A', documents: [{ type: 'P', number: `J${ref}` }] }],
  });

let nextRef = 5000;
/** A fresh control reference: equal bytes would be deduplicated into an earlier receipt. */
const ref = () => String(nextRef++);

interface RawResult {
  /** Everything the server wrote before closing (or before the client gave up). */
  response: string;
  /** When the server closed the connection, ms after the first byte was sent; undefined if it did not. */
  closedAfterMs?: number;
  /** Chunks written before the server closed the connection. */
  written: number;
}

/** A raw HTTP/1.1 exchange: chunks written one by one, `delayMs` apart, until the server closes. */
function rawHttp(
  base: string,
  chunks: (string | Buffer)[],
  delayMs = 0,
  giveUpMs = 15_000,
): Promise<RawResult> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const started = Date.now();
    let response = '';
    let written = 0;
    let closed = false;
    const finish = (closedAfterMs?: number) => {
      if (closed) return;
      closed = true;
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ response, closedAfterMs, written });
    };
    const giveUp = setTimeout(() => finish(undefined), giveUpMs);
    socket.on('data', (d) => (response += d.toString('latin1')));
    socket.on('close', () => finish(Date.now() - started));
    socket.on('error', () => finish(Date.now() - started));
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (closed || socket.destroyed) return;
        socket.write(chunk);
        written++;
        if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      }
    });
  });
}

/** Response header names and values of a raw response. */
function headersOf(response: string): Map<string, string[]> {
  const head = response.split('\r\n\r\n')[0].split('\r\n').slice(1);
  const out = new Map<string, string[]>();
  for (const line of head) {
    const i = line.indexOf(':');
    if (i < 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    out.set(name, [...(out.get(name) ?? []), line.slice(i + 1).trim()]);
  }
  return out;
}

describe('security', () => {
  const stack = TestStack.create('security', ['AF', 'BA'], {
    GATEWAY_BODY_LIMIT: String(BODY_LIMIT),
    WATCHLIST_UPLOAD_LIMIT: String(UPLOAD_LIMIT),
    HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    IAPI_TIMEOUT_MS: '5000',
    POE_SCREEN_TIMEOUT_MS: '5000',
    GATEWAY_RATE_LIMIT: '100000',
  });
  let gateway: string;
  let watchlist: string;
  let raw: TopicReader;
  let travellers: TopicReader;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    await stack.start('watchlist');
    await stack.start('screening');
    await stack.start('parser');
    await stack.start('gateway');
    gateway = await stack.url('gateway');
    watchlist = await stack.url('watchlist');
    for (const role of ['officer', 'supervisor', 'admin', 'operator'] as const)
      tokens[role] = await stack.token(role);
    raw = await new TopicReader(stack.prefix, Topic.MessagesRaw).start();
    travellers = await new TopicReader(stack.prefix, Topic.Travellers).start();
  });

  afterAll(async () => {
    await raw?.stop();
    await travellers?.stop();
    await stack.close();
  });

  const key = (carrier: string) => ({ 'x-api-key': stack.keys.get(carrier)! });
  /** Every traveller event read so far (unpacked from the chunk records). */
  const travelling = () => travellers.json<TravellerParsed.Chunk>().flatMap(TravellerParsed.unpackChunk);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = (url: string, body: string | Buffer, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/edifact', ...headers } });
  const settled = (carrier: string, receiptId: string) =>
    waitFor(
      async () => {
        const r = await stack.receipt(carrier, receiptId);
        return r.status !== 'RECEIVED' ? r : undefined;
      },
      { what: `receipt ${receiptId} settled` },
    );

  describe('carrier isolation', () => {
    it("does not disclose another carrier's receipt: answered exactly like a missing one", async () => {
      const { body } = await stack.submit('BA', paxlst('BA', '1001'));
      const id = String(body.receiptId);
      const theirs = await fetch(`${gateway}/v1/messages/${id}`, { headers: key('AF') });
      const missing = await fetch(`${gateway}/v1/messages/${randomUUID()}`, { headers: key('AF') });
      expect(theirs.status).toBe(404);
      const [a, b] = [
        (await theirs.json()) as Record<string, unknown>,
        (await missing.json()) as Record<string, unknown>,
      ];
      expect({ ...a, requestId: undefined }).toEqual({ ...b, requestId: undefined });
      expect((await fetch(`${gateway}/v1/messages/${id}`, { headers: key('BA') })).status).toBe(200);
    });

    it.each([
      ['a PAXLST', () => paxlst('BA', '1002')],
      ['a JSON manifest', () => jsonManifest('BA', '1003')],
    ])("refuses %s for another carrier's flight at the door", async (_label, body) => {
      const res = await post(`${gateway}/v1/messages`, body(), key('AF'));
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'CARRIER_MISMATCH' });
    });

    it.each([
      ['a PAXLST', () => paxlst('BA', '1004')],
      ['a JSON manifest', () => jsonManifest('BA', '1005')],
    ])("gives no iAPI answer for %s of another carrier's flight", async (_label, body) => {
      const res = await post(`${gateway}/v1/iapi`, body(), key('AF'));
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'CARRIER_MISMATCH' });
    });

    /** Another carrier's message inside one of its own interchanges (the gateway only sniffs the first). */
    const smuggled = () => {
      const own = paxlst('AF', '1006');
      const theirs = paxlst('BA', '1007');
      return own.replace(/UNE\+/, `${theirs.slice(theirs.indexOf('UNH+'), theirs.indexOf('UNE+'))}UNE+`);
    };

    it.each([
      ['smuggled as a second message of its own interchange', smuggled],
      // The flight beyond the bytes the gateway sniffs (4 KiB of reporting party first).
      [
        'beyond the sniffed bytes',
        () => paxlst('BA', '1008', undefined, { reportingParty: { name: 'X'.repeat(5000) } }),
      ],
    ])("rejects another carrier's flight %s, and screens none of it", async (_label, body) => {
      const res = await post(`${gateway}/v1/messages`, body(), key('AF'));
      expect(res.status).toBe(202);
      const id = String(((await res.json()) as { receiptId: string }).receiptId);
      expect(await settled('AF', id)).toMatchObject({
        status: 'REJECTED',
        rejection: { code: 'CARRIER_MISMATCH' },
      });
      expect(travelling().filter((t) => t.correlationId === id)).toEqual([]);
    });

    it("never reads a second interchange appended after the first one's UNZ", async () => {
      const res = await post(
        `${gateway}/v1/messages`,
        paxlst('AF', '1009') + paxlst('BA', '1019'),
        key('AF'),
      );
      const id = String(((await res.json()) as { receiptId: string }).receiptId);
      expect(await settled('AF', id)).toMatchObject({ status: 'PARSED', counts: { travellers: 1 } });
      const screened = await waitFor(
        () => {
          const found = travelling().filter((t) => t.correlationId === id);
          return found.length > 0 ? found : undefined;
        },
        { what: 'the own traveller' },
      );
      expect(screened.map((t) => t.traveller.flight.carrier)).toEqual(['AF']);
    });

    it("never merges a carrier's part into another carrier's multi-part set of the same reference", async () => {
      const part = (carrier: string, sequence: number, final: boolean, ref: string) =>
        paxlst(carrier, ref, [pax(`PART${sequence}`, `P${ref}`)], {
          multipart: { reference: 'SHARED-REF', sequence, final },
        });
      const first = await stack.submit('AF', part('AF', 1, false, '1010'));
      const second = await stack.submit('BA', part('BA', 2, true, '1011'));
      expect((await settled('AF', String(first.body.receiptId))).status).toBe('AWAITING_PARTS');
      expect((await settled('BA', String(second.body.receiptId))).status).toBe('AWAITING_PARTS');
    });

    it("keeps carriers' Idempotency-Keys apart: the same key gives each carrier its own receipt", async () => {
      const idem = `shared-${randomBytes(4).toString('hex')}`;
      const a = await post(`${gateway}/v1/messages`, paxlst('AF', '1012'), {
        ...key('AF'),
        'idempotency-key': idem,
      });
      const b = await post(`${gateway}/v1/messages`, paxlst('BA', '1013'), {
        ...key('BA'),
        'idempotency-key': idem,
      });
      const [ra, rb] = [
        (await a.json()) as { receiptId: string; repeated: boolean },
        (await b.json()) as { receiptId: string; repeated: boolean },
      ];
      expect(rb.repeated).toBe(false);
      expect(rb.receiptId).not.toBe(ra.receiptId);
      expect((await fetch(`${gateway}/v1/messages/${rb.receiptId}`, { headers: key('BA') })).status).toBe(
        200,
      );
    });
  });

  describe("role matrix beyond the gateway's own (watchlist, MRZ, carrier endpoints with staff tokens)", () => {
    const MRZ = writeTd3Mrz({
      issuer: 'FRA',
      documentNumber: 'XM0000001',
      nationality: 'FRA',
      surname: 'SECURE',
      givenNames: 'TEST',
      dateOfBirth: '1980-02-03',
      sex: 'F',
      expiry: '2031-01-01',
    })!.join('\n');
    const credentials: Record<string, () => Record<string, string>> = {
      none: () => ({}),
      'carrier key': () => key('AF'),
      officer: () => bearer(tokens.officer),
      supervisor: () => bearer(tokens.supervisor),
      admin: () => bearer(tokens.admin),
      operator: () => bearer(tokens.operator),
    };
    const endpoints: Record<string, (h: Record<string, string>) => Promise<Response>> = {
      'POST /v1/lists': (h) =>
        fetch(`${watchlist}/v1/lists?listId=MATRIX`, {
          method: 'POST',
          body: 'id,document_number,issuer,document_type,status,reported_on\nM-1,XM0000001,FRA,P,STOLEN,2024-01-15\n',
          headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'matrix.csv', ...h },
        }),
      'GET /v1/lists': (h) => fetch(`${watchlist}/v1/lists`, { headers: h }),
      'POST /v1/poe/mrz': (h) =>
        fetch(`${gateway}/v1/poe/mrz`, {
          method: 'POST',
          body: MRZ,
          headers: { 'content-type': 'text/plain', ...h },
        }),
      'POST /v1/messages': (h) => post(`${gateway}/v1/messages`, paxlst('AF', '1020'), h),
      'POST /v1/iapi': (h) => post(`${gateway}/v1/iapi`, paxlst('AF', '1021'), h),
    };
    // endpoint, credential, expected status (the gateway's own rows are in apps/gateway/test)
    const matrix: [string, string, number][] = [
      ['POST /v1/lists', 'none', 401],
      ['POST /v1/lists', 'carrier key', 401],
      ['POST /v1/lists', 'officer', 403],
      ['POST /v1/lists', 'supervisor', 403],
      ['POST /v1/lists', 'operator', 403],
      ['POST /v1/lists', 'admin', 200],
      ['GET /v1/lists', 'none', 401],
      ['GET /v1/lists', 'officer', 403],
      ['GET /v1/lists', 'supervisor', 403],
      ['GET /v1/lists', 'operator', 200],
      ['GET /v1/lists', 'admin', 200],
      ['POST /v1/poe/mrz', 'none', 401],
      ['POST /v1/poe/mrz', 'carrier key', 401],
      ['POST /v1/poe/mrz', 'admin', 403],
      ['POST /v1/poe/mrz', 'operator', 403],
      ['POST /v1/poe/mrz', 'officer', 201],
      ['POST /v1/poe/mrz', 'supervisor', 201],
      ['POST /v1/messages', 'officer', 401],
      ['POST /v1/messages', 'admin', 401],
      ['POST /v1/iapi', 'supervisor', 401],
    ];
    it.each(matrix)('%s with %s → %i', async (endpoint, credential, status) => {
      const res = await endpoints[endpoint](credentials[credential]());
      expect(res.status).toBe(status);
      if (status >= 400) expect(typeof ((await res.json()) as { code?: unknown }).code).toBe('string');
    });
  });

  describe('forged and expired staff tokens', () => {
    const secret = createSecretKey(Buffer.from(TEST_JWT_SECRET, 'utf8'));
    const claims = { roles: ['admin', 'officer'] };
    const signed = (
      alg: string,
      key = secret,
      over: { iss?: string; aud?: string; exp?: string | number; nbf?: string } = {},
    ) => {
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg })
        .setSubject('mallory')
        .setIssuer(over.iss ?? ISSUER)
        .setAudience(over.aud ?? AUDIENCE);
      if (over.exp !== undefined) jwt.setExpirationTime(over.exp);
      else jwt.setExpirationTime('1h');
      if (over.nbf) jwt.setNotBefore(over.nbf);
      return jwt.sign(key);
    };
    const tampered = async () => {
      const [head, , sig] = (await stack.token('operator')).split('.');
      const payload = Buffer.from(
        JSON.stringify({
          sub: 'operator-1',
          roles: ['admin', 'officer'],
          iss: ISSUER,
          aud: AUDIENCE,
          exp: 9_999_999_999,
        }),
      ).toString('base64url');
      return `${head}.${payload}.${sig}`;
    };
    const hs256ByHand = (secretText: string) => {
      const head = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
      const body = Buffer.from(
        JSON.stringify({ sub: 'm', roles: ['admin'], iss: ISSUER, aud: AUDIENCE, exp: 9_999_999_999 }),
      ).toString('base64url');
      return `${head}.${body}.${createHmac('sha256', secretText).update(`${head}.${body}`).digest('base64url')}`;
    };
    const cases: [string, () => Promise<string> | string, string][] = [
      [
        'expired',
        () =>
          issueToken(
            { AUTH_JWT_SECRET: TEST_JWT_SECRET, AUTH_JWT_ISSUER: ISSUER, AUTH_JWT_AUDIENCE: AUDIENCE },
            { subject: 's', roles: ['admin', 'officer'], ttlSeconds: -60 },
          ),
        'TOKEN_EXPIRED',
      ],
      [
        'HS256 with a wrong key',
        () => hs256ByHand('a-wrong-secret-a-wrong-secret-a-wrong-secret'),
        'TOKEN_INVALID',
      ],
      ['HS256 with an empty key', () => hs256ByHand(''), 'TOKEN_INVALID'],
      [
        'alg none',
        () =>
          new UnsecuredJWT(claims)
            .setSubject('m')
            .setIssuer(ISSUER)
            .setAudience(AUDIENCE)
            .setExpirationTime('1h')
            .encode(),
        'TOKEN_INVALID',
      ],
      ['a tampered payload (operator made admin)', tampered, 'TOKEN_INVALID'],
      ['another audience', () => signed('HS256', secret, { aud: 'another-service' }), 'TOKEN_INVALID'],
      ['another issuer', () => signed('HS256', secret, { iss: 'https://evil.example' }), 'TOKEN_INVALID'],
      ['HS512 with the right key (algorithm not allowed)', () => signed('HS512', secret), 'TOKEN_INVALID'],
      ['not valid yet', () => signed('HS256', secret, { nbf: '1h' }), 'TOKEN_INVALID'],
      ['a bearer of garbage', () => 'x'.repeat(40), 'TOKEN_INVALID'],
    ];
    it.each(cases)(
      'refuses a token that is %s, on the gateway and on the watchlist',
      async (_label, make, code) => {
        const token = await make();
        const poe = await fetch(`${gateway}/v1/poe/documents/FRA/XF0000001`, { headers: bearer(token) });
        const lists = await fetch(`${watchlist}/v1/lists`, { headers: bearer(token) });
        for (const res of [poe, lists]) {
          expect(res.status).toBe(401);
          expect(await res.json()).toMatchObject({ code });
        }
      },
    );

    it('keeps only known roles: a token claiming "root" gets nothing', async () => {
      const token = await new SignJWT({ roles: ['root', 'superuser'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('m')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime('1h')
        .sign(secret);
      expect((await fetch(`${watchlist}/v1/lists`, { headers: bearer(token) })).status).toBe(403);
    });
  });

  describe('oversized and slow requests', () => {
    const oversized = Buffer.concat([Buffer.from(paxlst('AF', '1030')), Buffer.alloc(BODY_LIMIT, 0x20)]);

    it.each([
      ['POST /v1/messages', () => `${gateway}/v1/messages`, () => key('AF')],
      ['POST /v1/iapi', () => `${gateway}/v1/iapi`, () => key('AF')],
      ['POST /v1/poe/mrz', () => `${gateway}/v1/poe/mrz`, () => bearer(tokens.officer)],
    ])('answers 413 PAYLOAD_TOO_LARGE on %s above the body limit', async (_label, url, headers) => {
      const res = await post(url(), oversized, headers());
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    });

    it('answers 413 to a chunked body (no Content-Length) once it passes the limit', async () => {
      const chunk = Buffer.alloc(16 * 1024, 0x41);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent > BODY_LIMIT * 4) controller.close();
          else {
            sent += chunk.length;
            controller.enqueue(
              sent === chunk.length ? Buffer.from(`UNA:+.? 'UNB+UNOA:4+AFAIR+B+250101:0000+1'`) : chunk,
            );
          }
        },
      });
      const res = await fetch(`${gateway}/v1/messages`, {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { 'content-type': 'application/edifact', ...key('AF') },
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    });

    it('answers 413 to a list upload above the upload limit', async () => {
      const res = await fetch(`${watchlist}/v1/lists`, {
        method: 'POST',
        body: Buffer.alloc(UPLOAD_LIMIT + 1, 0x41),
        headers: {
          'content-type': 'application/octet-stream',
          'x-file-name': 'big.csv',
          ...bearer(tokens.admin),
        },
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    });

    it('cuts off a client that sends its body one byte at a time (408, connection closed)', async () => {
      const body = paxlst('AF', '1031');
      const head =
        `POST /v1/messages HTTP/1.1\r\nHost: gateway\r\ncontent-type: application/edifact\r\n` +
        `x-api-key: ${stack.keys.get('AF')}\r\ncontent-length: ${body.length}\r\n\r\n`;
      const result = await rawHttp(gateway, [head, ...body.split('')], 100);
      expect(result.closedAfterMs).toBeDefined();
      expect(result.closedAfterMs!).toBeLessThan(REQUEST_TIMEOUT_MS + CUT_OFF_MARGIN_MS);
      expect(result.written).toBeLessThan(body.length);
      expect(result.response).toMatch(/^HTTP\/1\.1 408/);
    });

    it('cuts off a client that sends its headers one byte at a time (slowloris)', async () => {
      const head = `GET /health HTTP/1.1\r\nHost: gateway\r\nx-padding: ${'a'.repeat(200)}\r\n\r\n`;
      const result = await rawHttp(gateway, head.split(''), 50);
      expect(result.closedAfterMs).toBeDefined();
      expect(result.closedAfterMs!).toBeLessThan(HEADERS_TIMEOUT_MS + CUT_OFF_MARGIN_MS);
      expect(result.written).toBeLessThan(head.length);
    });

    it('still serves ordinary requests afterwards', async () => {
      expect((await fetch(`${gateway}/health`)).status).toBe(200);
    });
  });

  describe('header injection', () => {
    const submitWith = async (headers: Record<string, string>, ref: string) => {
      const res = await post(`${gateway}/v1/messages`, paxlst('AF', ref), { ...key('AF'), ...headers });
      return { res, body: (await res.json()) as { receiptId?: string; code?: string } };
    };

    it.each([
      ['too long', 'a'.repeat(1000)],
      ['too short', 'abc'],
      ['markup', '<script>alert(1)</script>'],
      ['spaces and quotes', 'id with "quotes" and spaces'],
      ['percent-encoded CR LF', 'abc%0d%0aSet-Cookie:%20x=1'],
      ['Latin-1 bytes', 'caf\u00e9-\u00e9t\u00e9-id'],
    ])(
      'never echoes an x-request-id that is %s: a fresh id in the response and on Kafka',
      async (_label, value) => {
        const { res, body } = await submitWith({ 'x-request-id': value }, ref());
        const echoed = res.headers.get('x-request-id')!;
        expect(echoed).not.toBe(value);
        expect(echoed).toMatch(REQUEST_ID);
        const record = await waitFor(
          () => raw.records.find((r) => r.headers[Header.ReceiptId] === body.receiptId),
          {
            what: 'raw record',
          },
        );
        expect(record.headers[Header.RequestId]).toBe(echoed);
      },
    );

    it('keeps a well-formed x-request-id end to end (control)', async () => {
      const id = `req-${randomBytes(6).toString('hex')}`;
      const { res, body } = await submitWith({ 'x-request-id': id }, ref());
      expect(res.headers.get('x-request-id')).toBe(id);
      const record = await waitFor(
        () => raw.records.find((r) => r.headers[Header.ReceiptId] === body.receiptId),
        {
          what: 'raw record',
        },
      );
      expect(record.headers[Header.RequestId]).toBe(id);
    });

    it.each([
      ['malformed', '00-xyz-abc-01'],
      ['with a second value appended', `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01,evil`],
      ['oversized', `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01${' '.repeat(3000)}x`],
    ])('replaces a traceparent that is %s on the Kafka record', async (_label, value) => {
      const { body } = await submitWith({ traceparent: value }, ref());
      const record = await waitFor(
        () => raw.records.find((r) => r.headers[Header.ReceiptId] === body.receiptId),
        {
          what: 'raw record',
        },
      );
      expect(record.headers[Header.TraceParent]).toMatch(TRACEPARENT);
    });

    it.each([
      ['too long', 'k'.repeat(200)],
      ['with spaces', 'key with spaces'],
      ['with a quote and markup', 'k"<b>'],
      ['with Latin-1 bytes', 'cl\u00e9-\u00e9t\u00e9'],
    ])('refuses an Idempotency-Key %s with a typed 400 that does not echo it', async (_label, value) => {
      const { res, body } = await submitWith({ 'idempotency-key': value }, ref());
      expect(res.status).toBe(400);
      expect(body).toMatchObject({ code: 'INVALID_IDEMPOTENCY_KEY' });
      expect(JSON.stringify(body)).not.toContain(value);
      for (const [, v] of res.headers) expect(v).not.toContain(value);
    });

    it.each([
      ['a bare CR inside x-request-id', 'x-request-id: abcdefgh\rSet-Cookie: injected=1'],
      ['a bare LF inside x-request-id', 'x-request-id: abcdefgh\nSet-Cookie: injected=1'],
      ['a bare CR inside Idempotency-Key', 'idempotency-key: abc\rSet-Cookie: injected=1'],
      [
        'a bare LF inside traceparent',
        `traceparent: 00-${'a'.repeat(32)}-${'b'.repeat(16)}-01\nSet-Cookie: injected=1`,
      ],
      ['a header line without CR', 'x-request-id: abcdefgh\nx-injected: 1'],
    ])('never answers %s with an injected response header', async (_label, line) => {
      const body = paxlst('AF', ref());
      const request =
        `POST /v1/messages HTTP/1.1\r\nHost: gateway\r\ncontent-type: application/edifact\r\n` +
        `x-api-key: ${stack.keys.get('AF')}\r\n${line}\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`;
      const { response } = await rawHttp(gateway, [request]);
      const headers = headersOf(response);
      expect(response).toMatch(/^HTTP\/1\.1 (202|400)/);
      expect(headers.has('set-cookie')).toBe(false);
      expect(headers.has('x-injected')).toBe(false);
      for (const id of headers.get('x-request-id') ?? []) expect(id).toMatch(REQUEST_ID);
    });

    it('answers 431 to an oversized header block', async () => {
      const res = await rawHttp(gateway, [
        `GET /health HTTP/1.1\r\nHost: gateway\r\nx-request-id: ${'a'.repeat(70_000)}\r\nconnection: close\r\n\r\n`,
      ]);
      expect(res.response).toMatch(/^HTTP\/1\.1 431/);
    });

    it('puts only printable, bounded values in the Kafka headers of every raw record', () => {
      expect(raw.records.length).toBeGreaterThan(5);
      for (const record of raw.records)
        for (const [name, value] of Object.entries(record.headers)) {
          expect(`${name}=${value}`).toMatch(/^[\x21-\x7e]+=[\x20-\x7e]{0,256}$/);
        }
    });
  });

  describe('list uploads: unsafe file names', () => {
    const canaryDir = mkdtempSync(join(tmpdir(), 'paxscreen-canary-'));
    afterAll(() => rmSync(canaryDir, { recursive: true, force: true }));
    const CSV =
      'id,document_number,issuer,document_type,status,reported_on\nN-1,XN0000001,FRA,P,STOLEN,2024-01-15\n';
    const upload = (name: string) =>
      fetch(`${watchlist}/v1/lists`, {
        method: 'POST',
        body: CSV,
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': name, ...bearer(tokens.admin) },
      });
    const uploadSet = (names: unknown[]) =>
      fetch(`${watchlist}/v1/lists`, {
        method: 'POST',
        body: JSON.stringify({
          files: names.map((name) => ({ name, contentBase64: Buffer.from(CSV).toString('base64') })),
        }),
        headers: { 'content-type': 'application/vnd.paxscreen.files+json', ...bearer(tokens.admin) },
      });

    it.each([
      '..\\..\\windows\\win.ini',
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/etc/passwd',
      `../../../../..${canaryDir}/written.csv`,
      'C:\\lists\\x.csv',
      '\u00e9t\u00e9.csv',
      'x.csv;rm -rf ~',
      '$(reboot).csv',
    ])('refuses the file name %j (x-file-name)', async (name) => {
      const res = await upload(name);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toBe('UNSAFE_FILE_NAME');
      expect(body.message).not.toContain(name);
    });

    it.each([
      ['a parent path', '../../etc/passwd', 'UNSAFE_FILE_NAME'],
      ['an absolute path', '/etc/shadow', 'UNSAFE_FILE_NAME'],
      // Refused with every other staff body holding a NUL or a wrong type (bodyOf), naming the field.
      ['a NUL byte', 'list.csv\u0000.xml', 'INVALID_BODY'],
      ['a right-to-left override', 'list\u202Evsc.exe', 'UNSAFE_FILE_NAME'],
      ['a new line', 'list\n.csv', 'UNSAFE_FILE_NAME'],
      ['only dots', '..', 'UNSAFE_FILE_NAME'],
      ['a number instead of a name', 42, 'INVALID_BODY'],
      ['200 characters', 'x'.repeat(200), 'UNSAFE_FILE_NAME'],
    ])('refuses a file set naming a file with %s', async (_label, name, code) => {
      const res = await uploadSet([name]);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: string };
      expect(body).toMatchObject({ code });
      if (code === 'INVALID_BODY') expect(JSON.stringify(body)).toMatch(/files\.0\.name/);
    });

    it('writes nothing where a traversing name points', () => {
      expect(existsSync(join(canaryDir, 'written.csv'))).toBe(false);
    });
  });

  describe('list uploads: XML external entities and entity expansion', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paxscreen-xxe-'));
    const secret = `SECRET-${randomBytes(8).toString('hex')}`;
    const secretFile = join(dir, 'secret.txt');
    writeFileSync(secretFile, secret);
    let contacted = 0;
    const dtdServer = createServer((_req, res) => {
      contacted++;
      res.end('<!ENTITY leak "x">');
    });
    let dtdUrl = '';
    beforeAll(async () => {
      await new Promise<void>((r) => dtdServer.listen(0, '127.0.0.1', r));
      const address = dtdServer.address();
      dtdUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/evil.dtd`;
    });
    afterAll(async () => {
      await new Promise((r) => dtdServer.close(r));
      rmSync(dir, { recursive: true, force: true });
    });

    const unList = (doctype: string, name = '&xxe;') =>
      `<?xml version="1.0" encoding="UTF-8"?>${doctype}<CONSOLIDATED_LIST dateGenerated="2025-01-01"><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER><FIRST_NAME>${name}</FIRST_NAME><SECOND_NAME>X</SECOND_NAME></INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>`;
    const laughs =
      '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join(
        '',
      ) +
      ']>';
    const upload = (body: string | Buffer, name = 'consolidated.xml') =>
      fetch(`${watchlist}/v1/lists?listId=XXE`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': name, ...bearer(tokens.admin) },
      });

    it.each([
      [
        'an external entity (file)',
        () => unList(`<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://${secretFile}">]>`),
      ],
      [
        'an external parameter entity (URL)',
        () => unList(`<!DOCTYPE x [<!ENTITY % p SYSTEM "${dtdUrl}"> %p;]>`, 'A'),
      ],
      ['an external DTD', () => unList(`<!DOCTYPE CONSOLIDATED_LIST SYSTEM "${dtdUrl}">`, 'A')],
      ['billion laughs', () => unList(laughs, '&lol9;')],
      ['a lower-case doctype', () => unList(`<!doctype x [<!entity xxe SYSTEM "file://${secretFile}">]>`)],
    ])('refuses %s with a typed 422, fast, reading nothing', async (_label, make) => {
      const started = Date.now();
      const res = await upload(make());
      const text = await res.text();
      expect(Date.now() - started).toBeLessThan(5000);
      expect(res.status).toBe(422);
      expect(JSON.parse(text)).toMatchObject({ code: 'XML_UNSAFE' });
      expect(text).not.toContain(secret);
      expect(contacted).toBe(0);
    });

    it.each([
      [
        'UTF-16 with a BOM (no decoder sees the DOCTYPE)',
        () =>
          Buffer.concat([
            Buffer.from([0xff, 0xfe]),
            Buffer.from(unList(`<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://${secretFile}">]>`), 'utf16le'),
          ]),
      ],
      [
        '100,000 nested elements',
        () => `<?xml version="1.0"?>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`,
      ],
      ['an entity reference without a declaration', () => unList('', '&xxe;')],
    ])('answers %s with a typed 4xx (or reads it), never 5xx, never the file', async (_label, make) => {
      const started = Date.now();
      const res = await upload(make());
      const text = await res.text();
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) expect(typeof (JSON.parse(text) as { code?: unknown }).code).toBe('string');
      expect(text).not.toContain(secret);
      expect(contacted).toBe(0);
    });

    it('has not imported anything from the refused files, and still answers', async () => {
      const res = await fetch(`${watchlist}/v1/lists`, { headers: bearer(tokens.admin) });
      expect(res.status).toBe(200);
      expect(JSON.stringify(await res.json())).not.toContain(secret);
    });
  });
});
