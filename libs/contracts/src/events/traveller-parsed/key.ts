import type { FlightLeg } from '../../model/traveller';

/** Travellers and decisions are keyed by flight: one flight's travellers stay in order on one partition. */
export function flightKey(carrier: string, flightNumber: string, departureDate: string | undefined): string {
  return `${carrier}${flightNumber}:${departureDate ?? ''}`;
}

/**
 * The flight key of a reported flight leg: carrier, number and local departure day, exactly as the
 * parser keys the manifest's travellers (`ManifestInfo.departureDate` is the same first ten characters).
 */
export function flightKeyOf(flight: FlightLeg): string {
  return flightKey(flight.carrier, flight.number, flight.departure.at?.slice(0, 10) || undefined);
}
