import { waitFor } from '@paxscreen/testing';

import { TestStack } from '../support/stack';

/**
 * Issue 20, item 4: one carrier must not overwrite another's port-of-entry answer. A document
 * decided NO_BOARD on one carrier's flight stays NO_BOARD at the port after another carrier's
 * later check of "someone else" with the same number came out CLEAR; the look-up lists both, and
 * the document presented under two identities is a finding and a REFER reason.
 */
const NATIONAL_LIST = `id,kind,surname,given_names,dates_of_birth,nationalities,gender,programs
NWL-1,PERSON,KARVONEN,Aleksi Juhani,1971-03-14,FIN,M,TRAVEL_BAN
`;
const NUMBER = 'XF7777777';

const manifest = (carrier: string, ref: string, surname: string, givenNames: string, dob: string) =>
  JSON.stringify({
    format: 'paxscreen.manifest',
    version: 1,
    messageId: ref,
    kind: 'PASSENGERS',
    flight: {
      carrier,
      number: ref.slice(-4),
      departure: { port: 'HEL', at: '2030-01-01T10:00' },
      arrival: { port: 'JFK', at: '2030-01-01T13:00' },
    },
    travellers: [
      {
        surname,
        givenNames,
        dateOfBirth: dob,
        gender: 'M',
        nationality: 'FIN',
        documents: [{ type: 'P', number: NUMBER, issuer: 'FIN', expiry: '2031-01-01' }],
      },
    ],
  });

interface Lookup {
  advanceData: boolean;
  decision?: { outcome: string; reasons: { kind: string; action: string }[] };
  otherDecisions?: { manifestId: string; outcome: string }[];
  findings?: { code: string }[];
}

describe('security: one carrier cannot overwrite another port-of-entry answer (issue 20, item 4)', () => {
  const stack = TestStack.create('sec-hotpath', ['AY', 'BA'], { IAPI_TIMEOUT_MS: '5000' });
  let gateway: string;
  let officer: string;

  beforeAll(async () => {
    await stack.start('watchlist');
    await stack.importList('national.csv', NATIONAL_LIST, 'NATIONAL');
    await stack.start('screening');
    await stack.start('parser');
    await stack.start('gateway');
    gateway = await stack.url('gateway');
    officer = await stack.token('officer');
  });

  afterAll(() => stack.close());

  const iapi = async (carrier: string, body: string) => {
    const res = await fetch(`${gateway}/v1/iapi`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-api-key': stack.keys.get(carrier)! },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { answers: { status: string }[] }).answers[0].status;
  };
  const lookup = async (): Promise<Lookup> => {
    const res = await fetch(`${gateway}/v1/poe/documents/FIN/${NUMBER}`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    return (await res.json()) as Lookup;
  };

  it('keeps the most severe decision after a later CLEAR from another carrier, and refers the conflict', async () => {
    expect(await iapi('AY', manifest('AY', 'AY0001', 'KARVONEN', 'ALEKSI JUHANI', '1971-03-14'))).not.toBe(
      'OK_TO_BOARD',
    );
    const first = await waitFor(async () => ((await lookup()).advanceData ? lookup() : undefined), {
      what: 'the first decision on the hot path',
    });
    const severe = first.decision!.outcome;
    expect(['REFER', 'NO_BOARD']).toContain(severe);

    expect(await iapi('BA', manifest('BA', 'BA0002', 'SMITH', 'JOHN', '1980-01-01'))).toBe('OK_TO_BOARD');
    const after = await waitFor(
      async () => {
        const r = await lookup();
        return (r.otherDecisions?.length ?? 0) > 0 ? r : undefined;
      },
      { what: 'both decisions on the hot path' },
    );
    expect(after.decision!.outcome).toBe(severe);
    expect(after.decision!.reasons.map((r) => r.kind)).toContain('WATCHLIST');
    expect(after.decision!.reasons).toContainEqual(
      expect.objectContaining({ kind: 'DOCUMENT_CONFLICT', action: 'REFER' }),
    );
    expect(after.otherDecisions).toEqual([expect.objectContaining({ outcome: 'CLEAR' })]);
    expect(after.findings).toEqual([expect.objectContaining({ code: 'DOCUMENT_CONFLICT' })]);
  });
});
