import { createHmac } from 'node:crypto';

import { Audit, Topic } from '@paxscreen/contracts';
import { checkDigit, PaxlstTraveller } from '@paxscreen/edifact';
import { testPaxlst, waitFor } from '@paxscreen/testing';

import { TestStack } from '../../../test/support/stack';
import { TopicReader } from '../../../test/support/topic-reader';

/** A TD3 (passport) MRZ with correct check digits, or one digit broken on purpose. */
function td3(
  surname: string,
  given: string,
  number: string,
  nationality: string,
  dob: string,
  sex: string,
  expiry: string,
  breakDob = false,
): string {
  const pad = (s: string, n: number) => (s + '<'.repeat(n)).slice(0, n);
  const l1 = pad(`P<${nationality}${surname}<<${given.replace(/ /g, '<')}`, 44);
  const doc = pad(number, 9);
  const optional = pad('', 14);
  const dobDigit = breakDob ? String((Number(checkDigit(dob)) + 1) % 10) : checkDigit(dob);
  const body = `${doc}${checkDigit(doc)}${nationality}${dob}${dobDigit}${sex}${expiry}${checkDigit(expiry)}${optional}${checkDigit(optional)}`;
  const composite = checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return `${l1}\n${body}${composite}`;
}

const pax = (surname: string, givenNames: string, number: string, issuer: string): PaxlstTraveller => ({
  role: 'PASSENGER',
  surname,
  givenNames,
  dateOfBirth: '1980-02-03',
  gender: 'F',
  nationality: issuer,
  documents: [{ type: 'P', number, issuer, expiry: '2031-01-01' }],
});

const paxlst = (carrier: string, travellers: PaxlstTraveller[], controlRef: string) =>
  testPaxlst(carrier, controlRef, travellers);

const LOST = `id,document_number,issuer,document_type,status,reported_on\nLSD-9,XS0000999,FRA,P,STOLEN,2024-01-15\n`;

describe('gateway: carriers, iAPI, port of entry, officers', () => {
  const stack = TestStack.create('gateway', ['AF', 'BA'], {
    IAPI_TIMEOUT_MS: '5000',
    POE_SCREEN_TIMEOUT_MS: '5000',
  });
  let base: string;
  let audit: TopicReader;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    await stack.start('watchlist');
    await stack.importList('lost.csv', LOST, 'SLTD');
    await stack.start('screening');
    await stack.start('parser');
    await stack.start('gateway');
    base = await stack.url('gateway');
    for (const role of ['officer', 'supervisor', 'admin', 'operator'] as const)
      tokens[role] = await stack.token(role);
    audit = await new TopicReader(stack.prefix, Topic.Audit).start();
  });

  afterAll(async () => {
    await audit?.stop();
    await stack.close();
  });

  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    fetch(`${base}${path}`, { method, headers, body });

  describe('authorisation matrix', () => {
    let receiptId: string;
    beforeAll(async () => {
      receiptId = String(
        (await stack.submit('AF', paxlst('AF', [pax('MARTIN', 'CLAIRE', 'XF0000001', 'FRA')], '100'))).body
          .receiptId,
      );
    });

    const forged = () => {
      const header = Buffer.from('{"alg":"HS256"}').toString('base64url');
      const payload = Buffer.from(
        JSON.stringify({ sub: 'x', roles: ['officer'], iss: 'paxscreen', aud: 'paxscreen', exp: 9999999999 }),
      ).toString('base64url');
      const sig = createHmac('sha256', 'not-the-real-secret-not-the-real-secret')
        .update(`${header}.${payload}`)
        .digest('base64url');
      return `${header}.${payload}.${sig}`;
    };
    const credentials: Record<string, () => Record<string, string>> = {
      none: () => ({}),
      'own carrier key': () => ({ 'x-api-key': stack.keys.get('AF')! }),
      "another carrier's key": () => ({ 'x-api-key': stack.keys.get('BA')! }),
      officer: () => ({ authorization: `Bearer ${tokens.officer}` }),
      supervisor: () => ({ authorization: `Bearer ${tokens.supervisor}` }),
      admin: () => ({ authorization: `Bearer ${tokens.admin}` }),
      operator: () => ({ authorization: `Bearer ${tokens.operator}` }),
      'forged token': () => ({ authorization: `Bearer ${forged()}` }),
    };
    // endpoint → [credential, expected status]
    const matrix: [string, string, number][] = [
      ['GET receipt', 'none', 401],
      ['GET receipt', 'own carrier key', 200],
      ['GET receipt', "another carrier's key", 404],
      ['GET receipt', 'officer', 401],
      ['GET poe', 'none', 401],
      ['GET poe', 'own carrier key', 401],
      ['GET poe', 'officer', 200],
      ['GET poe', 'supervisor', 200],
      ['GET poe', 'admin', 403],
      ['GET poe', 'operator', 403],
      ['GET poe', 'forged token', 401],
      ['POST iapi', 'none', 401],
      ['POST iapi', 'officer', 401],
      ['POST iapi', "another carrier's key", 403],
    ];
    it.each(matrix)('%s with %s → %i', async (endpoint, credential, status) => {
      const headers = credentials[credential]();
      const res =
        endpoint === 'GET receipt'
          ? await call('GET', `/v1/messages/${receiptId}`, headers)
          : endpoint === 'GET poe'
            ? await call('GET', '/v1/poe/documents/FRA/XF0000001', headers)
            : await call(
                'POST',
                '/v1/iapi',
                { ...headers, 'content-type': 'application/edifact' },
                paxlst('AF', [pax('DUBOIS', 'JEAN', 'XF0000002', 'FRA')], '101'),
              );
      expect(res.status).toBe(status);
      if (status >= 400) expect(typeof ((await res.json()) as { code: string }).code).toBe('string');
    });
  });

  it('gives the same receipt for the same Idempotency-Key and screens the message once', async () => {
    const key = `idem-${Date.now()}`;
    const send = (ref: string) =>
      call(
        'POST',
        '/v1/messages',
        { 'x-api-key': stack.keys.get('AF')!, 'idempotency-key': key },
        paxlst('AF', [pax('LEROY', 'ANNE', 'XF0000003', 'FRA')], ref),
      );
    const a = (await (await send('200')).json()) as { receiptId: string; repeated: boolean };
    const b = (await (await send('201')).json()) as { receiptId: string; repeated: boolean };
    expect(b).toMatchObject({ receiptId: a.receiptId, repeated: true });
    expect(a.repeated).toBe(false);
  });

  it('answers iAPI per traveller, as JSON and as CUSRES', async () => {
    const body = paxlst(
      'AF',
      [pax('BERNARD', 'LUC', 'XS0000999', 'FRA'), pax('PETIT', 'EMMA', 'XF0000004', 'FRA')],
      '300',
    );
    const res = await call(
      'POST',
      '/v1/iapi',
      { 'x-api-key': stack.keys.get('AF')!, 'content-type': 'application/edifact' },
      body,
    );
    expect(res.status).toBe(200);
    const json = (await res.json()) as { timedOut: boolean; answers: { surname: string; status: string }[] };
    expect(json.timedOut).toBe(false);
    expect(json.answers.map((a) => [a.surname, a.status])).toEqual([
      ['BERNARD', 'DO_NOT_BOARD'],
      ['PETIT', 'OK_TO_BOARD'],
    ]);
    const edi = await call(
      'POST',
      '/v1/iapi',
      { 'x-api-key': stack.keys.get('AF')!, accept: 'application/edifact' },
      body,
    );
    expect(edi.headers.get('content-type')).toMatch(/application\/edifact/);
    const text = await edi.text();
    expect(text).toMatch(/UNH\+[^']*CUSRES/);
    expect(text).toMatch(/DO NOT BOARD|DO_NOT_BOARD/);
  });

  it('looks up a document screened from advance data (hit) and one never seen (miss, on demand)', async () => {
    const { body } = await stack.submit(
      'AF',
      paxlst('AF', [pax('ROUX', 'MARIE', 'XF0000005', 'FRA')], '400'),
    );
    const officer = { authorization: `Bearer ${tokens.officer}` };
    const hit = await waitFor(
      async () => {
        const r = (await (
          await call('GET', '/v1/poe/documents/FRA/XF0000005?dateOfBirth=1980-02-03', officer)
        ).json()) as Record<string, unknown>;
        return r.advanceData ? r : undefined;
      },
      { what: 'hot path entry' },
    );
    expect(hit).toMatchObject({
      advanceData: true,
      dateOfBirthMatches: true,
      decision: { outcome: 'CLEAR' },
      subject: { surname: 'ROUX' },
    });
    expect(body.receiptId).toBeDefined();

    const miss = (await (await call('GET', '/v1/poe/documents/FRA/XF0000777', officer)).json()) as Record<
      string,
      unknown
    >;
    expect(miss).toMatchObject({ advanceData: false, decision: { outcome: 'CLEAR' } });
    expect(String(miss.note)).toMatch(/no advance passenger data/);

    // Every look-up is audited (the polling above too): who, which document, what was answered.
    const entries = await waitFor(
      () => {
        const found = audit.json<Audit.Value>().filter((a) => a.action === 'POE_LOOKUP_DOCUMENT');
        return found.some((a) => a.target === 'FRA:XF0000777') ? found : undefined;
      },
      { what: 'audit records' },
    );
    expect(entries.find((e) => e.target === 'FRA:XF0000777')).toMatchObject({
      actor: 'officer-1',
      role: 'officer',
      outcome: 'CLEAR',
    });
    expect(entries.find((e) => e.target === 'FRA:XF0000005' && e.outcome === 'CLEAR')).toBeDefined();
  });

  it('reads a scanned TD3 MRZ and refuses one with a wrong check digit', async () => {
    const officer = { authorization: `Bearer ${tokens.officer}`, 'content-type': 'text/plain' };
    const good = await call(
      'POST',
      '/v1/poe/mrz',
      officer,
      td3('BERNARD', 'LUC', 'XS0000999', 'FRA', '800203', 'M', '310101'),
    );
    expect(good.status).toBe(201);
    expect(await good.json()).toMatchObject({ decision: { outcome: 'NO_BOARD' } });
    const bad = await call(
      'POST',
      '/v1/poe/mrz',
      officer,
      td3('BERNARD', 'LUC', 'XS0000999', 'FRA', '800203', 'M', '310101', true),
    );
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      code: 'MRZ_CHECK_DIGIT',
      details: { fields: expect.arrayContaining(['dateOfBirth']) },
    });
  });

  it.each([
    [
      'an MRZ look-up whose JSON mrz holds an escaped NUL',
      'officer',
      '/v1/poe/mrz',
      '{"mrz":"P<FRA\\u0000"}',
      'mrz: must not contain NUL (U+0000)',
    ],
    ['an MRZ look-up whose JSON mrz is not a string', 'officer', '/v1/poe/mrz', '{"mrz":5}', 'mrz: isString'],
    [
      'an MRZ look-up whose JSON is cut short',
      'officer',
      '/v1/poe/mrz',
      '{"mrz":',
      'payload: not valid JSON',
    ],
    [
      'an unmasking whose reason holds an escaped NUL',
      'supervisor',
      '/v1/pnr/T-1/unmask',
      '{"reason":"court order 2026/117\\u0000"}',
      'reason: must not contain NUL (U+0000)',
    ],
    [
      'an unmasking whose reason is not a string',
      'supervisor',
      '/v1/pnr/T-1/unmask',
      '{"reason":20260117117}',
      'reason: isString',
    ],
  ])('refuses %s with 400 INVALID_BODY naming the field', async (_, role, path, body, problem) => {
    const res = await call(
      'POST',
      path,
      { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
      body,
    );
    const answer = (await res.json()) as { code: string; details?: { problems: string[] } };
    expect({ status: res.status, code: answer.code }).toEqual({ status: 400, code: 'INVALID_BODY' });
    expect(answer.details?.problems).toContain(problem);
  });

  it('answers CONTACT_AGENCY when screening does not answer in time, and never hangs', async () => {
    await stack.stop('screening');
    const quick = TestStack.create('gateway-timeout', ['AF'], { IAPI_TIMEOUT_MS: '300' });
    // A second gateway on the same prefix with a short timeout; nobody screens.
    const gw = await quick.start('gateway', 'gateway', {
      KAFKA_TOPIC_PREFIX: stack.prefix,
      REDIS_KEY_PREFIX: stack.prefix,
    });
    const started = Date.now();
    const res = await fetch(`${await gw.getUrl()}/v1/iapi`, {
      method: 'POST',
      headers: { 'x-api-key': quick.keys.get('AF')!, 'content-type': 'application/edifact' },
      body: paxlst('AF', [pax('NOEL', 'PAUL', 'XF0000006', 'FRA')], '500'),
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await res.json()).toMatchObject({ timedOut: true, answers: [{ status: 'CONTACT_AGENCY' }] });
    await quick.close();
  });

  it('rate-limits a carrier across the limit and says so with a typed 429', async () => {
    const limited = TestStack.create('gateway-rate', ['AF'], { GATEWAY_RATE_LIMIT: '3' });
    const gw = await limited.start('gateway');
    const url = `${await gw.getUrl()}/v1/messages/00000000-0000-0000-0000-000000000000`;
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await fetch(url, { headers: { 'x-api-key': limited.keys.get('AF')! } })).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    const res = await fetch(url, { headers: { 'x-api-key': limited.keys.get('AF')! } });
    expect(await res.json()).toMatchObject({ code: 'RATE_LIMITED' });
    await limited.close();
  });

  it('serves the OpenAPI document and security headers', async () => {
    const res = await call('GET', '/docs/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/messages', '/v1/iapi', '/v1/poe/mrz']),
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});
