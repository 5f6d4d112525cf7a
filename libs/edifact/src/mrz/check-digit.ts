/**
 * ICAO Doc 9303 part 3 §4.9 check digit: characters valued 0–9 (digits), 10–35 (A–Z), 0 (filler `<`),
 * weighted 7, 3, 1 repeating, summed modulo 10.
 */
const WEIGHTS = [7, 3, 1];
const MODULUS = 10;
const LETTER_BASE = 10;

function charValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 65 + LETTER_BASE;
  return 0;
}

export function checkDigit(field: string): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += charValue(field.charCodeAt(i)) * WEIGHTS[i % WEIGHTS.length];
  return sum % MODULUS;
}

/** Whether `digit` (a character; `<` counts as 0 for empty optional fields) checks `field`. */
export function checkDigitMatches(field: string, digit: string): boolean {
  const expected = checkDigit(field);
  if (digit === '<') return expected === 0;
  return digit.length === 1 && digit >= '0' && digit <= '9' && Number(digit) === expected;
}
