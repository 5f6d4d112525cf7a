import { ScheduleRowError } from './scheduled-flight';

const FLIGHT_NUMBER = /^0*(\d{1,4})([A-Z]?)$/;
const CARRIER = /^[A-Z0-9]{2}[A-Z]?$/;
const PORT = /^[A-Z]{3}$/;

/**
 * The canonical flight number, as the parser keys manifests (four digits, optional operational
 * suffix): `12` → `0012`, `LA532` is `LA` + `0532`. Throws for anything else.
 */
export function canonicalFlightNumber(raw: string): string {
  const m = FLIGHT_NUMBER.exec(raw.trim().toUpperCase());
  if (!m)
    throw new ScheduleRowError(
      'INVALID_FLIGHT_NUMBER',
      'the flight number is not 1-4 digits and an optional letter',
    );
  return m[1].padStart(4, '0') + m[2];
}

/** IATA airline designator: two characters (letters or digits) or three letters (ICAO). */
export function carrierCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  if (!CARRIER.test(code))
    throw new ScheduleRowError('INVALID_CARRIER', 'the carrier is not a 2-3 character airline designator');
  return code;
}

export function portCode(raw: string, what: string): string {
  const code = raw.trim().toUpperCase();
  if (!PORT.test(code))
    throw new ScheduleRowError('INVALID_PORT', `the ${what} is not a three-letter IATA airport code`);
  return code;
}
