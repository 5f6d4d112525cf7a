import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { quicklyValid } from './fast-validate';
import { ContractViolation, decodeEvent, TravellerParsed, validateContract } from './index';

const valid = {
  schemaVersion: 1,
  eventId: '01a213eb-4a64-7be9-9c56-6416afe4c87f',
  occurredAt: '2026-11-25T18:15:16.836Z',
  correlationId: '0196f1c2-7d55-7c4e-9f0a-3a0f1d2c4b5a',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  manifestId: 'ZB0001:2025-03-01:IN:PASSENGERS',
  manifestVersion: 1,
  messageType: 'PNRGOV',
  carrier: 'ZB',
  index: 5,
  total: 100,
  receivedAt: 1795630516836,
  traveller: {
    travellerId: 't-5',
    role: 'PASSENGER',
    surname: 'GOLA',
    givenNames: 'BRUNA',
    dateOfBirth: '1980-02-03',
    gender: 'F',
    nationality: 'URY',
    documents: [{ type: 'P', number: 'XD0000055', issuer: 'URY', expiry: '2031-08-25' }],
    flight: {
      carrier: 'ZB',
      number: '0001',
      departure: { port: 'MVD', at: '2025-03-01T10:00' },
      arrival: { port: 'BRU', at: '2025-03-02T06:00' },
    },
    itinerary: [
      {
        carrier: 'ZB',
        number: '0001',
        departure: { port: 'MVD', at: '2025-03-01T10:00' },
        arrival: { port: 'BRU' },
      },
    ],
    pnr: {
      locator: 'ABC123',
      formsOfPayment: [{ type: 'CC', amount: 12.5, cardVendor: 'VI' }],
      ticketNumbers: ['0571234567890'],
      contacts: [{ kind: 'email', value: 'a@b.c' }],
      bagCount: 1,
    },
    findings: [],
  },
};

const strange: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  NaN,
  '',
  'x',
  'A'.repeat(200),
  true,
  [],
  [{}],
  {},
  [1],
];

/** Every way of replacing one value (at any depth) of `value` by one of `strange`. */
function* mutations(value: unknown): Generator<unknown> {
  for (const s of strange) yield s;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries())
      for (const m of mutations(item)) yield value.map((v, j) => (j === i ? m : v));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, item] of Object.entries(value))
      for (const m of mutations(item)) yield { ...value, [k]: m };
  }
}

describe('quicklyValid', () => {
  const cls = TravellerParsed.Value;
  const classValidatorAccepts = (plain: object) =>
    validateSync(plainToInstance(cls, plain), { forbidUnknownValues: true }).length === 0;

  it('accepts a valid event (the fast path is taken)', () => {
    expect(quicklyValid(cls, plainToInstance(cls, valid))).toBe(true);
    expect(quicklyValid(cls, valid)).toBe(true);
    expect(validateContract(cls, valid)).toBeInstanceOf(cls);
    expect(decodeEvent(cls, JSON.stringify(valid))).toEqual(valid);
  });

  it('never accepts what class-validator refuses, one changed value at any depth', () => {
    let refused = 0;
    for (const mutated of mutations(valid)) {
      if (typeof mutated !== 'object' || mutated === null || Array.isArray(mutated)) continue;
      const quick = quicklyValid(cls, plainToInstance(cls, mutated));
      const quickOnJson = quicklyValid(cls, mutated);
      if (!classValidatorAccepts(mutated)) {
        refused++;
        expect({ mutated, quick, quickOnJson }).toEqual({ mutated, quick: false, quickOnJson: false });
      }
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('leaves the error message to class-validator', () => {
    const bad = { ...valid, traveller: { ...valid.traveller, documents: [{ type: 'PASSPORT', number: 1 }] } };
    expect(() => validateContract(cls, bad)).toThrow(ContractViolation);
    expect(() => validateContract(cls, bad)).toThrow(/traveller\.documents\.0\.type: maxLength/);
    expect(() => decodeEvent(cls, JSON.stringify(bad))).toThrow(/traveller\.documents\.0\.type: maxLength/);
    expect(() => decodeEvent(cls, '{"schemaVersion":')).toThrow('not valid JSON');
  });
});
