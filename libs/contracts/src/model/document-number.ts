/**
 * The one compared form of travel document numbers and issuer / country codes (issue 20, item 3).
 * Every place that compares a number (lost/stolen, enrolments, watchlist documents, hot-path keys,
 * port-of-entry look-ups) goes through these, so a number typed with look-alike characters meets
 * the listed one: `XA0000101` with a Cyrillic `Х`/`А`, a zero-width space, full-width digits or a
 * soft hyphen is the same key as the ASCII number.
 *
 * Steps: Unicode compatibility decomposition (NFKD: full-width and styled letters and digits become
 * ASCII ones, accents come apart), combining marks and invisible format characters removed (zero
 * width space / joiners, soft hyphen, BOM, direction marks, fillers), upper case, Cyrillic and
 * Greek capitals that look like Latin ones folded to them, and everything that is neither a letter
 * nor a digit dropped (spaces, dashes, `<` filler, dots, slashes as printed or typed). A letter of
 * another script that looks like no Latin one is kept: it can then match nothing ASCII.
 *
 * WARNING: hot-path keys and list indexes are built with this; a change orphans stored keys until
 * they expire (HOTPATH_TTL_HOURS) and needs the lists re-applied.
 */

/** Cyrillic and Greek capitals drawn like a Latin capital (Unicode confusables, capitals only). */
const CONFUSABLES: Readonly<Record<string, string>> = {
  // Cyrillic
  А: 'A',
  В: 'B',
  Е: 'E',
  Ё: 'E',
  З: '3',
  І: 'I',
  Ї: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Ѕ: 'S',
  Т: 'T',
  У: 'Y',
  Ү: 'Y',
  Х: 'X',
  Һ: 'H',
  Ԁ: 'D',
  Ԍ: 'G',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  // Greek
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ϲ: 'C',
  Ϳ: 'J',
};

/** Printable ASCII only: the common case, compared without Unicode work. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const NOT_ASCII_ALNUM = /[^A-Z0-9]/g;
/** Combining marks, format characters (Cf: ZWSP, ZWJ, soft hyphen, BOM, bidi marks) and fillers. */
const INVISIBLE = /[\p{M}\p{Cf}\u115F\u1160\u3164\uFFA0\u180E]/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;
const FOLDABLE = /[\u0370-\u03FF\u0400-\u052F]/gu;

function fold(value: string): string {
  const upper = value.normalize('NFKD').replace(INVISIBLE, '').toUpperCase();
  return upper.replace(FOLDABLE, (ch) => CONFUSABLES[ch] ?? ch).replace(NOT_LETTER_OR_DIGIT, '');
}

/** The compared form of a document number (see above). */
export function canonicalDocumentNumber(raw: string): string {
  if (PRINTABLE_ASCII.test(raw)) return raw.toUpperCase().replace(NOT_ASCII_ALNUM, '');
  return fold(raw);
}

/** The compared form of an issuer, nationality or country code (`ХАА` → `XAA`, `ｆｒａ` → `FRA`). */
export function canonicalCode(raw: string): string {
  if (PRINTABLE_ASCII.test(raw)) return raw.trim().toUpperCase();
  return fold(raw);
}

/**
 * True when a value holds anything but printable ASCII: a data-quality finding for a document
 * number or a code (ICAO 9303 numbers and codes are ASCII), and the sign that a match on it was
 * only made after folding.
 */
export function hasNonAscii(raw: string): boolean {
  return !PRINTABLE_ASCII.test(raw);
}

/** `ISSUER:NUMBER` in compared form: the exact-match key of lost/stolen documents and enrolments. */
export function documentKey(issuer: string | undefined, number: string): string {
  return `${canonicalCode(issuer ?? '')}:${canonicalDocumentNumber(number)}`;
}

/** The parts of a `documentKey` (issuer '' when none was reported). */
export function parseDocumentKey(key: string): { issuer: string; number: string } {
  const at = key.indexOf(':');
  return at < 0 ? { issuer: '', number: key } : { issuer: key.slice(0, at), number: key.slice(at + 1) };
}
