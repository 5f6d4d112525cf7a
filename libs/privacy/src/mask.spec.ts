import type { Traveller } from '@paxscreen/contracts';

import { maskDocumentNumber, maskName, maskTraveller } from './mask';
import { seal, sealKey, unseal } from './seal';

const traveller = (): Traveller => ({
  travellerId: 't',
  role: 'PASSENGER',
  surname: 'KOWALSKA-NOWAK',
  givenNames: 'ANNA MARIA',
  dateOfBirth: '1980-02-03',
  gender: 'F',
  nationality: 'POL',
  placeOfBirth: 'GDANSK',
  documents: [{ type: 'P', number: 'EA1234567', issuer: 'POL', expiry: '2030-01-01' }],
  flight: { carrier: 'LO', number: '0001', departure: { port: 'WAW' }, arrival: { port: 'JFK' } },
  itinerary: [],
  pnr: {
    locator: 'ABC123',
    contacts: [{ kind: 'email', value: 'anna@example.com' }],
    formsOfPayment: [{ type: 'CC', cardVendor: 'VI', amount: 100 }],
    ticketNumbers: ['0801234567890'],
    bagCount: 2,
  },
  findings: [],
});

describe('masking', () => {
  it.each([
    ['KOWALSKA-NOWAK', 'K*******-N****'],
    ['ANNA MARIA', 'A*** M****'],
    ['O', 'O'],
  ])('maskName(%s) = %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it.each([
    ['EA1234567', '*******67'],
    ['12', '**'],
  ])('maskDocumentNumber(%s) = %s', (n, masked) => expect(maskDocumentNumber(n)).toBe(masked));

  it('masks every identifying element and keeps what analysis needs', () => {
    const m = maskTraveller(traveller());
    const text = JSON.stringify(m);
    for (const secret of [
      'KOWALSKA',
      'ANNA',
      '1980-02-03',
      'GDANSK',
      'EA1234567',
      'anna@example.com',
      '0801234567890',
      'VI',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(m).toMatchObject({
      dateOfBirth: '1980',
      nationality: 'POL',
      flight: { carrier: 'LO' },
      pnr: { locator: 'ABC123', bagCount: 2, formsOfPayment: [{ type: 'CC' }] },
    });
  });
});

describe('sealing', () => {
  const key = sealKey('11'.repeat(32));
  it('round-trips and refuses another key or a tampered record', () => {
    const sealed = seal(traveller(), key, 't');
    expect(unseal<Traveller>(sealed, key, 't').surname).toBe('KOWALSKA-NOWAK');
    expect(() => unseal(sealed, sealKey('22'.repeat(32)), 't')).toThrow(/cannot be opened/);
    expect(() => unseal(sealed, key, 'another-traveller')).toThrow(/cannot be opened/);
    const [iv, tag, body] = sealed.split('.');
    expect(() => unseal(`${iv}.${tag}.${body.slice(0, -2)}AA`, key, 't')).toThrow(/cannot be opened/);
  });

  it('refuses a key of the wrong size', () => expect(() => sealKey('abcd')).toThrow(/32 bytes/));
});
