import type { FlightLeg, PnrExtras, TravelDocument, Traveller } from '@paxscreen/contracts';

/** Test factories only (imported by specs, never by index.ts). Invented people and flights. */

export function leg(
  from: string,
  to: string,
  departAt?: string,
  arriveAt?: string,
  flight = 'XA100',
): FlightLeg {
  return {
    carrier: flight.slice(0, 2),
    number: flight.slice(2),
    departure: { port: from, ...(departAt && { at: departAt }) },
    arrival: { port: to, ...(arriveAt && { at: arriveAt }) },
  };
}

export const FLIGHT = leg('CDG', 'JFK', '2025-07-01T10:00', '2025-07-01T12:30', 'XA0100');

export function doc(over: Partial<TravelDocument> = {}): TravelDocument {
  return { type: 'P', number: 'X1234567', issuer: 'FRA', expiry: '2030-01-31', ...over };
}

/** A plain adult passenger on CDG→JFK, no PNR; override what a test is about. */
export function traveller(over: Partial<Traveller> = {}): Traveller {
  return {
    travellerId: 't-1',
    role: 'PASSENGER',
    surname: 'EXAMPLE',
    givenNames: 'ALEX',
    dateOfBirth: '1985-04-12',
    gender: 'F',
    nationality: 'FRA',
    documents: [doc()],
    flight: FLIGHT,
    itinerary: [FLIGHT],
    findings: [],
    ...over,
  };
}

export function withPnr(pnr: Partial<PnrExtras>, over: Partial<Traveller> = {}): Traveller {
  return traveller({ pnr: { locator: 'ABC123', ...pnr }, ...over });
}
