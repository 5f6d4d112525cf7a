import type { Traveller } from '@paxscreen/contracts';

import { pnrLinkOf, relationOf } from './co-travellers';

const t = (id: string, pnr?: Traveller['pnr']): Traveller => ({
  travellerId: id,
  role: 'PASSENGER',
  surname: 'DOE',
  givenNames: 'JANE',
  gender: 'F',
  documents: [],
  flight: {
    carrier: 'QF',
    number: '1',
    departure: { port: 'SIN', at: '2026-12-06T08:00' },
    arrival: { port: 'SYD' },
  },
  itinerary: [],
  findings: [],
  ...(pnr ? { pnr } : {}),
});

describe('co-travellers', () => {
  it('needs PNR data, and keeps digests, never the contact or payment values', () => {
    expect(pnrLinkOf(t('a'))).toBeUndefined();
    const link = pnrLinkOf(
      t('a', {
        locator: 'abc123',
        contacts: [{ kind: 'email', value: 'Jane@Example.org' }],
        formsOfPayment: [{ type: 'CC', cardVendor: 'VI', amount: 900, currency: 'AUD' }],
      }),
    )!;
    expect(link).toMatchObject({ locator: 'ABC123', departureDate: '2026-12-06', maskedName: 'D** J***' });
    expect(JSON.stringify(link)).not.toMatch(/example|Jane/i);
  });

  it.each([
    ['the same booking', { locator: 'ABC123' }, { locator: 'abc123' }, 'BOOKING'],
    [
      'a shared e-mail typed differently',
      { locator: 'A1', contacts: [{ kind: 'email' as const, value: 'x.y@mail.com' }] },
      { locator: 'B2', contacts: [{ kind: 'email' as const, value: ' X.Y@MAIL.COM' }] },
      'CONTACT',
    ],
    [
      'a shared phone',
      { locator: 'A1', contacts: [{ kind: 'phone' as const, value: '+61 400 000 111' }] },
      { locator: 'B2', contacts: [{ kind: 'phone' as const, value: '61-400-000-111' }] },
      'CONTACT',
    ],
    [
      'the same card payment',
      { locator: 'A1', formsOfPayment: [{ type: 'CC', cardVendor: 'VI', amount: 1200, currency: 'AUD' }] },
      { locator: 'B2', formsOfPayment: [{ type: 'CC', cardVendor: 'VI', amount: 1200, currency: 'AUD' }] },
      'PAYMENT',
    ],
    [
      'cash only',
      { locator: 'A1', formsOfPayment: [{ type: 'CA' }] },
      { locator: 'B2', formsOfPayment: [{ type: 'CA' }] },
      undefined,
    ],
    ['nothing shared', { locator: 'A1' }, { locator: 'B2' }, undefined],
  ])('relates %s', (_, a, b, relation) => {
    expect(relationOf(pnrLinkOf(t('a', a))!, pnrLinkOf(t('b', b))!)).toBe(relation);
  });

  it('does not relate a traveller to themselves', () => {
    const a = pnrLinkOf(t('a', { locator: 'A1' }))!;
    expect(relationOf(a, a)).toBeUndefined();
  });
});
