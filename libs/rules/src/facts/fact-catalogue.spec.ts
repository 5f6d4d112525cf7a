import type { Traveller } from '@paxscreen/contracts';

import { renderValue } from '../compile/template';
import { doc, leg, traveller, withPnr } from '../traveller.fixture';
import { FACTS, FACT_NAMES, lookupFact } from './fact-catalogue';
import { FactReader } from './fact-reader';

/** A fact as officers would read it in an explanation ('unknown' when not carried). */
function read(name: string, t: Traveller): string {
  const found = lookupFact(name)!;
  return renderValue(found.definition.kind, new FactReader(t).read(found.index));
}

const connecting = traveller({
  flight: leg('DOH', 'MAD', '2025-07-02T02:00', '2025-07-02T08:00', 'QX0007'),
  itinerary: [
    leg('LIM', 'DOH', '2025-07-01T08:00', '2025-07-01T23:00', 'QX6'),
    leg('DOH', 'MAD', '2025-07-02T02:00', '2025-07-02T08:00', 'QX0007'),
  ],
});

describe('facts read from a traveller', () => {
  it.each([
    ['role', traveller({ role: 'CREW' }), 'CREW'],
    ['gender', traveller({ gender: 'X' }), 'X'],
    ['gender', traveller({ gender: 'U' }), 'unknown'],
    ['nationality', traveller({ nationality: undefined }), 'unknown'],
    ['ageAtArrival', traveller({ dateOfBirth: '1985-04-12' }), '40'],
    ['ageAtArrival', traveller({ dateOfBirth: '2008' }), '16–17'],
    ['ageAtArrival', traveller({ dateOfBirth: undefined }), 'unknown'],
    ['ageAtArrival', traveller({ flight: leg('CDG', 'JFK') }), 'unknown'],
    ['document.type', traveller({ documents: [doc({ type: 'V' }), doc({ type: 'P' })] }), 'P'],
    [
      'document.issuer',
      traveller({ documents: [doc({ type: 'V', issuer: 'USA' }), doc({ issuer: 'DEU' })] }),
      'DEU',
    ],
    ['document.issuer', traveller({ documents: [] }), 'unknown'],
    ['document.expiryDaysAfterArrival', traveller({ documents: [doc({ expiry: '2025-06-30' })] }), '-1'],
    ['document.expiryDaysAfterArrival', traveller({ documents: [doc({ expiry: '2025-07' })] }), '0–30'],
    ['document.expiryDaysAfterArrival', traveller({ documents: [doc({ expiry: undefined })] }), 'unknown'],
    [
      'documents.issuers',
      traveller({ documents: [doc({ issuer: 'FRA' }), doc({ type: 'V', issuer: 'USA' })] }),
      'FRA, USA',
    ],
    ['flight.designator', traveller(), 'XA100'],
    ['flight.origin', traveller(), 'CDG'],
    ['flight.arrivalAt', traveller(), '2025-07-01T12:30'],
    ['itinerary.origin', connecting, 'LIM'],
    ['itinerary.origin', traveller({ embarkation: 'ORY' }), 'ORY'],
    ['itinerary.destination', connecting, 'MAD'],
    ['itinerary.transitPorts', connecting, 'DOH'],
    ['itinerary.transitPorts', traveller(), 'none'],
    ['itinerary.ports', connecting, 'LIM, DOH, MAD'],
    ['itinerary.legCount', connecting, '2'],
    ['pnr.present', traveller(), 'no'],
    ['pnr.present', withPnr({}), 'yes'],
    ['pnr.paymentTypes', withPnr({ formsOfPayment: [{ type: 'cc' }, { type: 'CA' }] }), 'CC, CA'],
    ['pnr.paymentTypes', withPnr({ formsOfPayment: [] }), 'unknown'],
    ['pnr.oneWay', withPnr({ oneWay: false }), 'no'],
    ['pnr.oneWay', traveller(), 'unknown'],
    ['pnr.bookingLeadHours', withPnr({ bookingDate: '2025-07-01T04:30' }), '5.5'],
    ['pnr.bookingLeadHours', withPnr({ createdAt: '2025-06-30T10:00' }), '24'],
    ['pnr.bookingLeadHours', withPnr({ bookingDate: '2025-07-01' }), '0–10'],
    ['pnr.bookingLeadHours', withPnr({ bookingDate: '2025-07-01T11:00' }), 'unknown'],
    ['pnr.partySize', withPnr({ partySize: 3 }), '3'],
    ['bagCount', withPnr({ bagCount: 2 }), '2'],
    ['bagCount', withPnr({ bagCount: 2 }, { bagCount: 0 }), '0'],
    ['bagWeightKg', traveller({ baggage: { weight: 23, weightUnit: 'KGM' } }), '23'],
    ['bagWeightKg', traveller({ baggage: { weight: 50, weightUnit: 'LBR' } }), '22.7'],
    ['bagWeightKg', withPnr({ bagWeightKg: 18.5 }), '18.5'],
    ['bagWeightKg', traveller({ baggage: { weight: 3, weightUnit: 'XYZ' } }), 'unknown'],
    ['bagWeightKg', traveller(), 'unknown'],
    [
      'bagTagCount',
      traveller({
        baggage: {
          tags: [
            { first: 'ZZ123456', count: 2 },
            { first: 'ZZ999000', count: 1 },
          ],
        },
      }),
      '3',
    ],
    ['bagTagCount', traveller(), 'unknown'],
    ['bagPool', traveller({ baggage: { pool: 'HEAD' } }), 'HEAD'],
    ['bagPool', traveller(), 'unknown'],
  ])('%s of %#', (name, t, expected) => {
    expect(read(name, t)).toBe(expected);
  });

  it('reads every fact of a malformed traveller as unknown instead of throwing', () => {
    const broken = {
      travellerId: 'x',
      documents: 'none',
      itinerary: 42,
      flight: null,
    } as unknown as Traveller;
    const reader = new FactReader(broken);
    expect(() => FACTS.forEach((_f, i) => reader.read(i))).not.toThrow();
    expect(read('document.issuer', broken)).toBe('unknown');
  });

  it('names facts uniquely', () => {
    expect(new Set(FACT_NAMES).size).toBe(FACT_NAMES.length);
  });
});
