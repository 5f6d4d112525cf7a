import type { Traveller } from '@paxscreen/contracts';

import { checkTraveller } from './traveller-checks';

const leg = { carrier: 'LH', number: '0400', departure: { port: 'FRA' }, arrival: { port: 'JFK' } };
const traveller = (over: Partial<Traveller> = {}): Traveller => ({
  travellerId: 't',
  role: 'PASSENGER',
  surname: 'DOE',
  givenNames: 'JANE',
  dateOfBirth: '1980-01-02',
  gender: 'F',
  nationality: 'GBR',
  documents: [{ type: 'P', number: 'X1', issuer: 'GBR', expiry: '2030-01-01' }],
  flight: leg,
  itinerary: [leg],
  findings: [],
  ...over,
});
const codes = (t: Traveller, strict = true) => {
  checkTraveller(t, { index: 0, segment: 7, refDate: '2025-06-01', strict });
  return t.findings.map((f) => f.code);
};

describe('checkTraveller', () => {
  it.each([
    [{}, []],
    [{ surname: '' }, ['MISSING_SURNAME']],
    [{ dateOfBirth: undefined }, ['MISSING_DATE_OF_BIRTH']],
    [{ dateOfBirth: '2026-01-01' }, ['IMPOSSIBLE_DATE_OF_BIRTH']],
    [{ dateOfBirth: '1890-01-01' }, ['IMPLAUSIBLE_AGE']],
    [{ gender: 'U' as const }, ['MISSING_GENDER']],
    [{ nationality: undefined }, ['MISSING_NATIONALITY']],
    [{ documents: [] }, ['MISSING_DOCUMENT']],
    [
      { documents: [{ type: '', number: '', issuer: 'GBR' }] },
      ['MISSING_DOCUMENT_NUMBER', 'MISSING_DOCUMENT_TYPE'],
    ],
    [
      { documents: [{ type: 'P', number: 'X', expiry: '2024-12-31' }] },
      ['MISSING_DOCUMENT_ISSUER', 'DOCUMENT_EXPIRED'],
    ],
    [
      { documents: [{ type: 'P', number: 'X', issuer: 'FRA', expiry: '2061-02-18' }] },
      ['IMPLAUSIBLE_EXPIRY'],
    ],
    [{ documents: [{ type: 'P', number: 'X', issuer: 'FRA' }] }, ['MISSING_DOCUMENT_EXPIRY']],
    [{ documents: [{ type: 'IP', number: 'X', issuer: 'FRA' }] }, ['MISSING_DOCUMENT_EXPIRY']],
    [{ documents: [{ type: 'V', number: 'X', issuer: 'FRA' }] }, []],
    [{ documents: [{ type: 'F', number: 'X', issuer: 'FRA' }] }, []],
  ])('%o → %j', (over, expected) => {
    expect(codes(traveller(over))).toEqual(expected);
  });

  it('reports a passport without expiry as a warning on its own field', () => {
    const t = traveller({
      documents: [
        { type: 'V', number: 'V1', issuer: 'USA' },
        { type: 'P', number: 'X1', issuer: 'GBR' },
      ],
    });
    checkTraveller(t, { index: 2, segment: 9, refDate: '2025-06-01', strict: true });
    expect(t.findings).toEqual([
      {
        code: 'MISSING_DOCUMENT_EXPIRY',
        severity: 'warning',
        message: 'passport or identity card has no expiry date',
        segment: 9,
        field: 'documents[1].expiry',
        traveller: 2,
      },
    ]);
  });

  it('does not report a missing expiry when the sent one was unreadable (INVALID_DATE)', () => {
    const t = traveller({
      documents: [{ type: 'P', number: 'X1', issuer: 'GBR' }],
      findings: [{ code: 'INVALID_DATE', severity: 'error', message: 'x', field: 'document.expiry' }],
    });
    expect(codes(t)).toEqual(['INVALID_DATE']);
  });

  it('does not ask PNR data for what bookings do not hold', () => {
    expect(
      codes(traveller({ dateOfBirth: undefined, gender: 'U', nationality: undefined, documents: [] }), false),
    ).toEqual([]);
    expect(codes(traveller({ documents: [{ type: 'P', number: 'X1', issuer: 'GBR' }] }), false)).toEqual([]);
  });

  it('points at the segment, field and traveller, never at values', () => {
    const t = traveller({ surname: '' });
    checkTraveller(t, { index: 3, segment: 12, refDate: '2025-06-01', strict: true });
    expect(t.findings[0]).toEqual({
      code: 'MISSING_SURNAME',
      severity: 'error',
      message: 'traveller has no surname',
      segment: 12,
      field: 'surname',
      traveller: 3,
    });
  });
});
