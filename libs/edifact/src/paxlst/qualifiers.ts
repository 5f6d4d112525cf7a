import type { Finding } from '@paxscreen/contracts';

import { finding } from '../quality/finding';

/**
 * Qualifiers of the PAXLST implementation guides (WCO/IATA/ICAO D02B–D15B and the US variant) that
 * the reader knows, read or deliberately not. Anything else is kept as an UNKNOWN_QUALIFIER finding
 * naming segment and qualifier (codes only, never the value), instead of being dropped silently.
 */
const KNOWN = {
  /** TDT group: 125 departure, 87 arrival, 92 routing, 22 customs clearance, 130 final destination; US 005/008. */
  legLoc: new Set(['125', '87', '92', '22', '130', '005', '008']),
  /** Traveller: 91 document issuer, 174 residence, 178 embarkation, 179 debarkation, 180 birth, 22 clearance. */
  travellerLoc: new Set(['91', '174', '178', '179', '180', '22']),
  /** TDT group: 189 departure, 232 arrival; US 136/132 (read by the US variant reader). */
  legDtm: new Set(['189', '232', '136', '132']),
  /** Traveller: 329 birth, 36 expiry, 182 issue. */
  travellerDtm: new Set(['329', '36', '182']),
  /** Traveller: AVF booking, ABO passenger reference, SEA seat, AEA/CR/ACD/AXA other references. */
  travellerRff: new Set(['AVF', 'ABO', 'SEA', 'AEA', 'CR', 'ACD', 'AXA']),
  /** DOC 1001 document names: ICAO 9303 first letters and the IATA/WCO guide codes. */
  doc: new Set([
    'P',
    'PT',
    'PD',
    'PL',
    'PO',
    'PS',
    'PM',
    'V',
    'A',
    'AC',
    'C',
    'I',
    'IP',
    'IN',
    'F',
    'M',
    'L',
    'T',
    'G',
  ]),
} as const;

export type QualifierSet = keyof typeof KNOWN;

/** Adds an UNKNOWN_QUALIFIER finding to `into` when `qualifier` is not in the set (empty: nothing). */
export function checkQualifier(
  set: QualifierSet,
  tag: string,
  qualifier: string,
  position: number,
  into: Finding[],
): void {
  if (qualifier === '' || KNOWN[set].has(qualifier)) return;
  into.push(
    finding('UNKNOWN_QUALIFIER', `${tag} qualifier ${safeCode(qualifier)} is outside the PAXLST guide`, {
      segment: position,
      field: `${tag}+${safeCode(qualifier)}`,
    }),
  );
}

/** A qualifier is a short code; anything longer or not alphanumeric is cut so no data reaches a log. */
function safeCode(qualifier: string): string {
  const code = qualifier.slice(0, 3).toUpperCase();
  return /^[A-Z0-9]{1,3}$/.test(code) ? code : '?';
}
