import { DecisionMade, Topic } from '@paxscreen/contracts';
import { waitFor } from '@paxscreen/testing';

import { TestStack } from '../support/stack';
import { TopicReader } from '../support/topic-reader';

/**
 * Issue 20, item 3: a document reported stolen must stay NO_BOARD however its number is spelt:
 * look-alike Cyrillic / Greek letters, invisible characters, full-width digits, a soft hyphen, a
 * look-alike issuer code. Each spelling is a data-quality finding, and the reason says the match
 * was only made after folding. The port-of-entry look-up meets the same key.
 */
const STOLEN = 'XA0000101';
const LOST_STOLEN = `id,document_number,issuer,document_type,status,reported_on
LSD-1,${STOLEN},AUS,P,STOLEN,2024-01-15
`;

const manifest = (ref: string, number: string, issuer = 'AUS') =>
  JSON.stringify({
    format: 'paxscreen.manifest',
    version: 1,
    messageId: ref,
    kind: 'PASSENGERS',
    flight: {
      carrier: 'QF',
      number: ref.slice(-4),
      departure: { port: 'SYD', at: '2030-01-01T10:00' },
      arrival: { port: 'LAX', at: '2030-01-01T06:00' },
    },
    travellers: [
      {
        surname: 'LOOKALIKE',
        givenNames: 'ANNA',
        dateOfBirth: '1985-07-01',
        gender: 'F',
        nationality: 'AUS',
        documents: [{ type: 'P', number, issuer, expiry: '2031-01-01' }],
      },
    ],
  });

const SPELLINGS: [string, string, string?][] = [
  ['Cyrillic Х and А', '\u0425\u04100000101'],
  ['Greek Χ and Α', '\u03a7\u03910000101'],
  ['a zero-width space', 'XA000\u200b0101'],
  ['full-width digits', 'XA\uff10\uff10\uff10\uff10\uff11\uff10\uff11'],
  ['a soft hyphen', 'XA00\u00ad00101'],
  ['a BOM inside', 'XA00\ufeff00101'],
  ['a Cyrillic А in the issuer', STOLEN, '\u0410US'],
];

describe('security: look-alike document numbers (issue 20, item 3)', () => {
  const stack = TestStack.create('sec-lookalike', ['QF'], { IAPI_TIMEOUT_MS: '5000' });
  let gateway: string;
  let decisions: TopicReader;
  let officer: string;

  beforeAll(async () => {
    await stack.start('watchlist');
    await stack.importList('lost-stolen.csv', LOST_STOLEN, 'SLTD');
    await stack.start('screening');
    await stack.start('parser');
    await stack.start('gateway');
    gateway = await stack.url('gateway');
    officer = await stack.token('officer');
    decisions = await new TopicReader(stack.prefix, Topic.Decisions).start();
  });

  afterAll(async () => {
    await decisions?.stop();
    await stack.close();
  });

  const iapi = async (body: string) => {
    const res = await fetch(`${gateway}/v1/iapi`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-api-key': stack.keys.get('QF')! },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { answers: { status: string }[] };
  };

  it('refuses boarding on the number as listed (the baseline)', async () => {
    const { answers } = await iapi(manifest('Q1000', STOLEN));
    expect(answers.map((a) => a.status)).toEqual(['DO_NOT_BOARD']);
  });

  it.each(SPELLINGS.map(([label, number, issuer], i) => [label, number, issuer, `Q${1001 + i}`]))(
    'refuses boarding on the stolen number spelt with %s',
    async (_label, number, issuer, ref) => {
      const { answers } = await iapi(manifest(ref!, number!, issuer));
      expect(answers.map((a) => a.status)).toEqual(['DO_NOT_BOARD']);
    },
  );

  it.each(SPELLINGS.map(([label, number, issuer], i) => [label, number, issuer, `Q${2001 + i}`]))(
    'reports %s as a finding, and the reason says the match needed folding',
    async (_label, number, issuer, ref) => {
      const { status, body } = await stack.submit('QF', manifest(ref!, number!, issuer));
      expect(status).toBe(202);
      const receiptId = String(body.receiptId);
      const decided = await waitFor(
        () => decisions.json<DecisionMade.Value>().find((d) => d.correlationId === receiptId) ?? undefined,
        { what: 'the decision' },
      );
      expect(decided.decision.outcome).toBe('NO_BOARD');
      expect(decided.decision.reasons[0]).toMatchObject({ kind: 'LOST_STOLEN_DOCUMENT' });
      expect(decided.decision.reasons[0].explanation).toMatch(/only after folding/);
      const receipt = await stack.receipt('QF', receiptId);
      const codes = ((receipt.findings ?? []) as { code: string }[]).map((f) => f.code);
      expect(codes).toContain(issuer ? 'NON_ASCII_COUNTRY_CODE' : 'NON_ASCII_DOCUMENT_NUMBER');
    },
  );

  it('answers a port-of-entry look-up typed with look-alikes from the hot path', async () => {
    await iapi(manifest('Q3000', STOLEN));
    const lookup = async (number: string) => {
      const res = await fetch(`${gateway}/v1/poe/documents/AUS/${encodeURIComponent(number)}`, {
        headers: { authorization: `Bearer ${officer}` },
      });
      return (await res.json()) as { advanceData: boolean; decision?: { outcome: string } };
    };
    await waitFor(async () => ((await lookup(STOLEN)).advanceData ? true : undefined), {
      what: 'the hot-path entry',
    });
    for (const [, number] of SPELLINGS.slice(0, 6))
      expect(await lookup(number)).toMatchObject({ advanceData: true, decision: { outcome: 'NO_BOARD' } });
  });
});
