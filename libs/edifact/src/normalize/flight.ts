/**
 * Flight designators (IATA Resolution 762 / SSIM): a two-character airline designator (letters or
 * digits, not two digits) or a three-letter ICAO designator, then 1–4 digits and an optional
 * operational suffix letter. Numbers are canonical with four digits (`532` → `0532`) so that the
 * same flight sent as `LA532` and `LA0532` gives one manifest id.
 */

import { DIGIT_0, digitsAt } from './digits';

const NUMBER = /^(\d{1,4})([A-Z]?)$/;
const TWO_CHAR = /^(?![0-9]{2})[A-Z0-9]{2}$/;
const THREE_LETTER = /^[A-Z]{3}$/;
const FLIGHT_DIGITS = 4;

export interface FlightDesignator {
  carrier: string;
  number: string;
}

export function canonicalFlightNumber(raw: string): string | undefined {
  const m = NUMBER.exec(raw.replace(/\s+/g, '').toUpperCase());
  return m ? `${m[1].padStart(FLIGHT_DIGITS, '0')}${m[2]}` : undefined;
}

/** Splits `UA0989` / `DLH400` / `U21234`; `carrierHint` (TDT carrier element) wins when it prefixes. */
export function splitFlight(raw: string, carrierHint?: string): FlightDesignator | undefined {
  const v = raw.replace(/\s+/g, '').toUpperCase();
  const hint = carrierHint?.trim().toUpperCase();
  if (hint && v.startsWith(hint)) {
    const number = canonicalFlightNumber(v.slice(hint.length));
    if (number) return { carrier: hint, number };
  }
  if (TWO_CHAR.test(v.slice(0, 2))) {
    const number = canonicalFlightNumber(v.slice(2));
    if (number) return { carrier: v.slice(0, 2), number };
  }
  if (THREE_LETTER.test(v.slice(0, 3))) {
    const number = canonicalFlightNumber(v.slice(3));
    if (number) return { carrier: v.slice(0, 3), number };
  }
  // Only a number, with the carrier given apart (PNRGOV TVL, JSON).
  const number = canonicalFlightNumber(v);
  if (number && hint) return { carrier: hint, number };
  return undefined;
}

/**
 * The flight of a PAXLST / CUSRES TDT segment (`TDT+20+UA0989+++UA`, `TDT+20+0106+++AA`): the
 * conveyance reference (element 2) read with the carrier element (C040, element 5, else element 4)
 * as the carrier hint. The one reading for the parser and the gateway's sniffing, so both see the
 * same carrier (issue 20: the gateway once read `01` where the parser read AA0106).
 * `value(e, c)` is component `c` of element `e` after the tag, '' when absent.
 */
export function tdtFlight(
  value: (element: number, component: number) => string,
): FlightDesignator | undefined {
  const hint = value(4, 0) || value(3, 0) || undefined;
  return splitFlight(value(1, 0), hint);
}

/**
 * Seats as `12A`: leading zeros dropped (`074E`), placeholders such as `XXX` mean "none". The rule
 * is `/^0*(\d{1,3})([A-Z])$/` on the trimmed, upper-cased value, read by hand: one seat per
 * traveller, and the regex's match array was a measurable share of a parse's garbage.
 */
const LETTER_A = 65;
const LETTER_Z = 90;
const MAX_SEAT_DIGITS = 3;

export function canonicalSeat(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const v = raw.trim().toUpperCase();
  const last = v.length - 1;
  if (last < 1) return undefined;
  const letter = v.charCodeAt(last);
  if (letter < LETTER_A || letter > LETTER_Z) return undefined;
  if (!digitsAt(v, 0, last)) return undefined;
  // Leading zeros go, but one digit stays (`0A` stays `0A`, as `0*` backtracks for `\d{1,3}`).
  let from = 0;
  while (from < last - 1 && v.charCodeAt(from) === DIGIT_0) from++;
  if (last - from > MAX_SEAT_DIGITS) return undefined;
  return from === 0 ? v : v.slice(from);
}
