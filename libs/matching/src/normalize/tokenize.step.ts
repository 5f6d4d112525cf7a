/**
 * Splits folded text into raw tokens. Apostrophes join (Qa'ida → qaida, O'Brien → obrien); dotted
 * initialisms join (A.B.C. → abc, U.S. → us) but a dotted single initial stays one letter (J. → j);
 * `&` is the word `and`; every other non-alphanumeric character separates (hyphens, commas, brackets).
 */
const APOSTROPHES = /'/g;
const DOTTED_INITIALISM = /\b(?:[a-z]\.){2,}(?![a-z])/g;
const AMPERSAND = /&/g;
const SEPARATORS = /[^a-z0-9]+/;

export function tokenize(text: string): string[] {
  return text
    .replace(APOSTROPHES, '')
    .replace(DOTTED_INITIALISM, (m) => ` ${m.replace(/\./g, '')} `)
    .replace(AMPERSAND, ' and ')
    .split(SEPARATORS)
    .filter((t) => t.length > 0);
}
