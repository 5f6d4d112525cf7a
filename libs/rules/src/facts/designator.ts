/** Carrier (IATA two characters, or ICAO three letters) then number (1–4 digits, optional suffix). */
export const DESIGNATOR_PATTERN = /^([A-Z0-9]{2}[A-Z]?)(\d{1,4}[A-Z]?)$/;

/** Flight designators compare without leading zeros in the number: `BA0117` and `BA117` are one flight. */
export function designator(carrier: string, number: string): string {
  return `${carrier.trim().toUpperCase()}${number
    .trim()
    .toUpperCase()
    .replace(/^0+(?=\d)/, '')}`;
}

/** A designator written in a rule (`ba0117`) in the form the fact reads (`BA117`); other text only upper-cased. */
export function normaliseDesignator(value: string): string {
  const d = DESIGNATOR_PATTERN.exec(value.trim().toUpperCase());
  return d ? designator(d[1], d[2]) : value.trim().toUpperCase();
}
