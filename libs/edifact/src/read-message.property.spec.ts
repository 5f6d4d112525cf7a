import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { FlightLeg, Gender, TravellerRole } from '@paxscreen/contracts';
import fc from 'fast-check';

import { EdifactError } from './errors/edifact.error';
import { readMessage } from './read-message';
import { Delimiters } from './syntax/delimiters';
import { PaxlstTraveller, writePaxlst } from './writers/paxlst.writer';

/**
 * Properties: (1) random and mutated interchanges never crash or hang: each read gives a result or
 * an EdifactError; (2) writer → reader round trips keep every field, with any usable delimiters.
 */
const NOW = new Date('2025-06-01T00:00:00Z');
const GTAS = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'edifact', 'gtas');
const SEEDS = ['Test1.txt', 'apisMessage.txt', 'pnr1.txt', 'codeshare.edi', 'pnrEdge.txt', 'infant.edi'].map(
  (f) => readFileSync(join(GTAS, f)),
);
const RUNS = 300;

function readsOrFailsTyped(bytes: Buffer): void {
  try {
    const result = readMessage(bytes, { now: NOW });
    expect(Array.isArray(result.messages)).toBe(true);
  } catch (err) {
    if (!(err instanceof EdifactError)) throw err;
  }
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ unit: fc.constantFrom(..."+:'?*\\\n\r UNHTDLOC0123$\u2019"), maxLength: 12 }),
  }),
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(seed: Buffer, steps: Mutation[]): Buffer {
  let b = Buffer.from(seed);
  for (const step of steps) {
    const at = b.length === 0 ? 0 : step.at % b.length;
    if (step.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + step.length)]);
    else if (step.kind === 'insert')
      b = Buffer.concat([b.subarray(0, at), Buffer.from(step.text), b.subarray(at)]);
    else if (step.kind === 'byte' && b.length > 0) b[at] = step.value;
    else if (step.kind === 'truncate') b = b.subarray(0, at);
  }
  return b;
}

describe('robustness', () => {
  it('random bytes never crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => readsOrFailsTyped(Buffer.from(bytes))),
      { numRuns: RUNS },
    );
  });

  it('random text after an EDIFACT header never crashes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."UNBHTDAOC+:'?*\\ \n0123"), maxLength: 300 }),
        (tail) =>
          readsOrFailsTyped(Buffer.from(`UNA:+.? 'UNB+UNOA:4+A+B+250101:0000+1'UNH+1+PAXLST:D:05B'${tail}`)),
      ),
      { numRuns: RUNS },
    );
  });

  it('mutated GTAS samples never crash', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (seed, steps) => readsOrFailsTyped(mutate(seed, steps)),
      ),
      { numRuns: RUNS },
    );
  });

  it('JSON-looking input never crashes', () => {
    fc.assert(
      fc.property(fc.json(), (json) => readsOrFailsTyped(Buffer.from(`{"x":${json}}`))),
      { numRuns: RUNS },
    );
  });
});

const SEPARATORS = [...":+'?*$~|^!\\#@%&;=_/"];
const delimiters = fc
  .shuffledSubarray(SEPARATORS, { minLength: 4, maxLength: 4 })
  .map(([component, element, terminator, release]): Partial<Delimiters> => ({
    component,
    element,
    terminator,
    release,
  }));
const word = fc.string({
  unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜÉ-'.,+:?*$~|^!\\#"),
  minLength: 1,
  maxLength: 12,
});
const words = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const isoDay = fc
  .date({ min: new Date('1920-01-01'), max: new Date('2039-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const country = fc.constantFrom('GBR', 'FRA', 'DEU', 'USA', 'CHN', 'XXA', 'UTO', 'NLD', 'BRA');
const code = (chars: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: max });
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

const traveller: fc.Arbitrary<PaxlstTraveller> = fc.record(
  {
    role: fc.constantFrom<TravellerRole>('PASSENGER', 'CREW', 'IN_TRANSIT'),
    ref: code(ALNUM, 1, 10),
    surname: words,
    givenNames: words,
    dateOfBirth: fc.oneof(
      isoDay,
      isoDay.map((d) => d.slice(0, 7)),
      isoDay.map((d) => d.slice(0, 4)),
    ),
    gender: fc.constantFrom<Gender>('M', 'F', 'X', 'U'),
    nationality: country,
    residence: country,
    placeOfBirth: words,
    embarkation: code('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 3, 3),
    debarkation: code('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 3, 3),
    seat: fc
      .tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom(...'ABCDEFGHJK'))
      .map(([r, s]) => `${r}${s}`),
    bagCount: fc.integer({ min: 0, max: 9 }),
    pnr: code(ALNUM, 6, 6).map((locator) => ({ locator })),
    documents: fc.array(
      fc.record(
        {
          type: code('PVIAC', 1, 2),
          number: code(ALNUM, 1, 12),
          issuer: country,
          expiry: isoDay,
          issued: isoDay,
        },
        { requiredKeys: ['type', 'number'] },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ['role', 'surname', 'givenNames', 'gender', 'documents'] },
);

const leg: fc.Arbitrary<FlightLeg> = fc.record({
  carrier: code('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 2, 2),
  number: fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, '0')),
  departure: fc.record({
    port: code('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 3, 3),
    at: isoDay.map((d) => `${d}T10:15`),
  }),
  arrival: fc.record({ port: code('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 3, 3), at: isoDay.map((d) => `${d}T13:40`) }),
});

describe('round trip', () => {
  it('writePaxlst → readMessage keeps every field, whatever the delimiters', () => {
    fc.assert(
      fc.property(
        delimiters,
        fc.boolean(),
        leg,
        fc.array(traveller, { minLength: 1, maxLength: 4 }),
        (d, lineBreaks, flight, travellers) => {
          const text = writePaxlst(
            {
              sender: 'ZZ',
              recipient: 'GOV',
              controlRef: '1',
              messageRef: 'M1',
              kind: 'PASSENGERS',
              flight,
              travellers,
            },
            { delimiters: d, lineBreaks },
          );
          const [m] = readMessage(Buffer.from(text, 'utf8'), { now: NOW }).messages;
          expect(m.manifest.flight).toEqual(flight);
          expect(m.travellers).toHaveLength(travellers.length);
          m.travellers.forEach((t, i) => {
            const { ref: _ref, ...sent } = travellers[i];
            const { travellerId: _id, findings: _f, flight: _fl, itinerary: _it, ...read } = t;
            expect(read).toEqual(sent);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
