/**
 * Hangul → Latin. A syllable block is decomposed into its initial, vowel and final (Unicode's arithmetic
 * layout, U+AC00 + (initial × 21 + vowel) × 28 + final) and spelt by one of two systems:
 *
 * - Revised Romanization (South Korea, 2000): 김정은 → gim jeong eun, 박 → bak, 설주 → seol ju;
 * - McCune–Reischauer (North Korea and older Western usage), without breves and apostrophes:
 *   김정은 → kim chong un, 리설주 → ri sol chu.
 *
 * Lists and passports hold either (Kim Jong Un, Park Geun-hye, Choe Ryong Hae), so the matching form sits
 * between them: RR's consonants with MR's one-letter vowels (ㅓ o, ㅡ u, ㅕ yo), vowel-poor, so RR's eo/eu
 * cost a cheap vowel and MR's k/t/p/ch a confusable consonant against it.
 */
const BASE = 0xac00;
const LAST = 0xd7a3;
const VOWELS = 21;
const FINALS = 28;

type Table = { initials: readonly string[]; vowels: readonly string[]; finals: readonly string[] };

// Initials: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
// Vowels: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
// Finals: (none) ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
const RR: Table = {
  initials: ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'],
  vowels: ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'],
  finals: ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'],
}; // prettier-ignore
const MR: Table = {
  initials: ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', 'ch', 'k', 't', 'p', 'h'],
  vowels: ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'],
  finals: ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'],
}; // prettier-ignore
/** The matching form: RR's consonants, MR's vowels. */
const MATCHING: Table = { initials: RR.initials, vowels: MR.vowels, finals: RR.finals };

function spell(syllable: string, table: Table): string {
  const code = (syllable.codePointAt(0) ?? 0) - BASE;
  if (code < 0 || code > LAST - BASE) return '';
  const initial = Math.floor(code / (VOWELS * FINALS));
  const vowel = Math.floor((code % (VOWELS * FINALS)) / FINALS);
  const final = code % FINALS;
  let out = table.initials[initial] + table.vowels[vowel] + table.finals[final];
  // ㅅ before ㅣ is sh in McCune–Reischauer (시 shi).
  if (table === MR && initial === 9 && vowel === 20) out = `sh${out.slice(1)}`;
  return out;
}

/** True for precomposed Hangul syllables. */
export function isHangulSyllable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code >= BASE && code <= LAST;
}

/** Revised Romanization, syllable by syllable (no sound-change rules across syllables). */
export function revisedRomanization(text: string): string {
  return [...text].map((ch) => (isHangulSyllable(ch) ? spell(ch, RR) : ch)).join('');
}

/** McCune–Reischauer without diacritics, syllable by syllable. */
export function mccuneReischauer(text: string): string {
  return [...text].map((ch) => (isHangulSyllable(ch) ? spell(ch, MR) : ch)).join('');
}

/** The matching form of one syllable (see the file comment). */
export function hangulMatchingSyllable(ch: string): string {
  return isHangulSyllable(ch) ? spell(ch, MATCHING) : ch;
}
