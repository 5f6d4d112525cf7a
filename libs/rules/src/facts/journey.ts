import type { FlightLeg, Traveller } from '@paxscreen/contracts';

import { designator } from './designator';
import { MS_PER_HOUR, localTimeRange } from './partial-date';

/**
 * A stay longer than this at an intermediate port ends a journey (the IATA stopover convention):
 * LHR→JFK, four days in New York, JFK→LHR is two journeys, so the destination is JFK, not LHR.
 */
export const MAX_CONNECTION_HOURS = 24;

/** The legs to read routes from: the itinerary, or the reported flight when the carrier sent none. */
export function legsOf(t: Traveller): readonly FlightLeg[] {
  return t.itinerary && t.itinerary.length > 0 ? t.itinerary : t.flight ? [t.flight] : [];
}

/**
 * Whether the traveller stays longer than a connection between two legs. Arrival and departure
 * are local times at the same port, so their wall-clock difference is exact; when either time is
 * missing the legs are taken as connected (carriers send the times of connecting PNR legs).
 */
function isStopover(arriving: FlightLeg, departing: FlightLeg): boolean {
  const landed = arriving.arrival?.at ? localTimeRange(arriving.arrival.at) : undefined;
  const leaves = departing.departure?.at ? localTimeRange(departing.departure.at) : undefined;
  if (!landed || !leaves) return false;
  return (leaves.lo - landed.hi) / MS_PER_HOUR > MAX_CONNECTION_HOURS;
}

function sameLeg(a: FlightLeg, b: FlightLeg): boolean {
  return (
    designator(a.carrier, a.number) === designator(b.carrier, b.number) &&
    a.departure?.port === b.departure?.port &&
    a.arrival?.port === b.arrival?.port
  );
}

/**
 * The connected legs around the reported flight: the itinerary cut at every stopover, keeping the
 * piece that holds the reported flight (else the first piece).
 */
export function journeyOf(t: Traveller): readonly FlightLeg[] {
  const legs = legsOf(t);
  if (legs.length <= 1) return legs;
  const pieces: FlightLeg[][] = [[legs[0]]];
  for (let i = 1; i < legs.length; i++) {
    if (isStopover(legs[i - 1], legs[i])) pieces.push([]);
    pieces[pieces.length - 1].push(legs[i]);
  }
  const reported = t.flight;
  return (reported && pieces.find((piece) => piece.some((leg) => sameLeg(leg, reported)))) || pieces[0];
}

/** Ports where the traveller changes flights within the journey (arrival ports of all legs but the last). */
export function transitPorts(journey: readonly FlightLeg[]): string[] {
  const ports: string[] = [];
  for (let i = 0; i < journey.length - 1; i++) {
    const port = journey[i].arrival?.port;
    if (port) ports.push(port.toUpperCase());
  }
  return ports;
}
