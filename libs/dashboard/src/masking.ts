/**
 * The operator role sees no personal data (libs/http roles): a flagged decision is shown with the
 * traveller's initials and a masked document number, enough to tell two rows apart, never to
 * identify anyone. Birth dates, full names and document numbers never leave this module.
 */

/** Characters of a document number left visible, only when at least MIN_HIDDEN stay hidden. */
export const VISIBLE_DOCUMENT_CHARS = 2;
const MIN_HIDDEN = 4;
/** Fixed mask length: the real number's length is not disclosed either. */
const MASK = '•'.repeat(5);
const UNKNOWN = '?';

function firstLetter(word: string | undefined): string | undefined {
  for (const ch of word ?? '') if (/\p{L}/u.test(ch)) return ch.toLocaleUpperCase('en');
  return undefined;
}

/** `ALEKSI JUHANI` + `KARVONEN` → `A. K.` (first given name and surname only). */
export function initials(surname: string | undefined, givenNames: string | undefined): string {
  const given = firstLetter(givenNames?.trim().split(/[\s-]+/)[0]);
  const family = firstLetter(surname);
  return [given, family].map((c) => `${c ?? UNKNOWN}.`).join(' ');
}

/** `XF1111111` → `•••••11`; short numbers are masked entirely. */
export function maskedDocument(number: string | undefined): string {
  const clean = (number ?? '').replace(/\s+/g, '');
  if (clean.length < MIN_HIDDEN + VISIBLE_DOCUMENT_CHARS) return MASK;
  return `${MASK}${clean.slice(-VISIBLE_DOCUMENT_CHARS)}`;
}
