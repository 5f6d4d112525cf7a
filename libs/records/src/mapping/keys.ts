import {
  canonicalCode,
  canonicalDocumentNumber,
  type FlightLeg,
  type TravelDocument,
} from '@paxscreen/contracts';

const DAY = /^\d{4}-\d{2}-\d{2}/;

/**
 * The date a record is filed under (its partition): the scheduled departure day as reported, else
 * the arrival day, else the day the event was made. Carriers report local times; the day is
 * taken as written.
 */
export function travelDate(flight: FlightLeg | undefined, occurredAt: string): string {
  for (const at of [flight?.departure?.at, flight?.arrival?.at, occurredAt])
    if (at && DAY.test(at) && !Number.isNaN(Date.parse(at.slice(0, 10)))) return at.slice(0, 10);
  return new Date().toISOString().slice(0, 10);
}

/**
 * `ISSUER:NUMBER` in the canonical forms of libs/contracts (issuer empty when not reported): the
 * key of the document indexes, compared as the hot path compares documents.
 */
export function documentKey(issuer: string | undefined, number: string): string {
  return `${issuer ? canonicalCode(issuer) : ''}:${canonicalDocumentNumber(number)}`;
}

export function documentKeys(documents: readonly TravelDocument[]): string[] {
  return [...new Set(documents.map((d) => documentKey(d.issuer, d.number)))];
}

/** The departure day of a flight key (`XY0001:2026-12-06` → 2026-12-06), or null. */
export function flightKeyDate(flightKey: string): string | null {
  const day = flightKey.slice(flightKey.lastIndexOf(':') + 1);
  return DAY.test(day) && day.length === 10 && !Number.isNaN(Date.parse(day)) ? day : null;
}
