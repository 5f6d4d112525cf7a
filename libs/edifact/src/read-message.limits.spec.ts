import { EdifactError } from './errors/edifact.error';
import { mergeParts } from './manifest/merge-parts';
import { readMessage } from './read-message';
import { MAX_PARTS } from './types';

/**
 * Inputs found by `npm run fuzz` that crashed a read (an untyped error) or stalled it: each must
 * now end in a typed EdifactError, or in a result, quickly.
 */
const NOW = new Date('2025-06-01T00:00:00Z');
const UNB = "UNB+UNOA:4+S+R+250101:0000+1'";
const part = (n: number, sequence: number | string, flag = 'C') =>
  `UNH+${n}+PAXLST:D:05B:UN:IATA+SET+${sequence}:${flag}'BGM+745'TDT+20+ZZ1'UNT+3+${n}'`;
const manifest = (extra: Record<string, unknown>) =>
  JSON.stringify({
    format: 'paxscreen.manifest',
    version: 1,
    kind: 'PASSENGERS',
    flight: { carrier: 'ZZ', number: '1', departure: { port: 'LHR' }, arrival: { port: 'JFK' } },
    travellers: [{ surname: 'A', documents: [] }],
    ...extra,
  });

function codeOf(text: string): string {
  try {
    readMessage(Buffer.from(text), { now: NOW });
    return 'read';
  } catch (err) {
    if (err instanceof EdifactError) return err.code;
    throw err;
  }
}

describe('readMessage limits', () => {
  it.each([
    // A part number of 50 million made the parser count up to it (mergeParts), for minutes.
    ['an EDIFACT part numbered above 99', UNB + part(1, 50_000_000), 'INVALID_PARTS'],
    ['a part numbered 99', UNB + part(1, MAX_PARTS), 'read'],
    [
      'a JSON part numbered above 99',
      manifest({ part: { reference: 'R', sequence: 1e9, final: false } }),
      'INVALID_JSON_MANIFEST',
    ],
    // These overflowed the stack (RangeError) or threw TypeErrors in the reader.
    [
      'JSON nested 100,000 deep',
      manifest({ legs: [JSON.parse('[1]')], x: null }).replace(
        '"x":null',
        `"x":${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      ),
      'INVALID_JSON_MANIFEST',
    ],
    ['a JSON manifest without flight', manifest({ flight: undefined }), 'INVALID_JSON_MANIFEST'],
    ['an array as flight', manifest({ flight: [] }), 'INVALID_JSON_MANIFEST'],
    ['an array as a document', manifest({ travellers: [{ documents: [[]] }] }), 'INVALID_JSON_MANIFEST'],
    ['an array as a leg', manifest({ legs: [[]] }), 'INVALID_JSON_MANIFEST'],
    ['an array as a traveller', manifest({ travellers: [[]] }), 'INVALID_JSON_MANIFEST'],
    // @IsOptional let null through to `.trim()` (a TypeError): null now reads as absent.
    [
      'null optional fields',
      manifest({
        travellers: [
          {
            surname: 'A',
            dateOfBirth: null,
            gender: null,
            nationality: null,
            seat: null,
            bagCount: null,
            documents: [{ type: 'P', number: '1', issuer: null, expiry: null }],
          },
        ],
        reportingParty: null,
        part: null,
        legs: null,
      }),
      'read',
    ],
    ['a null flight', manifest({ flight: null }), 'INVALID_JSON_MANIFEST'],
    ['a null traveller', manifest({ travellers: [null] }), 'INVALID_JSON_MANIFEST'],
  ])('%s → %s', (_label, text, expected) => {
    expect(codeOf(text)).toBe(expected);
  });

  it('counts travellers before validating them (10,001 are refused without validating each)', () => {
    const text = manifest({ travellers: Array.from({ length: 10_001 }, () => ({ surname: 'A' })) });
    const started = performance.now();
    expect(codeOf(text)).toBe('INVALID_JSON_MANIFEST');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads thousands of repeats of one multi-part set in linear time', () => {
    // 8,000 UNH of one set: completeness was decided once per message over the whole set (O(n²)).
    const text = UNB + Array.from({ length: 8000 }, (_, i) => part(i, (i % MAX_PARTS) + 1)).join('');
    const started = performance.now();
    const result = readMessage(Buffer.from(text), { now: NOW });
    expect(result.messages).toHaveLength(8000);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('refuses to merge parts numbered outside 1-99 (parts stored before the rule)', () => {
    const [m] = readMessage(Buffer.from(UNB + part(1, 2)), { now: NOW, mergeParts: false }).messages;
    const bad = { ...m, multipart: { ...m.multipart!, sequence: 2 ** 40 } };
    expect(() => mergeParts([bad])).toThrow(expect.objectContaining({ code: 'INVALID_PARTS' }));
  });
});

describe('maxTravellers (iAPI: refused while reading, not after)', () => {
  const paxlst = (n: number) =>
    `${UNB}UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'TDT+20+ZZ1'` +
    Array.from({ length: n }, (_, i) => `NAD+FL+++P${i}:A'`).join('') +
    `UNT+${n + 3}+1'UNZ+1+1'`;
  const json = (n: number) =>
    JSON.stringify({
      format: 'paxscreen.manifest',
      version: 1,
      kind: 'PASSENGERS',
      flight: { carrier: 'ZZ', number: '1', departure: { port: 'LHR' }, arrival: { port: 'JFK' } },
      travellers: Array.from({ length: n }, () => ({})),
    });

  it.each([
    ['PAXLST', paxlst],
    ['JSON', json],
  ])('%s: reads up to the cap and refuses the first traveller beyond it', (_label, build) => {
    expect(
      readMessage(Buffer.from(build(5)), { now: NOW, maxTravellers: 5 }).messages[0].travellers,
    ).toHaveLength(5);
    expect(() => readMessage(Buffer.from(build(6)), { now: NOW, maxTravellers: 5 })).toThrow(
      expect.objectContaining({ code: 'TOO_MANY_TRAVELLERS' }),
    );
  });

  it('stops a 100,000-traveller PAXLST at the cap: the travellers beyond are never read', () => {
    const body = Buffer.from(paxlst(100_000));
    let error: unknown;
    try {
      readMessage(body, { now: NOW, maxTravellers: 500 });
    } catch (err) {
      error = err;
    }
    // UNB, UNH, BGM, TDT, then NAD 1 at segment 5: the read stopped at NAD 501.
    expect(error).toMatchObject({ code: 'TOO_MANY_TRAVELLERS', segment: 505 });
  });
});
